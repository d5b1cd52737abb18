// Turning a gold item into the TenderDocument the detector sees, the way the real pipeline would:
// passages and criteria are segmented with segmentPages(); notices are read from disk with the
// project's extractor. A notice that cannot be read is a pipeline error, never "no finding".

import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import type {TenderDocument} from '../core/model.js'
import {DocumentError} from '../core/errors.js'
import type {ExtractedDocument, InputFile} from '../extract/types.js'
import {segmentPages} from '../text/segment.js'
import {kindOfDoc, type GoldItem} from './gold.js'

export type ExtractFn = (input: InputFile) => Promise<ExtractedDocument>

export interface PipelineError {
  set: string
  id: string
  status: 'failed' | 'not_analysable'
  code: string
  reason: string
}

export type Built = {doc: TenderDocument} | {error: PipelineError}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

/**
 * A passage or a criterion string as a document. A passage's kind comes from its `doc` field
 * (AAPC is a notice). A BOAMP criterion string is, by construction of the set, the text of one
 * award criterion of a notice: role 'award-criterion', as the notice readers set it.
 */
export function textItemDocument(item: GoldItem, file: string): TenderDocument {
  const text = item.text ?? ''
  const criterion = item.format === 'criteria'
  const {segments} = criterion
    ? segmentPages([{text}], {role: 'award-criterion', field: 'CRITERES_ATTRIBUTION'})
    : segmentPages([{text}])
  return {
    source: {path: `${file}#${item.id}`, sha256: sha256(text), size: Buffer.byteLength(text), readAt: new Date().toISOString()},
    format: criterion ? 'boamp' : 'txt',
    kind: criterion ? 'notice' : kindOfDoc(item.doc),
    segments,
  }
}

function pipelineError(item: GoldItem, error: unknown): PipelineError {
  if (error instanceof DocumentError) {
    return {set: item.set, id: item.id, status: error.status, code: error.code, reason: error.message}
  }
  const message = error instanceof Error ? error.message : String(error)
  return {set: item.set, id: item.id, status: 'failed', code: 'exception', reason: message}
}

/** A notice by path (relative to `corpusRoot`), read with the given extractor. */
export async function noticeItemDocument(item: GoldItem, corpusRoot: string, extract: ExtractFn): Promise<Built> {
  const path = join(corpusRoot, item.path ?? item.id)
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    return {error: {set: item.set, id: item.id, status: 'failed', code: 'missing-file',
      reason: `${path}: cannot read the notice (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`}}
  }
  try {
    const extracted = await extract({path, bytes})
    const doc: TenderDocument = {
      source: {path, sha256: sha256(bytes), size: bytes.length, readAt: new Date().toISOString()},
      format: extracted.format,
      kind: extracted.kind ?? 'notice',
      segments: extracted.segments,
    }
    if (extracted.pageCount !== undefined) doc.pageCount = extracted.pageCount
    if (extracted.declared) doc.declared = extracted.declared
    if (extracted.facts) doc.facts = extracted.facts
    return {doc}
  } catch (error) {
    return {error: pipelineError(item, error)}
  }
}

export async function buildDocument(item: GoldItem, file: string, corpusRoot: string, extract: ExtractFn): Promise<Built> {
  if (item.format === 'notices') return noticeItemDocument(item, corpusRoot, extract)
  try {
    return {doc: textItemDocument(item, file)}
  } catch (error) {
    return {error: pipelineError(item, error)}
  }
}
