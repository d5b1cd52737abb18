// STUB: to be written (foundation issue). Throws so the pipeline reports the document as failed.
import {failed} from '../core/errors.js'
import type {ExtractedDocument, InputFile} from './types.js'

export async function extractPdf(input: InputFile): Promise<ExtractedDocument> {
  throw failed('not-implemented', input.path, `${input.path}: reader not implemented yet`)
}
