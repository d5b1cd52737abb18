// OCDS export: one release per procedure (notice or DCE), with the fields of the OCDS
// Sustainability extension on the tender and its lots: `hasSustainability` and
// `sustainability[]` ({goal, strategies, description}), mapped from the detected clause
// categories as in docs/TAXONOMY.md. A procedure that could not be analysed gets no
// `hasSustainability` (unknown), never `false`.

import type {ClauseCategory} from '../core/model.js'
import type {ProcedureFindings} from '../stats/notices.js'

export const SUSTAINABILITY_EXTENSION = 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_sustainability_extension/master/extension.json'

/** TAXONOMY.md: category → OCDS goal (sustainabilityGoal.csv) and strategy (sustainabilityStrategy.csv). */
export const OCDS_SUSTAINABILITY: Record<ClauseCategory, {goal: string; strategy: string}> = {
  'insertion-clause': {goal: 'social.disadvantagedEmploymentOpportunities', strategy: 'contractPerformanceConditions'},
  'reserved-disability': {goal: 'social.disadvantagedEmploymentOpportunities', strategy: 'reservedParticipation'},
  'reserved-insertion': {goal: 'social.disadvantagedEmploymentOpportunities', strategy: 'reservedParticipation'},
  'reserved-ess': {goal: 'social', strategy: 'reservedParticipation'},
  'social-award-criterion': {goal: 'social', strategy: 'awardCriteria'},
  'social-other-condition': {goal: 'social', strategy: 'contractPerformanceConditions'},
  'env-execution-condition': {goal: 'environmental', strategy: 'contractPerformanceConditions'},
  'env-award-criterion': {goal: 'environmental', strategy: 'awardCriteria'},
  'env-technical-specification': {goal: 'environmental', strategy: 'technicalSpecifications'},
}

export interface Sustainability {
  goal: string
  strategies: string[]
  description?: string
}

/** Findings grouped by goal, strategies in a stable order, the first quote as description. */
export function sustainabilityOf(findings: ProcedureFindings['findings']): Sustainability[] {
  const byGoal = new Map<string, {strategies: Set<string>; description: string}>()
  for (const f of findings) {
    const m = OCDS_SUSTAINABILITY[f.category]
    if (!m) continue
    const g = byGoal.get(m.goal) ?? byGoal.set(m.goal, {strategies: new Set(), description: f.quote}).get(m.goal)!
    g.strategies.add(m.strategy)
  }
  return [...byGoal.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([goal, g]) => ({
    goal, strategies: [...g.strategies].sort(), description: g.description.length > 500 ? `${g.description.slice(0, 499)}…` : g.description,
  }))
}

/** OCDS identifiers allow letters, digits, dashes: everything else becomes a dash. */
function slug(s: string): string {
  return s.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120)
}

export function toRelease(p: ProcedureFindings, ocidPrefix: string): Record<string, unknown> {
  const ocid = `${ocidPrefix}-${slug(p.facts.noticeId ?? p.unit)}`
  const tender: Record<string, unknown> = {id: p.facts.noticeId ?? p.unit}
  if (p.facts.title) tender.title = p.facts.title
  if (p.facts.cpv?.[0]) tender.classification = {scheme: 'CPV', id: p.facts.cpv[0]}
  if (p.facts.nature) tender.mainProcurementCategory = p.facts.nature === 'supplies' ? 'goods' : p.facts.nature
  if (p.facts.estimatedValue !== undefined) tender.value = {amount: p.facts.estimatedValue, currency: 'EUR'}
  if (p.analysed) {
    const sustainability = sustainabilityOf(p.findings)
    tender.hasSustainability = sustainability.length > 0
    if (sustainability.length > 0) tender.sustainability = sustainability
    const lots = [...new Set(p.findings.map((f) => f.lot).filter((l): l is string => Boolean(l)))]
    if (lots.length > 0) {
      tender.lots = lots.map((id) => {
        const s = sustainabilityOf(p.findings.filter((f) => f.lot === id))
        return {id, hasSustainability: s.length > 0, sustainability: s}
      })
    }
  }
  const release: Record<string, unknown> = {
    ocid, id: `${ocid}-${p.analysedAt.slice(0, 10)}`, date: p.analysedAt, tag: ['tender'], initiationType: 'tender', tender,
  }
  if (p.facts.buyerId || p.facts.buyerName) {
    const id = p.facts.buyerId ?? slug(p.facts.buyerName!)
    const buyer: Record<string, unknown> = {id}
    if (p.facts.buyerName) buyer.name = p.facts.buyerName
    release.buyer = buyer
    release.parties = [{...buyer, roles: ['buyer']}]
  }
  return release
}

/** Writes a release package, streaming one release at a time. */
export async function writeOcds(file: string, procedures: Iterable<ProcedureFindings>, ocidPrefix: string, format: 'json' | 'ndjson'): Promise<number> {
  const {createWriteStream} = await import('node:fs')
  const out = createWriteStream(file)
  const failed = new Promise<never>((_, reject) => out.on('error', reject))
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await Promise.race([new Promise<void>((r) => out.once('drain', () => r())), failed])
  }
  let n = 0
  if (format === 'json') {
    const head = {version: '1.1', publishedDate: new Date().toISOString(), publisher: {name: 'clausescope'}, extensions: [SUSTAINABILITY_EXTENSION]}
    await write(`${JSON.stringify(head).slice(0, -1)},"releases":[\n`)
  }
  for (const p of procedures) {
    const release = JSON.stringify(toRelease(p, ocidPrefix))
    await write(format === 'json' ? `${n > 0 ? ',\n' : ''}${release}` : `${release}\n`)
    n++
  }
  if (format === 'json') await write('\n]}\n')
  await Promise.race([new Promise<void>((resolve) => out.end(resolve)), failed])
  return n
}
