// The compiled rule-base cache: a second load of the same rule files reads it and detects the
// same findings; an edited rule file is compiled anew; an unreadable cache is ignored.

import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {detect, loadRuleBase} from '../../src/detect/engine.js'
import {docOf, ruleDir, ruleYaml} from './helpers.js'

const RULE = (word: string) => ruleYaml('insertion-clause/test', [
  'match:',
  `  any: ["heures d'${word}"]`,
  '  require: ["@obligation"]',
  'quantities: [hours]',
  'examples:',
  `  match: ["Le titulaire s'engage à réaliser 350 heures d'${word}."]`,
  '  nomatch: ["Aucune clause."]',
  '',
].join('\n'))

const TEXT = "Le titulaire s'engage à réaliser 350 heures d'insertion. Le titulaire réalise 20 heures de formation."

let saved: string | undefined
let cacheDir: string

beforeEach(() => {
  saved = process.env.CLAUSESCOPE_CACHE_DIR
  cacheDir = mkdtempSync(join(tmpdir(), 'clausescope-cache-'))
  process.env.CLAUSESCOPE_CACHE_DIR = cacheDir
})

afterEach(() => {
  if (saved === undefined) delete process.env.CLAUSESCOPE_CACHE_DIR
  else process.env.CLAUSESCOPE_CACHE_DIR = saved
})

const cacheFiles = () => readdirSync(cacheDir).filter((f) => f.endsWith('.json'))

describe('rule-base cache', () => {
  it('stores a loaded base and reads it back with the same rules and findings', () => {
    const dir = ruleDir({'insertion-clause/test.yml': RULE('insertion')})
    const first = loadRuleBase(dir)
    expect(cacheFiles()).toHaveLength(1)
    const second = loadRuleBase(dir)
    expect(second.hash).toBe(first.hash)
    expect(second.dir).toBe(dir)
    expect(second.rules.map((r) => r.id)).toEqual(first.rules.map((r) => r.id))
    expect(second.rules[0]!.any[0]!.regex).toBeInstanceOf(RegExp)
    expect(second.rules[0]!.any[0]!.regex.source).toBe(first.rules[0]!.any[0]!.regex.source)
    const strip = (fs: ReturnType<typeof detect>) => fs.map(({category, rule, start, end, quote, quantities}) => ({category, rule, start, end, quote, quantities}))
    const found = strip(detect(docOf([TEXT]), second))
    expect(found).toEqual(strip(detect(docOf([TEXT]), first)))
    expect(found).toHaveLength(1)
    expect(found[0]!.quantities).toEqual({hours: 350})
  })

  it('reads the stored base instead of the rule files while they are unchanged', () => {
    const dir = ruleDir({'insertion-clause/test.yml': RULE('insertion')})
    loadRuleBase(dir)
    const [file] = cacheFiles()
    const path = join(cacheDir, file!)
    writeFileSync(path, readFileSync(path, 'utf8').replace('"description":"test rule"', '"description":"from the cache"'))
    expect(loadRuleBase(dir).rules[0]!.description).toBe('from the cache')
  })

  it('compiles an edited rule file anew', () => {
    const dir = ruleDir({'insertion-clause/test.yml': RULE('insertion')})
    loadRuleBase(dir)
    writeFileSync(join(dir, 'insertion-clause/test.yml'), RULE('apprentissage'))
    const edited = loadRuleBase(dir)
    expect(edited.rules[0]!.any[0]!.source).toBe("heures d'apprentissage")
    expect(detect(docOf([TEXT]), edited)).toHaveLength(0)
    expect(cacheFiles()).toHaveLength(2)
  })

  it('ignores a cache file it cannot read', () => {
    const dir = ruleDir({'insertion-clause/test.yml': RULE('insertion')})
    loadRuleBase(dir)
    for (const f of cacheFiles()) writeFileSync(join(cacheDir, f), '{"format": "clausescope-rules-1", "hash"')
    const base = loadRuleBase(dir)
    expect(detect(docOf([TEXT]), base)).toHaveLength(1)
  })

  it('is not used when turned off', () => {
    const dir = ruleDir({'insertion-clause/test.yml': RULE('insertion')})
    process.env.CLAUSESCOPE_RULE_CACHE = 'off'
    try {
      loadRuleBase(dir)
    } finally {
      delete process.env.CLAUSESCOPE_RULE_CACHE
    }
    expect(cacheFiles()).toHaveLength(0)
  })
})
