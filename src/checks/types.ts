// The draft linter's model: the dossier a check reads, the facts that decide which obligations
// apply, and the diagnostics a check returns. Checks are pure functions of these types.

import type {DocumentKind, Finding, Segment} from '../core/model.js'
import type {AwardCriteria} from './criteria.js'

export const CHECK_IDS = [
  'env-award-criterion-missing',
  'price-only-award',
  'env-execution-condition-missing',
  'social-execution-condition-missing',
  'obsolete-legal-reference',
  'label-without-equivalent',
  'insertion-clause-without-quantity',
  'award-weights-inconsistent',
  'reserved-without-legal-basis',
] as const

export type CheckId = (typeof CHECK_IDS)[number]

export function isCheckId(value: string): value is CheckId {
  return (CHECK_IDS as readonly string[]).includes(value)
}

export type Level = 'error' | 'warning'
export type Nature = 'works' | 'supplies' | 'services'
/** Which EU threshold applies to supplies and services: central government, other authorities, utilities. */
export type BuyerType = 'local' | 'central' | 'utility'

/** One piece of the DCE as the linter sees it. */
export interface DraftDocument {
  path: string
  kind: DocumentKind
  segments: Segment[]
  findings: Finding[]
  pageCount?: number
}

/** A document of the input that could not be read: reported, never counted as "no clause". */
export interface UnreadDocument {
  path: string
  status: 'failed' | 'not_analysable'
  reason: string
}

/** Where a fact came from: a flag, the text of a document, or a default. */
export interface Fact<T> {
  value: T
  source: 'flag' | 'document' | 'default'
  /** For a document fact: the file, page and the words it was read from. */
  from?: {path: string; page?: number; quote: string}
}

export interface DossierFacts {
  consultationDate?: Fact<string> // YYYY-MM-DD
  /** When only a deadline for offers was found: the consultation was launched on or before it. */
  launchedBy?: Fact<string>
  estimatedValue?: Fact<number> // euros excl. VAT, all lots together
  /** 'supplies-or-services' when the documents only tell the contract is not works (e.g. CCAG-FCS). */
  nature?: Fact<Nature | 'supplies-or-services'>
  buyer?: Fact<BuyerType>
}

export interface DraftDossier {
  documents: DraftDocument[]
  unread: UnreadDocument[]
  /** Award criteria parsed from the RC (or, without an RC, from whatever document states them). */
  criteria: AwardCriteria
  facts: DossierFacts
}

export interface Diagnostic {
  check: CheckId
  level: Level
  /** In French: what is wrong, naming the document, page or article. */
  message: string
  legal: string[]
  path?: string
  page?: number
  /** The enclosing article or heading, when known. */
  article?: string
  /** In French: what to add or change, citing the article. */
  suggestion: string
  /** The words of the draft the diagnostic is about, when there are any. */
  quote?: string
}

/** Whether a check's conditions of application hold for this dossier. */
export type Applicability =
  | {applies: true}
  | {applies: false; reason: string}
  | {applies: 'undecided'; reason: string}

export interface Check {
  id: CheckId
  level: Level
  legal: string[]
  /** One line, in French, for the report and `--help`. */
  title: string
  applies(dossier: DraftDossier): Applicability
  run(dossier: DraftDossier): Diagnostic[]
}
