// Running the rule base's own examples: every rule's `match` examples must give a finding of
// that rule (with the quantities stated), every `nomatch` example none; every boilerplate list
// must recognise its examples. Used by `clausescope rules test` and by the test suite.

import type {Segment, TenderDocument} from '../core/model.js'
import {fold} from '../text/normalize.js'
import {segmentPages} from '../text/segment.js'
import {boilerplateFor} from './boilerplate.js'
import {detect, type DetectedFinding} from './engine.js'
import {Prefilter} from './prefilter.js'
import {ruleKeywords} from './rule-file.js'
import type {Rule, RuleBase, RuleExample} from './types.js'

export interface ExampleResult {
  rule: string
  file: string
  line: number
  expect: 'match' | 'nomatch' | 'boilerplate'
  text: string
  passed: boolean
  /** Why it failed, in words. */
  problem?: string
  findings?: Array<Pick<DetectedFinding, 'rule' | 'quote' | 'quantities'>>
}

/** A one-document TenderDocument holding an example's text, in its stated context. */
export function exampleDocument(ex: RuleExample): TenderDocument {
  const options: Parameters<typeof segmentPages>[1] = {}
  if (ex.role) options.role = ex.role
  if (ex.section) options.sectionPrefix = ex.section
  if (ex.field) options.field = ex.field
  const {segments} = segmentPages([{text: ex.text}], options)
  return {
    source: {path: 'example', sha256: '', size: ex.text.length, readAt: new Date(0).toISOString()},
    format: 'txt', kind: ex.kind ?? 'other', segments: segments as Segment[],
  }
}

const singles = new WeakMap<Rule, RuleBase>()

/** The rule base reduced to one rule (with the shared negation and boilerplate lists). */
function only(base: RuleBase, rule: Rule): RuleBase {
  let b = singles.get(rule)
  if (!b) singles.set(rule, (b = {...base, rules: [rule], prefilter: new Prefilter([ruleKeywords(rule)])}))
  return b
}

export function runExample(base: RuleBase, rule: Rule, ex: RuleExample, expect: 'match' | 'nomatch'): ExampleResult {
  const findings = detect(exampleDocument(ex), only(base, rule))
  const result: ExampleResult = {
    rule: rule.id, file: rule.file, line: ex.line, expect, text: ex.text, passed: true,
    findings: findings.map((f) => ({rule: f.rule, quote: f.quote, ...(f.quantities ? {quantities: f.quantities} : {})})),
  }
  if (expect === 'nomatch' && findings.length > 0) {
    result.passed = false
    result.problem = `expected no finding, got one: "${findings[0]!.quote}"`
  } else if (expect === 'match' && findings.length === 0) {
    result.passed = false
    result.problem = 'expected a finding, got none'
  } else if (expect === 'match' && ex.quantities) {
    const got = findings.find((f) => Object.entries(ex.quantities!).every(([k, v]) => f.quantities?.[k as 'hours'] === v))
    if (!got) {
      result.passed = false
      result.problem = `expected quantities ${JSON.stringify(ex.quantities)}, got ${JSON.stringify(findings.map((f) => f.quantities ?? {}))}`
    }
  }
  return result
}

/** Every example of every rule, then every boilerplate example. */
export function runAllExamples(base: RuleBase): ExampleResult[] {
  const out: ExampleResult[] = []
  for (const rule of base.rules) {
    for (const ex of rule.examples.match) out.push(runExample(base, rule, ex, 'match'))
    for (const ex of rule.examples.nomatch) out.push(runExample(base, rule, ex, 'nomatch'))
  }
  for (const list of base.boilerplate) {
    for (const ex of list.examples) {
      const passed = boilerplateFor([list], fold(ex.text), undefined, ex.role) !== undefined
      const r: ExampleResult = {rule: `boilerplate/${list.name}`, file: 'rules/boilerplate.yml', line: ex.line, expect: 'boilerplate', text: ex.text, passed}
      if (!passed) r.problem = 'not recognised as boilerplate'
      out.push(r)
    }
  }
  return out
}
