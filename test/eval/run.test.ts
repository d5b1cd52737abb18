import {cpSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import type {TenderDocument} from '../../src/core/model.js'
import {failed} from '../../src/core/errors.js'
import type {ExtractFn} from '../../src/eval/documents.js'
import {disagreements, errorPatterns} from '../../src/eval/errors.js'
import {renderDisagreements, renderReport, resultJson} from '../../src/eval/report.js'
import {runEval, type DetectFn} from '../../src/eval/run.js'
import {segmentPages} from '../../src/text/segment.js'

const GOLD = join(import.meta.dirname, '../../fixtures/eval/gold')

const notImplemented: ExtractFn = async (input) => {
  throw failed('not-implemented', input.path, `${input.path}: reader not implemented yet`)
}

/** A stand-in notice reader: the XML's <P> paragraphs as one segment each. */
const paragraphs: ExtractFn = async (input) => {
  const ps = [...input.bytes.toString('utf8').matchAll(/<P>(.*?)<\/P>/g)].map((m) => ({text: m[1]!}))
  return {format: 'ted-xml', kind: 'notice', segments: segmentPages(ps).segments}
}

/** A toy detector: insertion when "heures de travail", env award when "environnement" in a criterion. */
const toy: DetectFn = (doc) => {
  const text = doc.segments.map((s) => s.text).join(' ')
  const out = []
  const hours = /(\d[\d ]*) heures de travail/.exec(text)
  if (hours) out.push({category: 'insertion-clause' as const, rule: 'toy/hours', start: 0, end: 1, quote: hours[0], legal: [],
    quantities: {hours: Number(hours[1]!.replace(/ /g, ''))}})
  if (/environnement/i.test(text)) out.push({category: 'env-award-criterion' as const, rule: 'toy/env', start: 0, end: 1, quote: 'environnement', legal: []})
  return out
}

describe('runEval on the fixture gold set', () => {
  it('builds each text item as a document of the right kind and role', async () => {
    const seen = new Map<string, TenderDocument>()
    await runEval({goldDir: GOLD, extract: notImplemented, detect: (doc) => {
      seen.set(doc.source.path.split('#')[1]!, doc)
      return []
    }})
    expect(seen.get('F01')?.kind).toBe('CCAP')
    expect(seen.get('F03')?.kind).toBe('notice') // AAPC
    expect(seen.get('F07')?.kind).toBe('AE')
    const criterion = seen.get('boamp-9002-1')!
    expect(criterion.kind).toBe('notice')
    expect(criterion.segments.every((s) => s.role === 'award-criterion')).toBe(true)
    // normalised by segmentPages: hyphenation re-joined, non-breaking space gone
    expect(seen.get('F01')!.segments.map((s) => s.text).join(' ')).toContain('au minimum 400 heures')
  })

  it('reports unreadable notices as pipeline errors, not as items without findings', async () => {
    const run = await runEval({goldDir: GOLD, extract: notImplemented, detect: toy})
    const ted = run.sets.find((s) => s.name === 'ted-notices')!
    expect(ted).toMatchObject({items: 1, scored: 0})
    expect(run.pipelineErrors).toEqual([expect.objectContaining({set: 'ted-notices', status: 'failed', code: 'not-implemented'})])
    expect(run.all).toMatchObject({items: 13, scored: 12})
    expect(renderReport(run)).toMatch(/1 NOT SCORED/)
    expect(renderReport(run)).toMatch(/failed\/not-implemented: 1/)
  })

  it('scores notices once they can be read, resolving paths from the gold directory parent', async () => {
    const run = await runEval({goldDir: GOLD, extract: paragraphs, detect: toy})
    expect(run.pipelineErrors).toEqual([])
    const ted = run.sets.find((s) => s.name === 'ted-notices')!
    expect(ted.detector.perCategory['env-award-criterion']).toMatchObject({tp: 1, fp: 0, fn: 0})
  })

  it('scores the toy detector and the baseline on the same items', async () => {
    const run = await runEval({goldDir: GOLD, extract: paragraphs, detect: toy})
    const clauses = run.sets.find((s) => s.name === 'clauses')!
    // toy finds insertion (with 400 h) in F01 only; F07 says "heures travaillées", not "heures de travail"
    expect(clauses.detector.perCategory['insertion-clause']).toMatchObject({tp: 1, fn: 1, fp: 0})
    expect(clauses.detector.quantities).toMatchObject({total: 3, exact: 1})
    // the naive baseline reports insertion for F08 ("l'insertion d'un avenant")
    expect(clauses.baseline.perCategory['insertion-clause'].fp).toBeGreaterThan(0)
    const criteria = run.sets.find((s) => s.name === 'boamp-criteria')!
    // "Environnement technique du logiciel" fools the toy: one false report
    expect(criteria.detector.perCategory['env-award-criterion']).toMatchObject({tp: 1, fp: 1})
  })

  it('lists disagreements and groups them into patterns', async () => {
    const run = await runEval({goldDir: GOLD, extract: paragraphs, detect: toy})
    const list = disagreements(run)
    const f07 = list.find((d) => d.id === 'F07')!
    expect(f07.missed).toEqual(['insertion-clause', 'env-execution-condition'])
    expect(f07.quantities).toEqual([{key: 'percent', gold: 5, reported: [], verdict: 'missing'}])
    const env = list.find((d) => d.id === 'boamp-9002-2')!
    expect(env.spurious).toEqual(['env-award-criterion'])
    expect(env.predicted).toEqual([{category: 'env-award-criterion', rules: ['toy/env'], quote: 'environnement'}])
    expect(list.some((d) => d.id === 'F01')).toBe(false)
    expect(renderDisagreements(list)).toMatch(/\[clauses\] F07\n {2}gold: {6}insertion-clause, env-execution-condition/)
    const patterns = errorPatterns(run)
    expect(patterns['env-award-criterion'].spurious[0]).toEqual({pattern: 'toy/env', count: 1, ids: ['boamp-9002-2'],
      examples: ['boamp-9002-2: environnement']})
    expect(patterns['insertion-clause'].missed[0]).toMatchObject({count: 1, ids: ['F07']})
  })

  it('writes JSON with definitions, per-set and pooled figures', async () => {
    const run = await runEval({goldDir: GOLD, extract: notImplemented, detect: toy})
    const json = JSON.parse(JSON.stringify(resultJson(run, {ruleBaseHash: 'h', date: 'd'})))
    expect(Object.keys(json.definitions)).toEqual(expect.arrayContaining(['unit', 'precision', 'recall', 'negatives', 'quantities']))
    expect(json.sets.map((s: {name: string}) => s.name)).toEqual(['boamp-criteria', 'clauses', 'ted-notices'])
    expect(json.all.detector.perCategory['insertion-clause'].support).toBe(2)
    expect(json.pipelineErrors).toHaveLength(1)
  })

  it('reports a missing notice file and a detector crash as pipeline errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'))
    try {
      cpSync(GOLD, join(dir, 'gold'), {recursive: true})
      const run = await runEval({goldDir: join(dir, 'gold'), extract: paragraphs, detect: (doc) => {
        if (doc.source.path.endsWith('#F05')) throw new Error('boom')
        return []
      }})
      expect(run.pipelineErrors.map((e) => [e.id, e.code])).toEqual([
        ['F05', 'detect-exception'],
        ['notices/ted-286093-2021.xml', 'missing-file'],
      ])
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
