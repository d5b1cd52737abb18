// STUB (rule engine v1 is being written): the API the pipeline calls.
import type {Finding, TenderDocument} from '../core/model.js'

export interface RuleBase {
  /** Stable hash of every rule file's content: a document is re-analysed when it changes. */
  hash: string
  rules: unknown[]
}

export function loadRuleBase(_dir?: string): RuleBase {
  return {hash: 'none', rules: []}
}

export function detect(_doc: TenderDocument, _rules: RuleBase): Finding[] {
  return []
}
