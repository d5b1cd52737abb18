// The shared model every stage speaks: documents, segments, findings, statuses.
// No I/O here. The JSON contract of `scan --json` is built from these types.

export const CLAUSE_CATEGORIES = [
  'insertion-clause',
  'reserved-disability',
  'reserved-insertion',
  'reserved-ess',
  'social-award-criterion',
  'social-other-condition',
  'env-execution-condition',
  'env-award-criterion',
  'env-technical-specification',
] as const

export type ClauseCategory = (typeof CLAUSE_CATEGORIES)[number]

export function isClauseCategory(value: string): value is ClauseCategory {
  return (CLAUSE_CATEGORIES as readonly string[]).includes(value)
}

export type DocumentKind = 'RC' | 'CCAP' | 'CCTP' | 'AE' | 'notice' | 'other'

export type DocumentFormat =
  | 'pdf' | 'docx' | 'odt' | 'html' | 'txt'
  | 'eforms' | 'ted-xml' | 'boamp'
  | 'zip' | 'unknown'

/** Where a document came from. `path` is the display path, e.g. `DCE.zip!/Pieces/CCAP.pdf`. */
export interface Provenance {
  path: string
  url?: string
  sha256: string
  size: number
  readAt: string // ISO 8601
  /** For an archive member: the path of the archive on disk. */
  container?: string
}

/**
 * What a passage is, when the format says it (notice fields) or the layout makes it clear.
 * The engine uses it for section awareness: award criteria are looked for in criteria passages,
 * execution conditions in conditions passages.
 */
export type SegmentRole =
  | 'title'
  | 'description'
  | 'award-criterion'
  | 'execution-condition'
  | 'technical-specification'
  | 'reservation'
  | 'selection'
  | 'other'

export interface Segment {
  text: string           // normalised text of one sentence or one notice field chunk
  page?: number          // 1-based page number, when the format has pages
  section?: string[]     // headings enclosing the segment, outermost first, e.g. ['Article 4 - ...', '4.5 Clause ...']
  start: number          // offset of the segment in the document's normalised full text
  end: number
  role?: SegmentRole
  lot?: string           // lot identifier, for notices
  weight?: number        // award criterion weight in % when the format gives it (eForms BT-541, TED legacy)
  field?: string         // notice field the text came from, e.g. 'BT-70', 'PERFORMANCE_CONDITIONS'
}

/** A coded field of a notice or award record. */
export interface DeclaredCode {
  field: string          // 'BT-06', 'BT-71', 'BT-736', 'BT-774', 'BT-775', 'BT-805', 'RESTRICTED_SHELTERED_WORKSHOP', ...
  code: string           // the list code, e.g. 'res-ws', 'env-imp', or 'true' for legacy flags
  lot?: string
}

export interface DeclaredConsiderations {
  codes: DeclaredCode[]
  /** The clause categories these codes stand for (see src/detect/declared.ts). */
  categories: ClauseCategory[]
}

/** Facts a notice or a document states about the procedure; used by `check` and `stats --notices`. */
export interface ProcedureFacts {
  noticeId?: string
  buyerName?: string
  buyerId?: string
  title?: string
  cpv?: string[]
  nature?: 'works' | 'supplies' | 'services'
  estimatedValue?: number // euros excl. VAT
  dispatchDate?: string   // YYYY-MM-DD
  departement?: string
  lots?: { id: string; title?: string }[]
}

export interface TenderDocument {
  source: Provenance
  format: DocumentFormat
  kind: DocumentKind
  pageCount?: number
  segments: Segment[]
  declared?: DeclaredConsiderations
  facts?: ProcedureFacts
}

export interface Quantities {
  hours?: number
  percent?: number
  weight?: number
}

export interface Finding {
  category: ClauseCategory
  rule: string
  page?: number
  section?: string[]
  start: number
  end: number
  quote: string
  quantities?: Quantities
  legal: string[]
  lot?: string
  /** The category's codes in other vocabularies (rules/categories.yml), attached to every finding. */
  codes?: CategoryCodes
}

/** How a clause category is coded by DECP, eForms and the OCDS sustainability extension (rules/categories.yml). */
export interface CategoryCodes {
  label: string
  /** DECP v2 considerationsSociales / considerationsEnvironnementales value. */
  decp: string
  eforms: string[]
  ocds: {goal: string; strategy: string}
}

export type DocumentStatus = 'analysed' | 'not_analysable' | 'failed'

/** One document's outcome: what `scan` prints and the store keeps. */
export interface DocumentResult {
  path: string
  status: DocumentStatus
  reason?: string        // human-readable, names the file; set unless analysed
  errorCode?: string     // stable code, e.g. 'encrypted', 'no-text-layer', 'invalid-pdf'
  format?: DocumentFormat
  kind?: DocumentKind
  sha256?: string
  size?: number
  pageCount?: number
  findings: Finding[]
  declared?: DeclaredConsiderations
  facts?: ProcedureFacts
  /** True when the store already held this document analysed with the same rule set. */
  cached?: boolean
}
