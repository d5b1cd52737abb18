// Notice indicators: over the analysed notices and documents in the store, per group, how many
// procedures carry each detected clause category, and — where a notice declares coded
// considerations (eForms BT-06/71/774/775/805, BOAMP, legacy TED flags) — how declared and
// detected agree.
//
// The unit is a procedure: the documents sharing a notice id (facts.noticeId), else a DCE
// archive (its container), else a document alone. A procedure none of whose documents could be
// analysed is counted apart (`not_analysable`), never as "no clause".

import {CLAUSE_CATEGORIES, type ClauseCategory, type DeclaredConsiderations, type ProcedureFacts} from '../core/model.js'
import type {Database} from '../store/sqlite.js'
import {dateBound, type AwardDimension, type Figures, type Group} from './awards.js'
import {thresholdFor} from './thresholds.js'

const SOCIAL: ClauseCategory[] = ['insertion-clause', 'reserved-disability', 'reserved-insertion', 'reserved-ess', 'social-award-criterion', 'social-other-condition']
const ENV: ClauseCategory[] = ['env-execution-condition', 'env-award-criterion', 'env-technical-specification']
const FAMILIES: {name: string; categories: ClauseCategory[]}[] = [
  ...CLAUSE_CATEGORIES.map((c) => ({name: c as string, categories: [c]})),
  {name: 'social', categories: SOCIAL},
  {name: 'env', categories: ENV},
]

export const NOTICE_FIGURE_NAMES: string[] = ['notices', 'documents', 'analysed', 'not_analysable', 'declared',
  ...FAMILIES.flatMap((f) => [`${f.name}_notices`, `${f.name}_share`, `${f.name}_both`, `${f.name}_declared_only`, `${f.name}_detected_only`])]

interface Procedure {
  documents: number
  analysed: boolean
  detected: Set<ClauseCategory>
  declared: Set<ClauseCategory> | undefined
  facts: ProcedureFacts
}

interface DocumentRow {
  id: number
  unit: string
  status: string
  declared: string | null
  facts: string | null
  categories: string | null
}

function loadProcedures(db: Database): Procedure[] {
  const rows = db.prepare(`
    SELECT d.id, coalesce(json_extract(d.facts, '$.noticeId'), d.container, d.sha256) AS unit, d.status, d.declared, d.facts,
      (SELECT group_concat(DISTINCT f.category) FROM findings f WHERE f.document_id = d.id) AS categories
    FROM documents d ORDER BY d.id`).all() as DocumentRow[]
  const units = new Map<string, Procedure>()
  for (const r of rows) {
    let p = units.get(r.unit)
    if (!p) units.set(r.unit, p = {documents: 0, analysed: false, detected: new Set(), declared: undefined, facts: {}})
    p.documents++
    const facts = r.facts ? (JSON.parse(r.facts) as ProcedureFacts) : {}
    for (const [k, v] of Object.entries(facts)) if ((p.facts as Record<string, unknown>)[k] === undefined) (p.facts as Record<string, unknown>)[k] = v
    if (r.status !== 'analysed') continue
    p.analysed = true
    for (const c of r.categories?.split(',') ?? []) p.detected.add(c as ClauseCategory)
    const declared = r.declared ? (JSON.parse(r.declared) as DeclaredConsiderations) : undefined
    if (declared && declared.codes.length > 0) {
      p.declared ??= new Set()
      for (const c of declared.categories) p.declared.add(c)
    }
  }
  return [...units.values()]
}

function keyOf(p: Procedure, d: AwardDimension): string | number | null {
  const f = p.facts
  switch (d) {
    case 'year': return f.dispatchDate ? Number(f.dispatchDate.slice(0, 4)) : null
    case 'buyer': return f.buyerId ?? null
    case 'cpv': return f.cpv?.[0]?.slice(0, 2) ?? null
    case 'departement': return f.departement ?? null
    case 'nature': return f.nature ?? null
    case 'procedure': return null
    case 'threshold':
      if (f.estimatedValue === undefined || !f.nature || !f.dispatchDate) return 'unknown'
      return f.estimatedValue >= thresholdFor(f.dispatchDate, f.nature) ? 'at-or-above' : 'below'
  }
}

function figures(ps: Procedure[]): Figures {
  const analysed = ps.filter((p) => p.analysed)
  const declared = analysed.filter((p) => p.declared)
  const out: Figures = {
    notices: ps.length, documents: ps.reduce((s, p) => s + p.documents, 0), analysed: analysed.length,
    not_analysable: ps.length - analysed.length, declared: declared.length,
  }
  for (const fam of FAMILIES) {
    const has = (set: Set<ClauseCategory> | undefined): boolean => fam.categories.some((c) => set?.has(c))
    const n = analysed.filter((p) => has(p.detected)).length
    out[`${fam.name}_notices`] = n
    out[`${fam.name}_share`] = analysed.length > 0 ? n / analysed.length : null
    out[`${fam.name}_both`] = declared.filter((p) => has(p.declared) && has(p.detected)).length
    out[`${fam.name}_declared_only`] = declared.filter((p) => has(p.declared) && !has(p.detected)).length
    out[`${fam.name}_detected_only`] = declared.filter((p) => !has(p.declared) && has(p.detected)).length
  }
  return out
}

export interface NoticeStatsOptions {
  by?: AwardDimension[]
  buyers?: string[]
  from?: string
  to?: string
}

export function noticeStats(db: Database, options: NoticeStatsOptions = {}): {groups: Group[]; total: Figures} {
  const by = options.by ?? []
  const from = options.from ? dateBound(options.from, false, '--from') : undefined
  const to = options.to ? dateBound(options.to, true, '--to') : undefined
  const procedures = loadProcedures(db).filter((p) => {
    if (options.buyers?.length && !options.buyers.includes(p.facts.buyerId ?? '')) return false
    if ((from || to) && !p.facts.dispatchDate) return false
    return !(from && p.facts.dispatchDate! < from) && !(to && p.facts.dispatchDate! > to)
  })
  const total = figures(procedures)
  if (by.length === 0) return {groups: [], total}
  const groups = new Map<string, {key: Group; members: Procedure[]}>()
  for (const p of procedures) {
    const key: Group = Object.fromEntries(by.map((d) => [d, keyOf(p, d)]))
    const id = JSON.stringify(by.map((d) => key[d]))
    const g = groups.get(id) ?? groups.set(id, {key, members: []}).get(id)!
    g.members.push(p)
  }
  const cmp = (a: Group, b: Group): number => {
    for (const d of by) {
      const x = a[d] ?? null, y = b[d] ?? null
      if (x === y) continue
      if (x === null) return 1
      if (y === null) return -1
      return x < y ? -1 : 1
    }
    return 0
  }
  return {groups: [...groups.values()].sort((a, b) => cmp(a.key, b.key)).map((g) => ({...g.key, ...figures(g.members)})), total}
}

/** A procedure with its findings, for exports (OCDS). */
export interface ProcedureFindings {
  unit: string
  facts: ProcedureFacts
  analysed: boolean
  analysedAt: string
  findings: {category: ClauseCategory; lot: string | null; quote: string}[]
}

/** Every procedure (same units as noticeStats) with its findings, in store order. */
export function procedureFindings(db: Database): ProcedureFindings[] {
  const units = new Map<string, ProcedureFindings>()
  const unitOf = new Map<number, ProcedureFindings>()
  const docs = db.prepare(`SELECT d.id, coalesce(json_extract(d.facts, '$.noticeId'), d.container, d.sha256) AS unit,
      d.status, d.facts, d.analysed_at FROM documents d ORDER BY d.id`).all() as {id: number; unit: string; status: string; facts: string | null; analysed_at: string}[]
  for (const d of docs) {
    let p = units.get(d.unit)
    if (!p) units.set(d.unit, p = {unit: d.unit, facts: {}, analysed: false, analysedAt: d.analysed_at, findings: []})
    unitOf.set(d.id, p)
    const facts = d.facts ? (JSON.parse(d.facts) as Record<string, unknown>) : {}
    for (const [k, v] of Object.entries(facts)) if ((p.facts as Record<string, unknown>)[k] === undefined) (p.facts as Record<string, unknown>)[k] = v
    if (d.status !== 'analysed') continue
    p.analysed = true
    if (d.analysed_at > p.analysedAt) p.analysedAt = d.analysed_at
  }
  for (const f of db.prepare('SELECT document_id, category, lot, quote FROM findings ORDER BY document_id, start_offset, id').iterate() as IterableIterator<{document_id: number; category: ClauseCategory; lot: string | null; quote: string}>) {
    unitOf.get(f.document_id)?.findings.push({category: f.category, lot: f.lot, quote: f.quote})
  }
  return [...units.values()]
}
