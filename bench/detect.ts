// Detection throughput: MB/s of normalised text through the full rule base on one core (this
// thread, no workers), beside one combined keyword regex over the same segments in the same run,
// and a linearity check (each document doubled should take about twice as long).
// Three corpora, each repeated to BENCH_DETECT_MB (30; a third of it for the two others):
// - real tender documents, the headline and the target: the Aquareel DCE (markdown of its RC, CCAP,
//   CCTP, AE, BPU...) and every TED, eForms and BOAMP XML notice of ../shared/corpus, read by the
//   extractors as `scan` reads them; without ../shared, the bundled sample DCE and notices
//   (fixtures/sample-dce-sources, fixtures/notices), and the output says so;
// - synthetic drafts: the fixtures' text files (check cases, detection examples), written to be
//   nearly all clauses;
// - clause-dense passages (gold-dev and fixture gold passages, 40 to a document), the worst case.
// Run alone with `tsx bench/detect.ts`, or through `npm run bench -- detect`.

import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {basename, dirname, extname, join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import type {TenderDocument} from '../src/core/model.js'
import {combinedKeywordRegex} from '../src/eval/baseline.js'
import {extract} from '../src/extract/index.js'
import {guessKind} from '../src/extract/kind.js'
import {foldText} from '../src/text/normalize.js'
import {segmentPages} from '../src/text/segment.js'
import {detect, loadRuleBase} from '../src/detect/engine.js'
import {Prefilter} from '../src/detect/prefilter.js'

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

const textFiles = (files: string[]): Source[] => files
  .filter((f) => TEXT_EXT.has(extname(f)) && !/^(SOURCE|README)\.md$/i.test(basename(f)))
  .map((f) => ({path: f, text: readFileSync(f, 'utf8')}))

/**
 * Real tender documents: the Aquareel DCE and the corpus's XML notices (read by the extractors;
 * files they refuse, such as code lists, are left out), or the bundled sample DCE and notices.
 */
export async function realDocuments(): Promise<{docs: TenderDocument[]; from: string; shared: boolean}> {
  const shared = existsSync(SHARED)
  const texts = textFiles(shared ? walk(join(SHARED, 'dce-aquareel-vigicrues-2025/dce_md')) : walk(join(REPO, 'fixtures/sample-dce-sources')))
  const docs = texts.map((s) => toDocument(s, 0))
  const xml = (shared ? walk(SHARED) : walk(join(REPO, 'fixtures/notices'))).filter((f) => f.endsWith('.xml'))
  for (const path of xml) {
    try {
      const bytes = readFileSync(path)
      const ex = await extract({path, bytes})
      if (ex.segments.length === 0) continue
      const kind = ex.kind ?? guessKind(path, ex.segments.map((g) => g.text).join(' '))
      docs.push({source: {path, sha256: '', size: bytes.length, readAt: new Date(0).toISOString()}, format: ex.format, kind, segments: ex.segments})
    } catch {
      // Not a notice (code lists, SDK invalid examples, hostile fixtures): not document text.
    }
  }
  return {docs, shared, from: shared ? `the Aquareel DCE (${texts.length} pieces) and ${docs.length - texts.length} XML notices of ../shared/corpus`
    : `../shared/corpus is absent: the bundled sample DCE (${texts.length} pieces) and ${docs.length - texts.length} notices of fixtures/ only`}
}

/** Synthetic drafts: the fixtures' text files (check cases and examples, nearly all clauses). */
export function draftSources(): Source[] {
  return textFiles(walk(join(REPO, 'fixtures')))
}

/**
 * Clause-dense text, the worst case: the gold-dev passages and the fixtures' gold passages, grouped
 * 40 to a document (about the clauses part of a CCAP). Nearly every sentence hits a keyword.
 */
export function denseSources(): Source[] {
  const passages = [join(SHARED, 'gold-dev/clauses.jsonl'), ...walk(join(REPO, 'fixtures')).filter((f) => f.endsWith('.jsonl'))]
    .filter((f) => existsSync(f)).flatMap(jsonlTexts)
  const sources: Source[] = []
  for (let i = 0; i < passages.length; i += 40) {
    const group = passages.slice(i, i + 40)
    sources.push({path: group[0]!.path, text: group.map((p) => p.text).join('\n\n')})
  }
  return sources
}

function toDocument(source: Source, copy: number): TenderDocument {
  const {segments} = segmentPages([{text: source.text}])
  return {
    source: {path: `${source.path}#${copy}`, sha256: '', size: source.text.length, readAt: new Date(0).toISOString()},
    format: 'txt',
    kind: guessKind(source.path, source.text),
    segments,
  }
}

/** The document with its text twice over (its sentences repeated). */
function doubled(doc: TenderDocument): TenderDocument {
  return {...doc, segments: [...doc.segments, ...doc.segments]}
}

function textBytes(docs: TenderDocument[]): number {
  let n = 0
  for (const d of docs) for (const s of d.segments) n += Buffer.byteLength(s.text)
  return n
}

/** The documents, repeated until `targetBytes` (detect() keeps nothing between documents). */
function buildCorpus(units: TenderDocument[], targetBytes: number): TenderDocument[] {
  const docs: TenderDocument[] = []
  let bytes = 0
  while (bytes < targetBytes && units.length > 0) {
    for (const d of units) {
      docs.push(d)
      bytes += textBytes([d])
      if (bytes >= targetBytes) break
    }
  }
  return docs
}

/** Wall time and this process's CPU time (user + system), in ms. */
function time<T>(fn: () => T): {ms: number; cpuMs: number; value: T} {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const value = fn()
  const ms = performance.now() - t0
  const c = process.cpuUsage(c0)
  return {ms, cpuMs: (c.user + c.system) / 1000, value}
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

type Rules = ReturnType<typeof loadRuleBase>

interface Throughput {
  mb: number
  detectMBps: number
  detectCpuMBps: number
  regexMBps: number
  foldMBps: number
  findings: number
}

// Each figure is the best of BENCH_REPEAT passes (3): this is a shared virtual machine, whose speed
// varies by a third from one minute to the next with its neighbours' load; the fastest pass is the
// one least disturbed, for detect() and the reference regex alike.
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3))

/** The pass with the least wall time of REPEAT. */
function best<T>(fn: () => T): {ms: number; cpuMs: number; value: T} {
  let out = time(fn)
  for (let k = 1; k < REPEAT; k++) {
    const t = time(fn)
    if (t.ms < out.ms) out = t
  }
  return out
}

/** detect(), one combined regex and foldText() (a reference cost) over the same documents, one after the other. */
function measure(name: string, units: TenderDocument[], targetMB: number, rules: Rules, log: (line: string) => void): Throughput {
  const docs = buildCorpus(units, targetMB * 1e6)
  const mb = textBytes(docs) / 1e6
  log(`[${name}] ${units.length} documents repeated to ${docs.length}, ${mb.toFixed(1)} MB of normalised segment text`)
  const re = combinedKeywordRegex()
  runDetect(units, rules) // warm-up: JIT and lazy compilation
  runRegex(units, re)
  const det = best(() => runDetect(docs, rules))
  const rx = best(() => runRegex(docs, re))
  const fo = best(() => runFold(docs))
  const t: Throughput = {mb, detectMBps: mb / (det.ms / 1000), detectCpuMBps: mb / (det.cpuMs / 1000),
    regexMBps: mb / (rx.ms / 1000), foldMBps: mb / (fo.ms / 1000), findings: det.value}
  log(`[${name}] detect():       ${t.detectMBps.toFixed(1)} MB/s wall, ${t.detectCpuMBps.toFixed(1)} MB/s of CPU time ` +
    `(${(det.ms / 1000).toFixed(2)} s, ${det.value} findings; best of ${REPEAT} passes)`)
  log(`[${name}] combined regex: ${t.regexMBps.toFixed(1)} MB/s (${rx.value} keyword hits); ` +
    `detect is ${(t.regexMBps / t.detectMBps).toFixed(1)}x slower`)
  log(`[${name}] foldText() (src/text/normalize.ts, folding with an offset map, for reference): ${t.foldMBps.toFixed(1)} MB/s`)
  return t
}

/** Half the text as documents, then the same documents each doubled: time ratio over size ratio. */
function linearity(units: TenderDocument[], targetMB: number, rules: Rules, log: (line: string) => void): number {
  const half = buildCorpus(units, (targetMB * 1e6) / 2)
  const twice = half.map(doubled)
  const t1 = time(() => runDetect(half, rules)).ms
  const t2 = time(() => runDetect(twice, rules)).ms
  const ratio = t2 / t1 / (textBytes(twice) / textBytes(half))
  log(`linearity: ${(textBytes(half) / 1e6).toFixed(1)} MB in ${(t1 / 1000).toFixed(2)} s, the same documents doubled ` +
    `in ${(t2 / 1000).toFixed(2)} s: time ratio / size ratio = ${ratio.toFixed(2)} (1.0 is linear; below 1 is per-document overhead)`)
  return ratio
}

/**
 * The same documents through a quarter, a half and all of the rule base (rules taken in turn from
 * each category): with the keyword index, time follows the sentences a rule's words point at, not
 * the number of rules times the text.
 */
function ruleScaling(units: TenderDocument[], targetMB: number, base: Rules, log: (line: string) => void): number {
  const docs = buildCorpus(units, targetMB * 1e6)
  const mb = textBytes(docs) / 1e6
  const byCategory = new Map<string, number[]>()
  base.rules.forEach((r, i) => byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), i]))
  const order: number[] = []
  for (let k = 0; order.length < base.rules.length; k++) for (const list of byCategory.values()) if (k < list.length) order.push(list[k]!)
  const times = [0.25, 0.5, 1].map((share) => {
    const kept = order.slice(0, Math.max(1, Math.round(base.rules.length * share))).sort((a, b) => a - b)
    const subset: Rules = {...base, rules: kept.map((i) => base.rules[i]!), prefilter: new Prefilter(kept.map((i) => base.prefilter.keywordsByRule[i]!))}
    runDetect(units, subset)
    return {rules: kept.length, ms: time(() => runDetect(docs, subset)).ms}
  })
  const [q, , all] = times as [{rules: number; ms: number}, {rules: number; ms: number}, {rules: number; ms: number}]
  log(`rule scaling on ${mb.toFixed(1)} MB: ${times.map((t) => `${t.rules} rules ${(mb / (t.ms / 1000)).toFixed(1)} MB/s`).join(', ')}; ` +
    `${(all.rules / q.rules).toFixed(1)}x the rules cost ${(all.ms / q.ms).toFixed(2)}x the time (text x rules would be ${(all.rules / q.rules).toFixed(1)}x)`)
  return all.ms / q.ms
}

export default async function bench(log: (line: string) => void): Promise<Record<string, number>> {
  const targetMB = Number(process.env.BENCH_DETECT_MB ?? 30)
  const load = time(() => loadRuleBase())
  const rules = load.value
  log(`rule base: ${rules.rules.length} rules loaded in ${load.ms.toFixed(0)} ms (hash ${rules.hash}); one core, this thread`)
  if (rules.rules.length === 0) log('WARNING: the rule base is empty (engine stub?): the detection figures below mean nothing')
  const real = await realDocuments()
  log(`real tender documents: ${real.from}`)
  const docs = measure('documents', real.docs, targetMB, rules, log)
  if (real.shared) log(`target >= 20 MB/s on real tender documents: ${docs.detectMBps >= 20 ? 'met' : 'MISSED'} (wall time; on a loaded machine see the CPU-time figure and the ratio)`)
  else log('target >= 20 MB/s on real tender documents: not assessed (the bundled sample is a few clause-dense demo pieces, not a corpus)')
  const drafts = measure('synthetic drafts', draftSources().map((s) => toDocument(s, 0)), targetMB / 3, rules, log)
  const dense = denseSources()
  const worst = dense.length > 0 ? measure('clause-dense', dense.map((s) => toDocument(s, 0)), targetMB / 3, rules, log) : undefined
  const lin = linearity(real.docs, targetMB, rules, log)
  const scaling = ruleScaling(real.docs, targetMB / 3, rules, log)
  const out: Record<string, number> = {
    rules: rules.rules.length, ruleLoadMs: load.ms, corpusMB: docs.mb,
    detectMBps: docs.detectMBps, detectCpuMBps: docs.detectCpuMBps, regexMBps: docs.regexMBps, foldTextMBps: docs.foldMBps,
    regexOverDetect: docs.regexMBps / docs.detectMBps, linearity: lin, allRulesOverQuarterTime: scaling,
    draftsDetectMBps: drafts.detectMBps, draftsDetectCpuMBps: drafts.detectCpuMBps,
  }
  if (worst) Object.assign(out, {denseDetectMBps: worst.detectMBps, denseDetectCpuMBps: worst.detectCpuMBps, denseRegexMBps: worst.regexMBps})
  return out
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  bench((line) => console.log(line)).then((r) => console.log(JSON.stringify(r)), (e: unknown) => {
    console.error(e)
    process.exitCode = 1
  })
}
