// Every example of the rule base is a test case: a rule's `match` examples must give a finding
// of that rule (with the quantities stated), its `nomatch` examples none, and every
// boilerplate list must recognise its own examples.

import {describe, expect, it} from 'vitest'
import {loadRuleBase} from '../src/detect/engine.js'
import {runExample} from '../src/detect/examples.js'
import {boilerplateFor} from '../src/detect/boilerplate.js'
import {fold} from '../src/text/normalize.js'

const base = loadRuleBase()

describe('rule examples', () => {
  for (const rule of base.rules) {
    describe(rule.id, () => {
      for (const ex of rule.examples.match) {
        it(`matches (${rule.file}:${ex.line}): ${ex.text.slice(0, 70)}`, () => {
          const r = runExample(base, rule, ex, 'match')
          expect(r.problem).toBeUndefined()
        })
      }
      for (const ex of rule.examples.nomatch) {
        it(`does not match (${rule.file}:${ex.line}): ${ex.text.slice(0, 70)}`, () => {
          const r = runExample(base, rule, ex, 'nomatch')
          expect(r.problem).toBeUndefined()
        })
      }
    })
  }
})

describe('boilerplate examples', () => {
  for (const list of base.boilerplate) {
    for (const ex of list.examples) {
      it(`${list.name} recognises (rules/boilerplate.yml:${ex.line}): ${ex.text.slice(0, 60)}`, () => {
        expect(boilerplateFor([list], fold(ex.text), undefined, ex.role)?.name).toBe(list.name)
      })
    }
  }
})

describe('rule base coverage', () => {
  it('has at least one rule per category, each with match and nomatch examples', () => {
    for (const category of Object.keys(base.categories)) {
      const rules = base.rules.filter((r) => r.category === category)
      expect(rules.length, category).toBeGreaterThan(0)
    }
    for (const r of base.rules) {
      expect(r.examples.match.length, r.id).toBeGreaterThan(0)
      expect(r.examples.nomatch.length, r.id).toBeGreaterThan(0)
    }
  })
})
