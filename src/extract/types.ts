// The extractor contract: bytes of one file in, one document's content out.

import type {DeclaredConsiderations, DocumentFormat, DocumentKind, ProcedureFacts, Segment} from '../core/model.js'

/** One file to analyse: a file on disk, an archive member, or a downloaded document. */
export interface InputFile {
  /** Display path: a file path, or `DCE.zip!/Pieces/CCAP.pdf` for an archive member. */
  path: string
  bytes: Buffer
  /** For an archive member, the archive's path on disk. */
  container?: string
  url?: string
}

/** A file that could not even be read or unpacked (bad archive member, unreadable file). */
export interface InputProblem {
  path: string
  status: 'failed' | 'not_analysable'
  errorCode: string
  reason: string
  container?: string
}

export function isInputProblem(x: InputFile | InputProblem): x is InputProblem {
  return (x as InputProblem).status !== undefined
}

export interface ExtractedDocument {
  format: DocumentFormat
  /** Set by extractors that know (notices); otherwise guessed from the path and the text. */
  kind?: DocumentKind
  pageCount?: number
  segments: Segment[]
  declared?: DeclaredConsiderations
  facts?: ProcedureFacts
}

/**
 * An extractor. It throws a DocumentError (src/core/errors.ts) when the document cannot be read:
 * `notAnalysable('encrypted' | 'no-text-layer' | 'empty', ...)` or `failed('invalid-pdf', ...)`.
 */
export type Extractor = (input: InputFile) => Promise<ExtractedDocument>
