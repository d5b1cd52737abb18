// The rule loader: every mistake in a rule file is reported with its file and line.

import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadRuleBase} from '../../src/detect/engine.js'
import {RuleBaseError} from '../../src/detect/yaml-source.js'
import {ruleDir, ruleYaml} from './helpers.js'

const EXAMPLES = `examples:\n  match: ["Le titulaire s'engage à réaliser 350 heures d'insertion."]\n  nomatch: ["Aucune clause."]\n`
const GOOD = ruleYaml('insertion-clause/test', `match:\n  any: ["heures d'insertion"]\n${EXAMPLES}`)

function problems(files: Record<string, string>): string[] {
  try {
    loadRuleBase(ruleDir(files))
  } catch (error) {
    expect(error).toBeInstanceOf(RuleBaseError)
    return (error as RuleBaseError).message.split('\n').slice(1)
  }
  throw new Error('the rule base loaded without errors')
}

describe('loadRuleBase', () => {
  it('loads the package rules from the default folder', () => {
    const base = loadRuleBase()
    expect(base.rules.length).toBeGreaterThanOrEqual(9)
    expect(base.hash).toMatch(/^[0-9a-f]{16}$/)
    expect(base.categories['insertion-clause'].decp).toBe('Clause sociale')
  })

  it('reports an unknown key with its line and a suggestion', () => {
    const text = GOOD.replace('match:\n  any:', 'match:\n  anyy:')
    const lines = problems({'insertion-clause/test.yml': text})
    const line = text.split('\n').findIndex((l) => l.includes('anyy')) + 1
    expect(lines).toContain(`rules/insertion-clause/test.yml:${line}:3: unknown key "anyy" in match (did you mean "any"?)`)
  })

  it('reports a bad regular expression', () => {
    const lines = problems({'insertion-clause/test.yml': GOOD.replace(`"heures d'insertion"`, `"heures (d'insertion"`)})
    expect(lines.some((l) => /^rules\/insertion-clause\/test\.yml:\d+:\d+: bad regular expression "heures \(d'insertion"/.test(l))).toBe(true)
  })

  it('reports an unknown category, a missing key and an id that does not match the path', () => {
    const text = GOOD.replace('category: insertion-clause', 'category: insertion').replace('id: insertion-clause/test', 'id: insertion-clause/other')
    const lines = problems({'insertion-clause/test.yml': text.replace(/examples:[\s\S]*/, '')})
    expect(lines.some((l) => l.includes('unknown category "insertion"'))).toBe(true)
    expect(lines.some((l) => l.includes('id "insertion-clause/other" does not match the file\'s path: expected "insertion-clause/test"'))).toBe(true)
    expect(lines.some((l) => l.includes('missing key "examples"'))).toBe(true)
  })

  it('reports a pattern list that does not exist and a pattern without a literal word', () => {
    const text = GOOD.replace(`any: ["heures d'insertion"]`, `any: ["\\\\d+ ?h"]\n  require: ["@nope"]`)
    const lines = problems({'insertion-clause/test.yml': text})
    expect(lines.some((l) => l.includes('unknown pattern list "@nope"'))).toBe(true)
    expect(lines.some((l) => l.includes('needs a literal word of at least 3 letters'))).toBe(true)
  })

  it('reports YAML syntax errors with their line', () => {
    const lines = problems({'insertion-clause/test.yml': 'id: [unclosed\n'})
    expect(lines[0]).toMatch(/^rules\/insertion-clause\/test\.yml:\d+:\d+: /)
  })

  it('requires the shared files', () => {
    try {
      loadRuleBase(ruleDir({'insertion-clause/test.yml': GOOD}, {shared: false}))
      expect.unreachable()
    } catch (error) {
      expect((error as Error).message).toContain('rules/categories.yml:1:1: missing shared file')
    }
  })

  it('changes its hash when a rule file changes, and only then', () => {
    const dir = ruleDir({'insertion-clause/test.yml': GOOD})
    const a = loadRuleBase(dir).hash
    expect(loadRuleBase(dir).hash).toBe(a)
    writeFileSync(join(dir, 'insertion-clause/test.yml'), GOOD.replace('test rule', 'test rule, edited'))
    expect(loadRuleBase(dir).hash).not.toBe(a)
  })
})
