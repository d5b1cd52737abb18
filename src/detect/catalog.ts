// The rule base as the `rules` commands show it: a list, one rule in full, the examples run.

import {UsageError} from '../core/errors.js'
import {runAllExamples, type ExampleResult} from './examples.js'
import type {CategoryCodes, RuleBase, RuleExample} from './types.js'

export interface RuleSummary {
  id: string
  category: string
  legal: string[]
  file: string
}

export interface RuleDetails extends RuleSummary {
  description: string
  codes: CategoryCodes
  quantities: string[]
  examples: {match: string[]; nomatch: string[]}
}

export interface RulesTestResult {
  rules: number
  examples: number
  passed: number
  failed: number
  failures: ExampleResult[]
}

export function listRules(base: RuleBase): RuleSummary[] {
  return base.rules.map((r) => ({id: r.id, category: r.category, legal: r.legal, file: r.file}))
}

const exampleText = (e: RuleExample) => e.text

export function describeRule(base: RuleBase, id: string): RuleDetails {
  const rule = base.rules.find((r) => r.id === id)
  if (!rule) {
    const near = base.rules.filter((r) => r.id.includes(id) || id.includes(r.id.split('/')[1] ?? '\0')).map((r) => r.id)
    throw new UsageError(`No rule "${id}" in ${base.dir}.`, near.length > 0 ? near.map((n) => `did you mean ${n}?`) : ['list the rules with: clausescope rules list'])
  }
  return {
    id: rule.id, category: rule.category, legal: rule.legal, file: rule.file, description: rule.description,
    codes: base.categories[rule.category], quantities: rule.quantities,
    examples: {match: rule.examples.match.map(exampleText), nomatch: rule.examples.nomatch.map(exampleText)},
  }
}

export function testRules(base: RuleBase): RulesTestResult {
  const results = runAllExamples(base)
  const failures = results.filter((r) => !r.passed)
  return {rules: base.rules.length, examples: results.length, passed: results.length - failures.length, failed: failures.length, failures}
}
