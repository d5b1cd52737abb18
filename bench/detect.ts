// Detection throughput: MB/s of normalised text through the full rule base on one core (this
// thread, no workers), beside one combined keyword regex over the same segments in the same run,
// and a linearity check (each document doubled should take about twice as long).
// Corpus: the real Aquareel DCE markdown and the gold-dev passages when /work/shared is present,
// the fixtures' texts and the repo's own text files otherwise, repeated to BENCH_DETECT_MB (30).
// Run alone with `tsx bench/detect.ts`, or through `npm run bench -- detect`.

import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {dirname, extname, join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import type {TenderDocument} from '../src/core/model.js'
import {combinedKeywordRegex} from '../src/eval/baseline.js'
import {guessKind} from '../src/extract/kind.js'
import {foldText} from '../src/text/normalize.js'
import {segmentPages} from '../src/text/segment.js'
import {detect, loadRuleBase} from '../src/detect/engine.js'

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SHARED = resolve(REPO, '../shared/corpus')
const TEXT_EXT = new Set(['.md', '.txt'])

interface Source {
  path: string
  text: string
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p, out)
    else out.push(p)
  }
  return out
}

/** Texts of jsonl gold-style files (one `text` per line), each as one source. */
function jsonlTexts(file: string): Source[] {
  return readFileSync(file, 'utf8').split('\n').flatMap((line, i) => {
    try {
      const o = JSON.parse(line) as {text?: unknown}
      return typeof o.text === 'string' ? [{path: `${file}:${i + 1}`, text: o.text}] : []
    } catch {
      return []
    }
  })
}

/** Realistic procurement text: the real DCE first, then passages; repo prose as a last resort. */
export function corpusSources(): Source[] {
  const sources: Source[] = []
  for (const f of walk(join(SHARED, 'dce-aquareel-vigicrues-2025/dce_md'))) {
    if (TEXT_EXT.has(extname(f))) sources.push({path: f, text: readFileSync(f, 'utf8')})
  }
  // Short passages are grouped into documents of ~40 passages, the size of a CCAP's clauses part.
  const passages = [join(SHARED, 'gold-dev/clauses.jsonl'), ...walk(join(REPO, 'fixtures')).filter((f) => f.endsWith('.jsonl'))]
    .filter(existsSync).flatMap(jsonlTexts)
  for (let i = 0; i < passages.length; i += 40) {
    const group = passages.slice(i, i + 40)
    sources.push({path: group[0]!.path, text: group.map((p) => p.text).join('\n\n')})
  }
  for (const f of walk(join(REPO, 'fixtures'))) {
    if (TEXT_EXT.has(extname(f))) sources.push({path: f, text: readFileSync(f, 'utf8')})
  }
  if (sources.length === 0) sources.push({path: join(REPO, 'README.md'), text: readFileSync(join(REPO, 'README.md'), 'utf8')})
  return sources
}

function toDocument(source: Source, copy: number, times = 1): TenderDocument {
  const text = Array.from({length: times}, () => source.text).join('\n\n')
  const {segments} = segmentPages([{text}])
  return {
    source: {path: `${source.path}#${copy}`, sha256: '', size: text.length, readAt: new Date(0).toISOString()},
    format: 'txt',
    kind: guessKind(source.path, text),
    segments,
  }
}

function textBytes(docs: TenderDocument[]): number {
  let n = 0
  for (const d of docs) for (const s of d.segments) n += Buffer.byteLength(s.text)
  return n
}

/** The sources, each `times` over inside one document, repeated until `targetBytes`. */
function buildCorpus(sources: Source[], targetBytes: number, times: number): TenderDocument[] {
  const docs: TenderDocument[] = []
  let bytes = 0
  for (let copy = 0; bytes < targetBytes; copy++) {
    for (const s of sources) {
      const d = toDocument(s, copy, times)
      docs.push(d)
      bytes += textBytes([d])
      if (bytes >= targetBytes) break
    }
  }
  return docs
}

function time<T>(fn: () => T): {ms: number; value: T} {
  const t0 = performance.now()
  const value = fn()
  return {ms: performance.now() - t0, value}
}

function runDetect(docs: TenderDocument[], rules: ReturnType<typeof loadRuleBase>): number {
  let findings = 0
  for (const d of docs) findings += detect(d, rules).length
  return findings
}

function runFold(docs: TenderDocument[]): number {
  let chars = 0
  for (const d of docs) for (const s of d.segments) chars += foldText(s.text).text.length
  return chars
}

function runRegex(docs: TenderDocument[], re: RegExp): number {
  let hits = 0
  for (const d of docs) {
    for (const s of d.segments) {
      re.lastIndex = 0
      while (re.exec(s.text)) hits++
    }
  }
  return hits
}

export default async function bench(log: (line: string) => void): Promise<Record<string, number>> {
  const targetMB = Number(process.env.BENCH_DETECT_MB ?? 30)
  const sources = corpusSources()
  const load = time(() => loadRuleBase())
  const rules = load.value
  log(`rule base: ${rules.rules.length} rules loaded in ${load.ms.toFixed(0)} ms (hash ${rules.hash})`)
  if (rules.rules.length === 0) log('WARNING: the rule base is empty (engine stub?): the detection figures below mean nothing')

  const built = time(() => buildCorpus(sources, targetMB * 1e6, 1))
  const docs = built.value
  const mb = textBytes(docs) / 1e6
  log(`corpus: ${sources.length} source texts -> ${docs.length} documents, ${mb.toFixed(1)} MB of normalised segment text (built in ${(built.ms / 1000).toFixed(1)} s)`)

  runDetect(docs.slice(0, sources.length), rules) // warm-up: JIT and lazy compilation
  const det = time(() => runDetect(docs, rules))
  const re = combinedKeywordRegex()
  runRegex(docs.slice(0, sources.length), re)
  const rx = time(() => runRegex(docs, re))
  const fo = time(() => runFold(docs))
  const detectMBps = mb / (det.ms / 1000)
  const regexMBps = mb / (rx.ms / 1000)
  const foldMBps = mb / (fo.ms / 1000)
  log(`detect():       ${detectMBps.toFixed(1)} MB/s (${(det.ms / 1000).toFixed(2)} s, ${det.value} findings)`)
  log(`combined regex: ${regexMBps.toFixed(1)} MB/s (${(rx.ms / 1000).toFixed(2)} s, ${rx.value} keyword hits)`)
  log(`foldText() alone (what matching over folded text costs first): ${foldMBps.toFixed(1)} MB/s`)
  log(`detect is ${(regexMBps / detectMBps).toFixed(1)}x slower than one keyword regex; target >= 20 MB/s: ${detectMBps >= 20 ? 'met' : 'MISSED'}`)

  // Linearity: half as many documents, each twice as long, is the same text; then twice that.
  const half = buildCorpus(sources, (targetMB * 1e6) / 2, 1)
  const doubled = half.map((_, i) => toDocument(sources[i % sources.length]!, i, 2))
  const t1 = time(() => runDetect(half, rules)).ms
  const t2 = time(() => runDetect(doubled, rules)).ms
  const linearity = t2 / t1 / (textBytes(doubled) / textBytes(half))
  log(`linearity: ${(textBytes(half) / 1e6).toFixed(1)} MB in ${(t1 / 1000).toFixed(2)} s, the same documents doubled ` +
    `(${(textBytes(doubled) / 1e6).toFixed(1)} MB) in ${(t2 / 1000).toFixed(2)} s: time ratio / size ratio = ${linearity.toFixed(2)} (1.0 is linear)`)
  return {
    rules: rules.rules.length, corpusMB: mb, detectMBps, regexMBps, foldMBps, regexOverDetect: regexMBps / detectMBps,
    linearity, ruleLoadMs: load.ms,
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  bench((line) => console.log(line)).then((r) => console.log(JSON.stringify(r)), (e: unknown) => {
    console.error(e)
    process.exitCode = 1
  })
}
