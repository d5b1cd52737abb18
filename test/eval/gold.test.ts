import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {GoldError, kindOfDoc, parseGoldSet, readGoldDir} from '../../src/eval/gold.js'

const FIXTURE = join(import.meta.dirname, '../../fixtures/eval/gold')

describe('readGoldDir on the fixture set', () => {
  const sets = readGoldDir(FIXTURE)

  it('reads every jsonl file as a set, recognising its format from the records', () => {
    expect(sets.map((s) => [s.name, s.format, s.items.length])).toEqual([
      ['boamp-criteria', 'criteria', 4],
      ['clauses', 'passages', 8],
      ['ted-notices', 'notices', 1],
    ])
  })

  it('keeps labels, quantities, the doc field and the text of passages', () => {
    const clauses = sets.find((s) => s.name === 'clauses')!
    const f07 = clauses.items.find((i) => i.id === 'F07')!
    expect(f07).toMatchObject({doc: 'AE', labels: ['insertion-clause', 'env-execution-condition'], quantities: {percent: 5}})
    expect(f07.text).toContain('5 % des heures')
    expect(clauses.items.find((i) => i.id === 'F03')).toMatchObject({labels: [], quantities: {}})
  })

  it('reads criteria quantities when present and none otherwise', () => {
    const criteria = sets.find((s) => s.name === 'boamp-criteria')!
    expect(criteria.items.map((i) => i.quantities)).toEqual([{}, {}, {weight: 15}, {}])
  })

  it('gives a notice its path and gold evidence, and no text', () => {
    const notice = sets.find((s) => s.name === 'ted-notices')!.items[0]!
    expect(notice.path).toBe('notices/ted-286093-2021.xml')
    expect(notice.text).toBeUndefined()
    expect(notice.evidence?.['env-award-criterion']).toContain('approche environnementale')
  })
})

describe('gold errors name the file and the line', () => {
  const bad = (content: string) => () => parseGoldSet('x/clauses.jsonl', content)

  it('rejects broken JSON', () => {
    expect(bad('{"id":"A","doc":"RC","text":"t","labels":[]}\n{oops')).toThrow(/x\/clauses\.jsonl:2: not valid JSON/)
  })

  it('rejects an unknown category', () => {
    expect(bad('{"id":"A","doc":"RC","text":"t","labels":["green-stuff"]}')).toThrow(/clauses\.jsonl:1: unknown category "green-stuff"/)
  })

  it('rejects an unknown quantity and a duplicate id', () => {
    expect(bad('{"id":"A","doc":"RC","text":"t","labels":[],"quantities":{"euros":3}}')).toThrow(/unknown quantity "euros"/)
    const line = '{"id":"A","doc":"RC","text":"t","labels":[]}'
    expect(bad(`${line}\n${line}`)).toThrow(/:2: id "A" appears twice/)
  })

  it('says clearly when the directory is missing or empty', () => {
    expect(() => readGoldDir('/no/such/gold')).toThrow(GoldError)
    expect(() => readGoldDir('/no/such/gold')).toThrow(/Gold directory not found: \/no\/such\/gold/)
    const empty = mkdtempSync(join(tmpdir(), 'gold-'))
    expect(() => readGoldDir(empty)).toThrow(/holds no \.jsonl file/)
    writeFileSync(join(empty, 'a.jsonl'), '\n')
    expect(() => readGoldDir(empty)).toThrow(/a\.jsonl: holds no record/)
  })
})

describe('kindOfDoc', () => {
  it('maps the doc field to a document kind', () => {
    expect(['RC', 'CCAP', 'CCTP', 'AE', 'AAPC', 'ccap', 'BPU'].map(kindOfDoc)).toEqual(['RC', 'CCAP', 'CCTP', 'AE', 'notice', 'CCAP', 'other'])
  })
})
