// `check` on a 50-page PDF draft DCE (fixtures/drafts/bench: RC 7 p. + CCAP 43 p.). Figures:
// in-process time of the whole linter (read through the pipeline, detect, parse criteria, run the
// checks) as a ratio against merely extracting the same PDFs in the same run; and the wall time of
// the CLI as a user runs it (`node bin/run.js check ... --json`, one fresh process), which must stay
// under 2 s, beside the start-up of a bare `node -e 0` on the same machine.
// Run alone with `tsx bench/check.ts`, or through `npm run bench -- check`.

import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {readDraft} from '../src/checks/lint.js'
import {runChecks} from '../src/checks/run.js'
import {loadRuleBase} from '../src/detect/engine.js'
import {extract} from '../src/extract/index.js'

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const DRAFT = join(REPO, 'fixtures', 'drafts', 'bench')
const FILES = ['RC.pdf', 'CCAP.pdf'].map((f) => join(DRAFT, f))
const RUNS = Number(process.env.BENCH_CHECK_RUNS ?? 5)

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t = performance.now()
  await fn()
  return performance.now() - t
}

async function repeat(fn: () => Promise<unknown> | unknown): Promise<number> {
  await fn() // warm-up: lazy imports, JIT
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) times.push(await timed(fn))
  return median(times)
}

function wall(args: string[], json = false): number {
  const t = performance.now()
  const r = spawnSync(process.execPath, args, {cwd: REPO, encoding: 'utf8', env: {...process.env, OCLIF_SKIP_NEW_VERSION_CHECK: 'true'}})
  const ms = performance.now() - t
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`)
  // Exit code 1 also means "errors found": only a report on stdout proves the check ran (a CLI that
  // fails to load exits 1 too, fast, and would pass for a quick run).
  if (json && !/"diagnostics"/.test(r.stdout)) throw new Error(`${args.join(' ')} printed no report: ${r.stderr.slice(0, 500)}`)
  return ms
}

export default async function bench(log: (line: string) => void): Promise<Record<string, number>> {
  const rules = loadRuleBase()
  const inputs = FILES.map((path) => ({path, bytes: readFileSync(path)}))
  let pages = 0
  for (const input of inputs) pages += (await extract({...input, bytes: Buffer.from(input.bytes)})).pageCount ?? 0
  const extractMs = await repeat(async () => {
    for (const input of inputs) await extract({...input, bytes: Buffer.from(input.bytes)})
  })
  let diagnostics = 0
  const checkMs = await repeat(async () => {
    const report = runChecks(await readDraft(FILES, {today: new Date().toISOString().slice(0, 10), rules}))
    diagnostics = report.diagnostics.length
  })
  log(`${pages} pages, ${diagnostics} diagnostics; median of ${RUNS} runs after a warm-up`)
  log(`extract only: ${extractMs.toFixed(0)} ms; check in-process: ${checkMs.toFixed(0)} ms (x${(checkMs / extractMs).toFixed(2)} of extraction)`)
  const figures: Record<string, number> = {
    pages, diagnostics, extract_ms: Math.round(extractMs), check_in_process_ms: Math.round(checkMs),
    check_vs_extract: Number((checkMs / extractMs).toFixed(2)),
  }
  if (existsSync(join(REPO, 'dist', 'commands', 'check.js'))) {
    const cli: number[] = []
    const bare: number[] = []
    for (let i = 0; i < 3; i++) {
      cli.push(wall([join(REPO, 'bin', 'run.js'), 'check', ...FILES, '--json'], true))
      bare.push(wall(['-e', '0']))
    }
    figures.cli_ms = Math.round(median(cli))
    figures.node_startup_ms = Math.round(median(bare))
    figures.cli_under_2s = median(cli) < 2000 ? 1 : 0
    log(`CLI (fresh process, bin/run.js check --json): ${figures.cli_ms} ms (node -e 0: ${figures.node_startup_ms} ms) — ${figures.cli_under_2s ? 'under' : 'OVER'} 2 s`)
  } else {
    log('CLI not built (dist/commands/check.js missing): run `npm run build` for the one-shot CLI figure')
  }
  return figures
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await bench((line) => console.log(line)))
}
