// Rendering an evaluation run: the printed tables (detector beside baseline), the error list,
// and the JSON written to eval-results.json. The metric definitions live here, once, and are
// both printed and written so a reader of either knows what the figures mean.

import {CLAUSE_CATEGORIES} from '../core/model.js'
import {BASELINE_KEYWORDS} from './baseline.js'
import {disagreements, errorPatterns, type Disagreement} from './errors.js'
import type {EvalRun, SetResult} from './run.js'
import {checkTargets, QUANTITY_TOLERANCE, TARGETS, type Scores} from './score.js'

export const DEFINITIONS = {
  unit: 'Scoring is per item x category: an item (a passage, a criterion string, a notice) is predicted ' +
    'positive for a category when at least one finding of that category is reported anywhere in it. ' +
    'Gold labels say which categories the item must carry; offsets are not scored.',
  precision: 'TP / (TP + FP) over items, per category; "-" when nothing was predicted.',
  recall: 'TP / (TP + FN) over items, per category; support = TP + FN (gold items carrying the category).',
  f1: 'Harmonic mean of precision and recall; undefined ("-") when support is 0. ' +
    'Macro-F1 = mean F1 over categories with support > 0; micro-F1 pools every item x category decision.',
  negatives: 'Items with no gold label (labels: []) for which no finding of any category was reported.',
  quantities: `Over gold quantities (hours, percent, weight): exact when the findings of the right category ` +
    `(insertion-clause for hours/percent, the labelled award-criterion category for weight) carry that key and ` +
    `every value they report equals the gold value (to ${QUANTITY_TOLERANCE}). "lenient" also accepts the gold ` +
    `value among other values.`,
  pipelineErrors: 'Items whose document could not be built or read (e.g. a notice reader failing) are not scored; ' +
    'they are counted and listed separately, never counted as "no finding".',
  baseline: 'Naive keyword baseline computed on the same documents in the same run: a category is reported when ' +
    'any of its keywords occurs (case/accent-insensitive, no negation, no sections); see src/eval/baseline.ts.',
  pooled: '"all" pools the scored items of every set; each set is also scored on its own.',
}

function num(v: number | null, digits = 3): string {
  return v === null ? '-' : v.toFixed(digits)
}

function pct(part: number, total: number): string {
  return total === 0 ? '-' : `${part}/${total} = ${((100 * part) / total).toFixed(1)} %`
}

function categoryTable(detector: Scores, baseline: Scores): string[] {
  const head = `${'category'.padEnd(28)} ${'supp'.padStart(4)} ${'pred'.padStart(4)}   ` +
    `${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}  | baseline ${'pred'.padStart(4)} ` +
    `${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}`
  const lines = [head, '-'.repeat(head.length)]
  for (const c of CLAUSE_CATEGORIES) {
    const d = detector.perCategory[c]
    const b = baseline.perCategory[c]
    lines.push(`${c.padEnd(28)} ${String(d.support).padStart(4)} ${String(d.predicted).padStart(4)}   ` +
      `${num(d.precision).padStart(5)} ${num(d.recall).padStart(5)} ${num(d.f1).padStart(5)}  |          ` +
      `${String(b.predicted).padStart(4)} ${num(b.precision).padStart(5)} ${num(b.recall).padStart(5)} ${num(b.f1).padStart(5)}`)
  }
  return lines
}

function summaryLines(detector: Scores, baseline: Scores): string[] {
  const q = (s: Scores) => {
    const k = s.quantities.byKey
    return `${pct(s.quantities.exact, s.quantities.total)} (hours ${k.hours.exact}/${k.hours.total}, ` +
      `percent ${k.percent.exact}/${k.percent.total}, weight ${k.weight.exact}/${k.weight.total}; ` +
      `lenient ${s.quantities.anyExact}, missing ${s.quantities.missing}, wrong ${s.quantities.wrong})`
  }
  return [
    `macro-F1 ${num(detector.macroF1)}  micro-F1 ${num(detector.microF1)}   | baseline macro-F1 ${num(baseline.macroF1)}  micro-F1 ${num(baseline.microF1)}`,
    `negatives without any finding: ${pct(detector.negatives.withoutFinding, detector.negatives.total)}` +
      `   | baseline ${pct(baseline.negatives.withoutFinding, baseline.negatives.total)}`,
    `quantities exact: ${q(detector)}`,
    `          baseline: ${q(baseline)}`,
  ]
}

function setBlock(title: string, items: number, scored: number, detector: Scores, baseline: Scores): string[] {
  const unscored = items - scored
  return [
    '',
    `== ${title}: ${items} items, ${scored} scored${unscored > 0 ? `, ${unscored} NOT SCORED (pipeline errors, see below)` : ''}`,
    ...categoryTable(detector, baseline),
    ...summaryLines(detector, baseline),
  ]
}

function targetLines(run: EvalRun): string[] {
  const checks = checkTargets(run.all.detector)
  const failed = checks.filter((c) => !c.pass)
  const lines = ['', `== targets on all sets pooled: ${checks.length - failed.length}/${checks.length} met` +
    ` (category F1 >= ${TARGETS.categoryF1}, macro-F1 >= ${TARGETS.macroF1}, negatives >= ${TARGETS.negativesShare}, quantities >= ${TARGETS.quantityShare})`]
  for (const c of failed) lines.push(`  MISSED ${c.name}: ${num(c.value)} < ${c.target}`)
  for (const set of run.sets) {
    const own = checkTargets(set.detector)
    const missed = own.filter((c) => !c.pass).map((c) => c.name)
    lines.push(`  ${set.name} alone: ${own.length - missed.length}/${own.length} met${missed.length > 0 ? ` (missed: ${missed.join(', ')})` : ''}`)
  }
  if (run.pipelineErrors.length > 0) lines.push(`  (${run.pipelineErrors.length} items were not scored: the figures are incomplete)`)
  return lines
}

function pipelineLines(run: EvalRun): string[] {
  if (run.pipelineErrors.length === 0) return ['', 'pipeline errors: none']
  const byCode = new Map<string, number>()
  for (const e of run.pipelineErrors) byCode.set(`${e.set} ${e.status}/${e.code}`, (byCode.get(`${e.set} ${e.status}/${e.code}`) ?? 0) + 1)
  const lines = ['', `pipeline errors: ${run.pipelineErrors.length} items could not be analysed and are NOT scored:`]
  for (const [k, n] of byCode) lines.push(`  ${k}: ${n}`)
  lines.push(`  first: ${run.pipelineErrors[0]!.reason}`)
  return lines
}

/** The human report: definitions, one table per set, the pooled table, targets, pipeline errors. */
export function renderReport(run: EvalRun): string {
  const lines = [`gold: ${run.goldDir}`, `notices read under: ${run.corpusRoot}`, '', 'How to read the figures:']
  for (const [k, v] of Object.entries(DEFINITIONS)) lines.push(`  - ${k}: ${v}`)
  for (const s of run.sets) lines.push(...setBlock(`${s.name} (${s.format})`, s.items, s.scored, s.detector, s.baseline))
  lines.push(...setBlock('all sets pooled', run.all.items, run.all.scored, run.all.detector, run.all.baseline))
  lines.push(...targetLines(run), ...pipelineLines(run))
  return lines.join('\n')
}

/** The `--errors` listing: one block per item the detector got wrong. */
export function renderDisagreements(list: Disagreement[]): string {
  const lines = [`== ${list.length} items where the detector disagrees with gold`]
  for (const d of list) {
    lines.push('', `[${d.set}] ${d.id}`)
    lines.push(`  gold:      ${d.gold.length > 0 ? d.gold.join(', ') : '(negative)'}`)
    const pred = d.predicted.map((p) => `${p.category} <- ${p.rules.join(' ')}`)
    lines.push(`  predicted: ${pred.length > 0 ? pred.join('; ') : '(nothing)'}`)
    if (d.missed.length > 0) lines.push(`  MISSED:    ${d.missed.join(', ')}`)
    if (d.spurious.length > 0) lines.push(`  SPURIOUS:  ${d.spurious.join(', ')}`)
    for (const q of d.quantities) lines.push(`  QUANTITY ${q.key}: gold ${q.gold}, reported [${q.reported.join(', ')}] (${q.verdict})`)
    for (const p of d.predicted) if (p.quote && d.spurious.includes(p.category)) lines.push(`  quote (${p.category}): ${p.quote}`)
    if (d.note) lines.push(`  note: ${d.note}`)
    lines.push(`  text: ${d.text}`)
  }
  return lines.join('\n')
}

function setJson(s: SetResult) {
  return {name: s.name, file: s.file, format: s.format, items: s.items, scored: s.scored,
    pipelineErrors: s.pipelineErrors.length, detector: s.detector, baseline: s.baseline}
}

/** The JSON written to eval-results.json: figures, definitions, errors and patterns. */
export function resultJson(run: EvalRun, meta: {ruleBaseHash: string; date: string}) {
  return {
    tool: 'clausescope eval',
    date: meta.date,
    ruleBaseHash: meta.ruleBaseHash,
    goldDir: run.goldDir,
    corpusRoot: run.corpusRoot,
    definitions: DEFINITIONS,
    targets: {...TARGETS, checks: checkTargets(run.all.detector)},
    sets: run.sets.map(setJson),
    all: run.all,
    pipelineErrors: run.pipelineErrors,
    detectSeconds: run.detectSeconds,
    baselineKeywords: BASELINE_KEYWORDS,
    errorPatterns: errorPatterns(run),
    disagreements: disagreements(run),
  }
}

/** The most common error patterns per category, as printed with `--errors`. */
export function renderPatterns(run: EvalRun, n = 10): string {
  const lines = [`== most common error patterns per category (top ${n})`]
  for (const [category, p] of Object.entries(errorPatterns(run, n))) {
    if (p.missed.length === 0 && p.spurious.length === 0) continue
    lines.push('', category)
    for (const e of p.missed) lines.push(`  missed   x${e.count}  ${e.pattern}   [${e.ids.join(' ')}]`)
    for (const e of p.spurious) {
      lines.push(`  spurious x${e.count}  ${e.pattern}`)
      for (const x of e.examples ?? []) lines.push(`             e.g. ${x}`)
    }
  }
  return lines.join('\n')
}
