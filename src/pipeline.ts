// One document's way through clausescope: extract -> text -> detect -> store, ending in exactly
// one status. The one place `scan`, `check` and `crawl` share. A bad document never throws out of
// here: it becomes a `not_analysable` or `failed` result that names the file.

import {createHash} from 'node:crypto'
import {readdir, stat} from 'node:fs/promises'
import {DocumentError} from './core/errors.js'
import type {DocumentResult, Provenance, TenderDocument} from './core/model.js'
import {detect, type RuleBase} from './detect/engine.js'
import {extract} from './extract/index.js'
import {guessKind} from './extract/kind.js'
import {isInputProblem, type InputFile, type InputProblem} from './extract/types.js'
import {readInputs} from './sources/files.js'
import type {DocumentStore} from './store/documents.js'

/** Bumped when a reader or the engine changes what it produces, so stored results are redone. */
export const ANALYSER_VERSION = '1'

export interface AnalyseOptions {
  rules: RuleBase
  /** Where results are kept; absent with --no-store. */
  store?: DocumentStore
  runId?: number
  /** Analyse again even when the store holds a result for the same bytes and rules. */
  force?: boolean
}

export interface Analysis {
  result: DocumentResult
  /** The extracted document, when it was analysed in this run (not when it came from the store). */
  document?: TenderDocument
}

export function rulesetKey(rules: RuleBase): string {
  return `${ANALYSER_VERSION}:${rules.hash}`
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function provenanceOf(input: InputFile): Provenance {
  const p: Provenance = {path: input.path, sha256: sha256(input.bytes), size: input.bytes.length, readAt: new Date().toISOString()}
  if (input.container) p.container = input.container
  if (input.url) p.url = input.url
  return p
}

/** Extract and detect, without the store. Throws DocumentError for unreadable documents. */
export async function analyseDocument(input: InputFile, source: Provenance, rules: RuleBase): Promise<TenderDocument> {
  const extracted = await extract(input)
  const text = extracted.segments.map((s) => s.text).join(' ')
  if (extracted.segments.length === 0 || !/\p{L}{2}/u.test(text)) {
    throw new DocumentError('not_analysable', 'empty', input.path, `${input.path}: no text was found in the document.`)
  }
  const document: TenderDocument = {
    source,
    format: extracted.format,
    kind: extracted.kind ?? guessKind(input.path, text),
    segments: extracted.segments,
  }
  if (extracted.pageCount !== undefined) document.pageCount = extracted.pageCount
  if (extracted.declared) document.declared = extracted.declared
  if (extracted.facts) document.facts = extracted.facts
  return document
}

function resultOf(document: TenderDocument, rules: RuleBase): DocumentResult {
  const result: DocumentResult = {
    path: document.source.path, status: 'analysed', format: document.format, kind: document.kind,
    sha256: document.source.sha256, size: document.source.size, findings: detect(document, rules),
  }
  if (document.pageCount !== undefined) result.pageCount = document.pageCount
  if (document.declared) result.declared = document.declared
  if (document.facts) result.facts = document.facts
  return result
}

function failureOf(error: unknown, source: Provenance): DocumentResult {
  const base = {path: source.path, sha256: source.sha256, size: source.size, findings: []}
  if (error instanceof DocumentError) return {...base, status: error.status, errorCode: error.code, reason: error.message}
  const message = error instanceof Error ? error.message : String(error)
  return {...base, status: 'failed', errorCode: 'internal-error', reason: `${source.path}: could not be analysed (${message}).`}
}

/** One input file to one result, using and filling the store when there is one. */
export async function analyseInput(input: InputFile, options: AnalyseOptions): Promise<Analysis> {
  const source = provenanceOf(input)
  const key = rulesetKey(options.rules)
  if (options.store && !options.force) {
    const cached = options.store.cached(source.sha256, key)
    if (cached) {
      // codes are the category's, not stored per finding: attach them as detect() does
      const findings = cached.findings.map((f) => ({...f, codes: options.rules.categories[f.category]}))
      return {result: {...cached, findings, path: input.path, cached: true}}
    }
  }
  let analysis: Analysis
  try {
    const document = await analyseDocument(input, source, options.rules)
    analysis = {result: resultOf(document, options.rules), document}
  } catch (error) {
    analysis = {result: failureOf(error, source)}
  }
  options.store?.save(analysis.result, source, key, options.runId)
  return analysis
}

function problemResult(problem: InputProblem): DocumentResult {
  return {path: problem.path, status: problem.status, errorCode: problem.errorCode, reason: problem.reason, findings: []}
}

/** Every document under the paths (folders recursively, archives member by member), in order. */
export async function* analysePaths(paths: string[], options: AnalyseOptions): AsyncGenerator<Analysis> {
  for await (const item of readInputs(paths)) {
    if (isInputProblem(item)) yield {result: problemResult(item)}
    else yield analyseInput(item, options)
  }
}

/** How many files lie under the paths: the total of a progress bar (archives count as one). */
export async function countFiles(paths: string[]): Promise<number> {
  let n = 0
  for (const p of paths) {
    try {
      const info = await stat(p)
      if (info.isFile()) n++
      else if (info.isDirectory()) {
        const entries = await readdir(p, {recursive: true, withFileTypes: true})
        n += entries.filter((e) => e.isFile()).length
      }
    } catch {
      n++
    }
  }
  return n
}
