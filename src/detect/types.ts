// The compiled rule base: what rules.ts builds from rules/ and engine.ts runs.

import type {CategoryCodes, ClauseCategory, DocumentKind, SegmentRole} from '../core/model.js'

export type {CategoryCodes}
import type {Prefilter} from './prefilter.js'
import type {Term} from './patterns.js'

export type QuantityKind = 'hours' | 'percent' | 'weight'
export const QUANTITY_KINDS: readonly QuantityKind[] = ['hours', 'percent', 'weight']

/** A regex of a rule file, folded (no accents, lower case) and compiled with the `g` flag. */
export interface Pattern {
  source: string
  regex: RegExp
  /** The named list of rules/patterns.yml it comes from (`@obligation`), if any. */
  list?: string
}

/** One alternative of a rule's `where` / `where_not`: every key given must hold. */
export interface Context {
  kinds?: DocumentKind[]
  roles?: SegmentRole[]
  sections?: Pattern[]
  fields?: Pattern[]
  text?: Pattern[]
  /** Patterns of the sentences that lead into the list this sentence belongs to ("critères suivants :"). */
  lead?: Pattern[]
}

export interface RuleExample {
  text: string
  kind?: DocumentKind
  role?: SegmentRole
  section?: string[]
  field?: string
  quantities?: {hours?: number; percent?: number; weight?: number}
  line: number
}

export interface Rule {
  id: string
  category: ClauseCategory
  legal: string[]
  description: string
  file: string
  any: Pattern[]
  terms: Term[]
  all: Pattern[]
  require: Pattern[]
  not: Pattern[]
  /** Words either side of the matched words that require/all/not look at; whole sentence when absent. */
  window?: number
  where: Context[]
  whereNot: Context[]
  quantities: QuantityKind[]
  negation: boolean
  boilerplate: boolean
  /** A fallback rule: its findings are dropped when the document has a finding of one of these categories. */
  unlessFound: ClauseCategory[]
  examples: {match: RuleExample[]; nomatch: RuleExample[]}
}

export interface BoilerplateList {
  name: string
  description: string
  patterns: Pattern[]
  /** A sentence that also matches one of these says something specific: not boilerplate. */
  unless: Pattern[]
  /** Categories it suppresses; all when empty. */
  suppresses: ClauseCategory[]
  /** Notice field roles it is limited to (e.g. selection-stage fields); any sentence when empty. */
  roles: SegmentRole[]
  examples: RuleExample[]
}

export interface NegationCues {
  /** Cues that negate when they come shortly before the matched words, in the same clause. */
  before: Pattern[]
  beforeWindow: number
  /** Cues that negate right after the matched words ("n'est pas prévue", ": sans objet"). */
  after: Pattern[]
  afterWindow: number
  /** Words between a "before" cue and the matched words that cancel it ("ne pourra pas se soustraire à"). */
  cancel: Pattern[]
  /** Values meaning "none" when a label ("Clause sociale :") is followed by them. */
  empty: Pattern[]
  checked: string[]
  unchecked: string[]
}

export interface RuleBase {
  /** Stable hash of every rule file's content: a document is re-analysed when it changes. */
  hash: string
  dir: string
  rules: Rule[]
  categories: Record<ClauseCategory, CategoryCodes>
  boilerplate: BoilerplateList[]
  negation: NegationCues
  /** Named pattern lists of rules/patterns.yml, already expanded into the rules. */
  named: Record<string, string[]>
  prefilter: Prefilter
}
