import {describe, expect, it} from 'vitest'
import type {ClauseCategory, Quantities} from '../../src/core/model.js'
import type {GoldItem} from '../../src/eval/gold.js'
import {checkTargets, judgeQuantity, quantityEquals, score, type PredictedFinding, type ScoredItem} from '../../src/eval/score.js'

function gold(id: string, labels: ClauseCategory[], quantities: Quantities = {}): GoldItem {
  return {set: 't', id, format: 'passages', text: id, labels, quantities}
}

function hit(category: ClauseCategory, quantities?: Quantities): PredictedFinding {
  return quantities ? {category, rule: `r/${category}`, quantities} : {category, rule: `r/${category}`}
}

// A hand-made confusion:
//   insertion-clause: gold A B C, predicted A B D -> tp 2, fp 1, fn 1
//   env-award-criterion: gold B, never predicted -> recall 0, precision undefined
//   reserved-ess: no gold, predicted on D -> precision 0, F1 undefined (left out of macro-F1)
//   negatives: D (has findings) and E (clean)
const items: ScoredItem[] = [
  {gold: gold('A', ['insertion-clause'], {hours: 400}), findings: [hit('insertion-clause', {hours: 400})]},
  {gold: gold('B', ['insertion-clause', 'env-award-criterion'], {percent: 5, weight: 10}),
    findings: [hit('insertion-clause', {percent: 5}), hit('insertion-clause', {percent: 10})]},
  {gold: gold('C', ['insertion-clause'], {hours: 100}), findings: []},
  {gold: gold('D', []), findings: [hit('insertion-clause'), hit('reserved-ess')]},
  {gold: gold('E', []), findings: []},
]

describe('score', () => {
  const s = score(items)

  it('counts item x category decisions', () => {
    expect(s.perCategory['insertion-clause']).toMatchObject({support: 3, predicted: 3, tp: 2, fp: 1, fn: 1})
    expect(s.perCategory['insertion-clause'].precision).toBeCloseTo(2 / 3)
    expect(s.perCategory['insertion-clause'].recall).toBeCloseTo(2 / 3)
    expect(s.perCategory['insertion-clause'].f1).toBeCloseTo(2 / 3)
  })

  it('gives recall 0 and F1 0 to a category never found, and no precision', () => {
    expect(s.perCategory['env-award-criterion']).toMatchObject({support: 1, predicted: 0, precision: null, recall: 0, f1: 0})
  })

  it('leaves F1 undefined when there is no support, but still shows the false reports', () => {
    expect(s.perCategory['reserved-ess']).toMatchObject({support: 0, fp: 1, precision: 0, recall: null, f1: null})
  })

  it('averages F1 over categories with support only', () => {
    expect(s.macroF1).toBeCloseTo((2 / 3 + 0) / 2)
    // pooled: tp 2, fp 2 (insertion on D, ess on D), fn 2 (C insertion, B env-award)
    expect(s.microF1).toBeCloseTo(0.5)
  })

  it('counts negatives without any finding', () => {
    expect(s.negatives).toEqual({total: 2, withoutFinding: 1, share: 0.5})
  })

  it('scores quantities on the right category only, strictly', () => {
    // A hours exact; B percent reported as 5 and 10 (lenient only); B weight missing; C hours missing.
    expect(s.quantities).toMatchObject({total: 4, exact: 1, anyExact: 2, missing: 2, wrong: 1})
    expect(s.quantities.share).toBeCloseTo(0.25)
    expect(s.quantities.byKey.hours).toEqual({total: 2, exact: 1})
  })
})

describe('judgeQuantity', () => {
  it('ignores a value carried by a finding of another category', () => {
    const g = gold('X', ['env-award-criterion'], {weight: 15})
    expect(judgeQuantity(g, [hit('social-award-criterion', {weight: 15})], 'weight')).toBe('missing')
    expect(judgeQuantity(g, [hit('env-award-criterion', {weight: 15})], 'weight')).toBe('exact')
    expect(judgeQuantity(g, [hit('env-award-criterion', {weight: 20})], 'weight')).toBe('wrong')
  })

  it('reads hours and percent from insertion findings', () => {
    const g = gold('Y', ['insertion-clause', 'reserved-insertion'], {hours: 350})
    expect(judgeQuantity(g, [hit('reserved-insertion', {hours: 350})], 'hours')).toBe('missing')
    expect(judgeQuantity(g, [hit('insertion-clause', {hours: 350}), hit('insertion-clause')], 'hours')).toBe('exact')
  })

  it('treats a gold value written to one decimal as exact', () => {
    expect(quantityEquals(13.3, 2 / 15 * 100)).toBe(true)
    expect(quantityEquals(13.3, 13.5)).toBe(false)
  })
})

describe('checkTargets', () => {
  it('reports the targets this confusion misses, and skips categories without support', () => {
    const checks = checkTargets(score(items))
    expect(checks.find((c) => c.name === 'F1 insertion-clause')).toMatchObject({pass: false})
    expect(checks.find((c) => c.name === 'negatives without finding')).toMatchObject({value: 0.5, pass: false})
    expect(checks.some((c) => c.name === 'F1 reserved-ess')).toBe(false)
  })

  it('passes on a perfect detector', () => {
    const perfect = items.map((i) => ({gold: i.gold, findings: i.gold.labels.map((l) => hit(l, i.gold.quantities))}))
    expect(checkTargets(score(perfect)).every((c) => c.pass)).toBe(true)
  })
})
