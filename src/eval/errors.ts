// What the detector got wrong, item by item (`--errors`) and grouped into recurring patterns per
// category, so rule writers see what the rule base misses and what it falsely reports.

import {CLAUSE_CATEGORIES, type ClauseCategory, type Quantities} from '../core/model.js'
import {fold} from '../text/normalize.js'
import type {EvalRun, ItemOutcome} from './run.js'
import {judgeQuantity, predictedCategories, type PredictedFinding} from './score.js'

export interface Disagreement {
  set: string
  id: string
  gold: ClauseCategory[]
  /** Per reported category: the rules that fired and the first quote. */
  predicted: Array<{category: ClauseCategory; rules: string[]; quote?: string}>
  missed: ClauseCategory[]
  spurious: ClauseCategory[]
  quantities: Array<{key: keyof Quantities; gold: number; reported: number[]; verdict: string}>
  text: string
  note?: string
  evidence?: Record<string, string>
}

export interface ErrorPattern {
  pattern: string
  count: number
  ids: string[]
  /** For false reports grouped by rule: the first quotes, shortened. */
  examples?: string[]
}

export interface CategoryPatterns {
  missed: ErrorPattern[]    // false negatives
  spurious: ErrorPattern[]  // false positives
}

const TEXT_LIMIT = 400

export function truncate(text: string, limit = TEXT_LIMIT): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 1)}…`
}

function byCategory(findings: PredictedFinding[]): Disagreement['predicted'] {
  const map = new Map<ClauseCategory, {rules: Set<string>; quote?: string}>()
  for (const f of findings) {
    const entry = map.get(f.category) ?? {rules: new Set<string>()}
    entry.rules.add(f.rule)
    if (entry.quote === undefined && f.quote) entry.quote = truncate(f.quote, 160)
    map.set(f.category, entry)
  }
  return [...map].map(([category, e]) => (e.quote === undefined
    ? {category, rules: [...e.rules]}
    : {category, rules: [...e.rules], quote: e.quote}))
}

function quantityIssues(o: ItemOutcome): Disagreement['quantities'] {
  const issues: Disagreement['quantities'] = []
  for (const key of Object.keys(o.gold.quantities) as Array<keyof Quantities>) {
    const verdict = judgeQuantity(o.gold, o.findings, key)
    if (verdict === 'exact') continue
    const reported = o.findings.map((f) => f.quantities?.[key]).filter((v): v is number => typeof v === 'number')
    issues.push({key, gold: o.gold.quantities[key]!, reported, verdict})
  }
  return issues
}

function itemText(o: ItemOutcome): string {
  if (o.gold.text !== undefined) return o.gold.text
  const quotes = Object.values(o.gold.evidence ?? {})
  return quotes.length > 0 ? quotes.join(' … ') : `(notice ${o.gold.id})`
}

/** Items where the detector's categories differ from gold, or a gold quantity is not exact. */
export function disagreements(run: EvalRun): Disagreement[] {
  const out: Disagreement[] = []
  for (const o of run.sets.flatMap((s) => s.outcomes)) {
    const predicted = predictedCategories(o.findings)
    const missed = o.gold.labels.filter((l) => !predicted.has(l))
    const spurious = [...predicted].filter((c) => !o.gold.labels.includes(c))
    const quantities = quantityIssues(o)
    if (missed.length === 0 && spurious.length === 0 && quantities.length === 0) continue
    const d: Disagreement = {set: o.gold.set, id: o.gold.id, gold: o.gold.labels, predicted: byCategory(o.findings),
      missed, spurious, quantities, text: truncate(itemText(o))}
    if (o.gold.note) d.note = o.gold.note
    if (o.gold.evidence) d.evidence = o.gold.evidence
    out.push(d)
  }
  return out
}

/** A short, folded, digit-free form of a passage, so that repeated wordings group together. */
export function shape(text: string, limit = 70): string {
  const s = fold(text).replace(/\d+(?:[ ,.]\d+)*/g, '#').replace(/\s+/g, ' ').trim()
  return s.length <= limit ? s : `${s.slice(0, limit)}…`
}

interface Group {
  ids: string[]
  examples: string[]
}

function top(groups: Map<string, Group>, n: number, withExamples: boolean): ErrorPattern[] {
  return [...groups]
    .map(([pattern, g]) => {
      const p: ErrorPattern = {pattern, count: g.ids.length, ids: g.ids.slice(0, 5)}
      if (withExamples) p.examples = g.examples.slice(0, 3)
      return p
    })
    .sort((a, b) => b.count - a.count || a.pattern.localeCompare(b.pattern))
    .slice(0, n)
}

function push(groups: Map<string, Group>, key: string, id: string, example?: string): void {
  const g = groups.get(key) ?? {ids: [], examples: []}
  g.ids.push(id)
  if (example !== undefined && !g.examples.includes(example)) g.examples.push(example)
  groups.set(key, g)
}

/**
 * The `n` most frequent error patterns per category. A miss is keyed by the gold evidence for
 * that label (notices) or the item's text, so repeated wordings (BOAMP criteria) group together;
 * a false report is keyed by the rule that fired, with example quotes.
 */
export function errorPatterns(run: EvalRun, n = 10): Record<ClauseCategory, CategoryPatterns> {
  const out = {} as Record<ClauseCategory, CategoryPatterns>
  const outcomes = run.sets.flatMap((s) => s.outcomes)
  for (const category of CLAUSE_CATEGORIES) {
    const missed = new Map<string, Group>()
    const spurious = new Map<string, Group>()
    for (const o of outcomes) {
      const gold = o.gold.labels.includes(category)
      const hits = o.findings.filter((f) => f.category === category)
      if (gold && hits.length === 0) push(missed, shape(o.gold.evidence?.[category] ?? itemText(o)), o.gold.id)
      if (!gold && hits.length > 0) {
        for (const rule of new Set(hits.map((h) => h.rule))) {
          const f = hits.find((h) => h.rule === rule)!
          push(spurious, rule, o.gold.id, `${o.gold.id}: ${shape(f.quote ?? itemText(o), 90)}`)
        }
      }
    }
    out[category] = {missed: top(missed, n, false), spurious: top(spurious, n, true)}
  }
  return out
}
