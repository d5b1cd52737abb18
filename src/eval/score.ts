// Scoring at the level the gold sets are labelled: item x category. An item (a passage, a
// criterion string, a notice) is predicted positive for a category when the detector reports at
// least one finding of that category anywhere in it; gold says whether the item must carry it.
// Where the finding sits inside the item is not scored (the gold gives no offsets).

import {CLAUSE_CATEGORIES, type ClauseCategory, type Quantities} from '../core/model.js'
import type {GoldItem} from './gold.js'

/** What scoring needs of a finding (the detector's Finding, or a baseline hit). */
export interface PredictedFinding {
  category: ClauseCategory
  rule: string
  quote?: string
  quantities?: Quantities
}

export interface ScoredItem {
  gold: GoldItem
  findings: PredictedFinding[]
}

export interface CategoryScore {
  support: number        // gold items carrying the category
  predicted: number      // items where the category was reported
  tp: number
  fp: number
  fn: number
  precision: number | null // null when nothing was predicted
  recall: number | null    // null when support is 0
  f1: number | null        // null when support is 0 (and then excluded from macro-F1)
}

export interface QuantityScore {
  total: number          // gold quantities
  exact: number          // the right-category findings carry this key, and every value equals gold
  anyExact: number       // lenient: at least one right-category finding carries the gold value
  missing: number        // no right-category finding carries the key
  wrong: number          // reported, but not (only) the gold value
  share: number | null   // exact / total
  byKey: Record<keyof Quantities, {total: number; exact: number}>
}

export interface Scores {
  items: number
  perCategory: Record<ClauseCategory, CategoryScore>
  /** Mean F1 over categories with support > 0. */
  macroF1: number | null
  /** F1 over the pooled item x category decisions. */
  microF1: number | null
  negatives: {total: number; withoutFinding: number; share: number | null}
  quantities: QuantityScore
}

/** Two values are "exactly" equal to one decimal: the gold writes 2/15 as 13.3. */
export const QUANTITY_TOLERANCE = 0.05

export function quantityEquals(a: number, b: number): boolean {
  return Math.abs(a - b) <= QUANTITY_TOLERANCE + 1e-9
}

const AWARD: ClauseCategory[] = ['social-award-criterion', 'env-award-criterion']

/** The categories whose findings may carry a gold quantity (TAXONOMY.md, "quantities" column). */
export function categoriesForQuantity(key: keyof Quantities, labels: ClauseCategory[]): ClauseCategory[] {
  if (key === 'hours' || key === 'percent') return ['insertion-clause']
  const award = labels.filter((l) => AWARD.includes(l))
  return award.length > 0 ? award : AWARD
}

function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den
}

function f1(p: number | null, r: number | null): number | null {
  if (r === null) return null
  if (p === null || p + r === 0) return 0
  return (2 * p * r) / (p + r)
}

export function predictedCategories(findings: PredictedFinding[]): Set<ClauseCategory> {
  return new Set(findings.map((f) => f.category))
}

function scoreCategories(items: ScoredItem[]): Record<ClauseCategory, CategoryScore> {
  const out = {} as Record<ClauseCategory, CategoryScore>
  for (const category of CLAUSE_CATEGORIES) {
    let tp = 0, fp = 0, fn = 0
    for (const {gold, findings} of items) {
      const g = gold.labels.includes(category)
      const p = findings.some((f) => f.category === category)
      if (g && p) tp++
      else if (p) fp++
      else if (g) fn++
    }
    const precision = ratio(tp, tp + fp)
    const recall = ratio(tp, tp + fn)
    out[category] = {support: tp + fn, predicted: tp + fp, tp, fp, fn, precision, recall, f1: f1(precision, recall)}
  }
  return out
}

/** How one gold quantity fared: 'exact', 'lenient' (right value among others), 'missing' or 'wrong'. */
export function judgeQuantity(gold: GoldItem, findings: PredictedFinding[], key: keyof Quantities): 'exact' | 'lenient' | 'missing' | 'wrong' {
  const expected = gold.quantities[key]
  if (expected === undefined) throw new Error(`judgeQuantity: item ${gold.id} has no gold ${key}`)
  const cats = categoriesForQuantity(key, gold.labels)
  const values = findings
    .filter((f) => cats.includes(f.category))
    .map((f) => f.quantities?.[key])
    .filter((v): v is number => typeof v === 'number')
  if (values.length === 0) return 'missing'
  if (values.every((v) => quantityEquals(v, expected))) return 'exact'
  return values.some((v) => quantityEquals(v, expected)) ? 'lenient' : 'wrong'
}

function scoreQuantities(items: ScoredItem[]): QuantityScore {
  const q: QuantityScore = {
    total: 0, exact: 0, anyExact: 0, missing: 0, wrong: 0, share: null,
    byKey: {hours: {total: 0, exact: 0}, percent: {total: 0, exact: 0}, weight: {total: 0, exact: 0}},
  }
  for (const {gold, findings} of items) {
    for (const key of Object.keys(gold.quantities) as Array<keyof Quantities>) {
      const verdict = judgeQuantity(gold, findings, key)
      q.total++
      q.byKey[key].total++
      if (verdict === 'exact') {
        q.exact++
        q.anyExact++
        q.byKey[key].exact++
      } else if (verdict === 'lenient') {
        q.anyExact++
        q.wrong++
      } else if (verdict === 'missing') q.missing++
      else q.wrong++
    }
  }
  q.share = ratio(q.exact, q.total)
  return q
}

export function score(items: ScoredItem[]): Scores {
  const perCategory = scoreCategories(items)
  const f1s = Object.values(perCategory).map((c) => c.f1).filter((v): v is number => v !== null)
  let tp = 0, fp = 0, fn = 0
  for (const c of Object.values(perCategory)) {
    tp += c.tp
    fp += c.fp
    fn += c.fn
  }
  const negatives = items.filter((i) => i.gold.labels.length === 0)
  const clean = negatives.filter((i) => i.findings.length === 0).length
  return {
    items: items.length,
    perCategory,
    macroF1: f1s.length === 0 ? null : f1s.reduce((a, b) => a + b, 0) / f1s.length,
    microF1: f1(ratio(tp, tp + fp), ratio(tp, tp + fn)),
    negatives: {total: negatives.length, withoutFinding: clean, share: ratio(clean, negatives.length)},
    quantities: scoreQuantities(items),
  }
}

/** The targets, checked on one Scores. */
export const TARGETS = {categoryF1: 0.9, macroF1: 0.93, negativesShare: 0.95, quantityShare: 0.9} as const

export interface TargetCheck {
  name: string
  target: number
  value: number | null
  pass: boolean
}

export function checkTargets(s: Scores): TargetCheck[] {
  const checks: TargetCheck[] = []
  for (const [category, c] of Object.entries(s.perCategory)) {
    if (c.f1 === null) continue
    checks.push({name: `F1 ${category}`, target: TARGETS.categoryF1, value: c.f1, pass: c.f1 >= TARGETS.categoryF1})
  }
  const add = (name: string, target: number, value: number | null) =>
    checks.push({name, target, value, pass: value === null || value >= target})
  add('macro-F1', TARGETS.macroF1, s.macroF1)
  add('negatives without finding', TARGETS.negativesShare, s.negatives.share)
  add('quantities exact', TARGETS.quantityShare, s.quantities.share)
  return checks
}
