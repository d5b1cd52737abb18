// `npm run eval` (run with tsx: `tsx scripts/eval.ts`): the detector and the keyword baseline over
// the gold sets, per category, with the figures written as JSON. Logic lives in src/eval/.
//
//   tsx scripts/eval.ts [--gold DIR] [--corpus DIR] [--rules DIR] [--out FILE] [--errors [--set NAME] [--category ID]] [--check]

import {writeFileSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const DEFAULT_GOLD = resolve(REPO, '../shared/corpus/gold-dev')

const HELP = `Usage: tsx scripts/eval.ts [options]

Runs the rule engine and a naive keyword baseline over every *.jsonl gold set of a directory and
prints precision, recall, F1 and support per category, the share of gold negatives without any
finding and the quantity accuracy; writes the figures as JSON.

  --gold DIR     gold directory (default ${DEFAULT_GOLD})
  --corpus DIR   where notice paths are resolved (default: the gold directory's parent)
  --rules DIR    rule base directory (default: the engine's default)
  --out FILE     JSON output (default eval-results.json)
  --errors       list every item the detector gets wrong, and the most common error patterns
  --set NAME     with --errors: only the items of this set (e.g. clauses, ted-notices)
  --category ID  with --errors: only the items where this category is missed or falsely reported
  --check        exit 1 when a target is missed or an item could not be analysed
  -h, --help     this help`

async function main(): Promise<number> {
  const {values} = parseArgs({options: {
    gold: {type: 'string'}, corpus: {type: 'string'}, rules: {type: 'string'}, out: {type: 'string'},
    errors: {type: 'boolean'}, set: {type: 'string'}, category: {type: 'string'}, check: {type: 'boolean'}, help: {type: 'boolean', short: 'h'},
  }})
  if (values.help) {
    console.log(HELP)
    return 0
  }
  const {isClauseCategory} = await import('../src/core/model.js')
  if (values.category && !isClauseCategory(values.category)) {
    throw Object.assign(new Error(`unknown category "${values.category}" for --category (see docs/TAXONOMY.md)`), {exitCode: 2})
  }
  const {runEval} = await import('../src/eval/run.js')
  const {renderReport, renderDisagreements, renderPatterns, resultJson} = await import('../src/eval/report.js')
  const {disagreements} = await import('../src/eval/errors.js')
  const {checkTargets} = await import('../src/eval/score.js')
  const {loadRuleBase, detect} = await import('../src/detect/engine.js')
  const {extract} = await import('../src/extract/index.js')

  const goldDir = resolve(values.gold ?? DEFAULT_GOLD)
  const rules = loadRuleBase(values.rules)
  const t0 = performance.now()
  const run = await runEval({
    goldDir,
    ...(values.corpus ? {corpusRoot: values.corpus} : {}),
    detect: (doc) => detect(doc, rules),
    extract,
    onProgress: (m) => console.error(m),
  })
  console.error(`evaluated in ${((performance.now() - t0) / 1000).toFixed(1)} s (detector ${run.detectSeconds.toFixed(2)} s)`)
  console.log(`rule base: ${rules.rules.length} rules, hash ${rules.hash}`)
  console.log(renderReport(run))
  if (values.errors) {
    console.log('')
    const list = disagreements(run).filter((d) => (!values.set || d.set === values.set) &&
      (!values.category || d.missed.includes(values.category as never) || d.spurious.includes(values.category as never)))
    console.log(renderDisagreements(list))
    console.log('')
    console.log(renderPatterns(run))
  }
  const out = resolve(values.out ?? 'eval-results.json')
  writeFileSync(out, `${JSON.stringify(resultJson(run, {ruleBaseHash: rules.hash, date: new Date().toISOString()}), null, 2)}\n`)
  console.error(`figures written to ${out}`)
  if (values.check && (run.pipelineErrors.length > 0 || checkTargets(run.all.detector).some((c) => !c.pass))) return 1
  return 0
}

main().then((code) => {
  process.exitCode = code
}, (error: unknown) => {
  const e = error as {message?: string; exitCode?: number}
  console.error(`eval: ${e.message ?? String(error)}`)
  process.exitCode = typeof e.exitCode === 'number' ? e.exitCode : 1
})
