// Notice XML: sniff the root element and dispatch to the TED legacy (R2.0.8/R2.0.9), eForms (UBL)
// or BOAMP (DILA) reader. Also the pieces the three readers share: the builder that turns notice
// fields into segments over one coherent full text, and small fact helpers.

import type {DeclaredCode, ProcedureFacts, Segment, SegmentRole} from '../core/model.js'
import {notAnalysable} from '../core/errors.js'
import {declareConsiderations} from '../detect/declared.js'
import {segmentPages} from '../text/segment.js'
import type {ExtractedDocument, InputFile} from './types.js'
import {parseXml, type XmlElement} from './xml.js'

const EFORMS_ROOTS = new Set(['ContractNotice', 'ContractAwardNotice', 'PriorInformationNotice'])
const TED_LEGACY_ROOTS = new Set(['TED_EXPORT', 'TED_ESENDERS'])

export async function extractNotice(input: InputFile): Promise<ExtractedDocument> {
  const root = await parseXml(input.bytes, input.path)
  if (TED_LEGACY_ROOTS.has(root.name)) return (await import('./ted-legacy.js')).readTedLegacy(root, input.path)
  if (EFORMS_ROOTS.has(root.name)) return (await import('./eforms.js')).readEforms(root, input.path)
  if (root.name === 'ANNONCE') return (await import('./boamp.js')).readBoamp(root, input.path)
  if (root.name === 'BusinessRegistrationInformationNotice') {
    throw notAnalysable('unknown-xml', input.path,
      `${input.path}: eForms <BusinessRegistrationInformationNotice> registers a company; it is not a procurement notice.`)
  }
  throw notAnalysable('unknown-xml', input.path,
    `${input.path}: XML with root element <${root.name}> is not a known notice ` +
    '(expected TED_EXPORT, an eForms ContractNotice / ContractAwardNotice / PriorInformationNotice, or a BOAMP ANNONCE).')
}

/** One free-text field of a notice, as it goes into the document. */
export interface NoticeField {
  text: string
  role: SegmentRole
  field: string           // element or business term, e.g. 'PERFORMANCE_CONDITIONS', 'BT-70'
  section: string[]       // French-readable, e.g. ['Lot 2', "Critères d'attribution"]
  lot?: string
  weight?: number
}

/**
 * Accumulates notice fields into segments whose offsets index one full text: the fields'
 * normalised texts joined by blank lines, in reading order.
 */
export class NoticeText {
  private text = ''
  readonly segments: Segment[] = []

  add(f: NoticeField): void {
    if (f.text.trim().length === 0) return
    const opts: Parameters<typeof segmentPages>[1] = {role: f.role, field: f.field, sectionPrefix: f.section}
    // a title or a criterion name such as "2016 DFA 167 - Prestations..." is not an article heading
    if (f.role === 'title' || f.role === 'award-criterion') opts.headings = false
    if (f.lot !== undefined) opts.lot = f.lot
    if (f.weight !== undefined) opts.weight = f.weight
    const {fullText, segments} = segmentPages([{text: f.text}], opts)
    if (fullText.trim().length === 0) return
    const base = this.text.length === 0 ? 0 : this.text.length + 2
    this.text = this.text.length === 0 ? fullText : `${this.text}\n\n${fullText}`
    for (const s of segments) this.segments.push({...s, start: s.start + base, end: s.end + base})
  }

  get fullText(): string {
    return this.text
  }
}

/** The document a reader returns; `empty` when the notice has neither text nor codes. */
export function noticeDocument(
  format: 'ted-xml' | 'eforms' | 'boamp',
  path: string,
  text: NoticeText,
  codes: DeclaredCode[],
  facts: ProcedureFacts,
): ExtractedDocument {
  if (text.segments.length === 0 && codes.length === 0) {
    throw notAnalysable('empty', path, `${path}: the ${format} notice holds no text field and no coded field to analyse.`)
  }
  const doc: ExtractedDocument = {format, kind: 'notice', segments: text.segments, facts: compactFacts(facts)}
  if (codes.length > 0) doc.declared = declareConsiderations(codes)
  return doc
}

function compactFacts(facts: ProcedureFacts): ProcedureFacts {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(facts)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue
    out[k] = v
  }
  return out as ProcedureFacts
}

/** French département from a postal code: 2 digits, 3 overseas (97x/98x), 2A/2B for Corsica. */
export function departementFromPostalCode(postalCode: string | undefined): string | undefined {
  const pc = (postalCode ?? '').replace(/\s/g, '')
  if (!/^\d{5}$/.test(pc)) return undefined
  if (pc.startsWith('97') || pc.startsWith('98')) return pc.slice(0, 3)
  if (pc.startsWith('20')) return Number(pc) < 20200 ? '2A' : '2B'
  if (pc.startsWith('00')) return undefined
  return pc.slice(0, 2)
}

/**
 * A buyer identifier as published: spaces, dots and dashes removed when what remains is a SIRET
 * (14 digits) or SIREN (9 digits); otherwise the value as written.
 */
export function cleanOrganisationId(raw: string | undefined): string | undefined {
  const t = (raw ?? '').trim()
  if (t.length === 0) return undefined
  const digits = t.replace(/[\s.\-]/g, '')
  if (/^\d{14}$/.test(digits) || /^\d{9}$/.test(digits)) return digits
  // "77886008000010APE990Z": a SIRET with the APE code glued on
  const siret = /^(\d{14})(?!\d)/.exec(digits)
  return siret ? siret[1] : t
}

/** Contract nature from the words each format uses (WORKS, supplies, TRAVAUX, FOURNITURES...). */
export function natureFrom(raw: string | undefined): ProcedureFacts['nature'] {
  const v = (raw ?? '').toLowerCase()
  if (/^(works?|travaux)$/.test(v)) return 'works'
  if (/^(supplies|supply|fournitures?)$/.test(v)) return 'supplies'
  if (/^(services?)$/.test(v)) return 'services'
  return undefined
}

/** 'YYYY-MM-DD' from '2021-06-08', '20210608', '2019-05-10+01:00' or '2024-03-07Z'. */
export function isoDate(raw: string | undefined): string | undefined {
  const t = (raw ?? '').trim()
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(t)
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined
}

/** A money amount as a number (accepts "1 234,50" and "1234.50"); undefined when not one. */
export function amount(raw: string | undefined): number | undefined {
  const t = (raw ?? '').replace(/[\s\u00a0\u202f]/g, '')
  if (!/^\d+(?:[.,]\d+)?$/.test(t)) return undefined
  const n = Number(t.replace(',', '.'))
  return Number.isFinite(n) ? n : undefined
}

/** A stated weighting: "40 %", "40", "40 points", "0,4". */
export interface StatedWeight {
  value: number
  unit: 'percent' | 'points' | 'number'
}

export function parseWeighting(raw: string | undefined): StatedWeight | undefined {
  const t = (raw ?? '').trim().replace(/\s+/g, ' ')
  const m = /^(\d+(?:[.,]\d+)?)\s*(%|pour ?cent|pts?\.?|points?|\/ ?100)?$/i.exec(t)
  if (!m) return undefined
  const value = Number(m[1]!.replace(',', '.'))
  if (!Number.isFinite(value)) return undefined
  const unit = m[2] ?? ''
  if (unit === '%' || /cent|100/i.test(unit)) return {value, unit: 'percent'}
  return {value, unit: /^p/i.test(unit) ? 'points' : 'number'}
}

/**
 * Weights in % of the total for one set of criteria (TAXONOMY: 20 points out of 100 is 20).
 * Percentages are kept; points or bare numbers are scaled by their sum when every criterion of the
 * set states one (60/40 -> 60/40; 6/4 -> 60/40); otherwise they stay unknown.
 */
export function weightsInPercent(stated: ReadonlyArray<StatedWeight | undefined>): Array<number | undefined> {
  const relative = stated.filter((w): w is StatedWeight => w !== undefined && w.unit !== 'percent')
  const allStated = stated.every((w) => w !== undefined)
  const sum = relative.reduce((a, w) => a + w.value, 0)
  const scalable = allStated && relative.length === stated.length && sum > 0
  return stated.map((w) => {
    if (!w) return undefined
    if (w.unit === 'percent') return w.value
    if (!scalable) return undefined
    return Math.abs(sum - 100) < 0.5 ? w.value : Math.round((w.value / sum) * 10000) / 100
  })
}

export type {XmlElement}
