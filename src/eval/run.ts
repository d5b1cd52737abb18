// One evaluation run: read the gold directory, build each item's document, run the detector and
// the keyword baseline on the same document, score both per set and over all sets pooled.
// The detector and the extractor are passed in, so the harness is tested without the engine.

import {dirname, resolve} from 'node:path'
import type {TenderDocument} from '../core/model.js'
import {baselineFindings} from './baseline.js'
import {buildDocument, type ExtractFn, type PipelineError} from './documents.js'
import {readGoldDir, type GoldFormat, type GoldItem} from './gold.js'
import {score, type PredictedFinding, type ScoredItem, type Scores} from './score.js'

export type DetectFn = (doc: TenderDocument) => PredictedFinding[]

export interface EvalOptions {
  goldDir: string
  /** Where notice paths are resolved; default: the gold directory's parent (the corpus root). */
  corpusRoot?: string
  detect: DetectFn
  extract: ExtractFn
  onProgress?: (message: string) => void
}

/** One scored item: gold, the detector's findings and the baseline's, on the same document. */
export interface ItemOutcome {
  gold: GoldItem
  findings: PredictedFinding[]
  baseline: PredictedFinding[]
}

export interface SetResult {
  name: string
  file: string
  format: GoldFormat
  items: number
  scored: number
  pipelineErrors: PipelineError[]
  detector: Scores
  baseline: Scores
  outcomes: ItemOutcome[]
}

export interface EvalRun {
  goldDir: string
  corpusRoot: string
  sets: SetResult[]
  /** Every scored item of every set, pooled. */
  all: {items: number; scored: number; detector: Scores; baseline: Scores}
  pipelineErrors: PipelineError[]
  detectSeconds: number
}

function detectSafely(detectFn: DetectFn, doc: TenderDocument, item: GoldItem): PredictedFinding[] | PipelineError {
  try {
    return detectFn(doc)
  } catch (error) {
    return {set: item.set, id: item.id, status: 'failed', code: 'detect-exception',
      reason: `${doc.source.path}: the detector threw: ${error instanceof Error ? error.message : String(error)}`}
  }
}

function scoresOf(outcomes: ItemOutcome[]): {detector: Scores; baseline: Scores} {
  const asScored = (pick: (o: ItemOutcome) => PredictedFinding[]): ScoredItem[] =>
    outcomes.map((o) => ({gold: o.gold, findings: pick(o)}))
  return {detector: score(asScored((o) => o.findings)), baseline: score(asScored((o) => o.baseline))}
}

export async function runEval(options: EvalOptions): Promise<EvalRun> {
  const goldDir = resolve(options.goldDir)
  const corpusRoot = resolve(options.corpusRoot ?? dirname(goldDir))
  const sets = readGoldDir(goldDir)
  const results: SetResult[] = []
  let detectMs = 0
  for (const set of sets) {
    options.onProgress?.(`${set.name}: ${set.items.length} items (${set.format})`)
    const outcomes: ItemOutcome[] = []
    const pipelineErrors: PipelineError[] = []
    for (const item of set.items) {
      const built = await buildDocument(item, set.file, corpusRoot, options.extract)
      if ('error' in built) {
        pipelineErrors.push(built.error)
        continue
      }
      const t0 = performance.now()
      const findings = detectSafely(options.detect, built.doc, item)
      detectMs += performance.now() - t0
      if (!Array.isArray(findings)) {
        pipelineErrors.push(findings)
        continue
      }
      outcomes.push({gold: item, findings, baseline: baselineFindings(built.doc.segments)})
    }
    results.push({
      name: set.name, file: set.file, format: set.format, items: set.items.length, scored: outcomes.length,
      pipelineErrors, ...scoresOf(outcomes), outcomes,
    })
  }
  const pooled = results.flatMap((r) => r.outcomes)
  return {
    goldDir, corpusRoot, sets: results,
    all: {items: results.reduce((n, r) => n + r.items, 0), scored: pooled.length, ...scoresOf(pooled)},
    pipelineErrors: results.flatMap((r) => r.pipelineErrors),
    detectSeconds: detectMs / 1000,
  }
}
