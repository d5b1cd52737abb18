// PDF reader (pdf-parse 2 / pdfjs): the text of each page with its page number. Encrypted,
// image-only (scanned) and broken PDFs end as DocumentErrors with a reason a user understands.

import {failed, notAnalysable} from '../core/errors.js'
import {segmentPages, type PageText} from '../text/segment.js'
import type {ExtractedDocument, InputFile} from './types.js'

/**
 * Below this many letters per page on average, a PDF has no usable text layer: a scan, or fonts
 * without a Unicode map (their glyphs come out as private-use characters, which are not letters).
 * A text page of a tender document holds about 2,000-3,500 letters; a scan with only a printed
 * page number or a stamp holds a handful.
 */
export const MIN_LETTERS_PER_PAGE = 20

interface PdfText {
  pages: PageText[]
  total: number
}

async function readPages(input: InputFile): Promise<PdfText> {
  const {PDFParse, VerbosityLevel} = await import('pdf-parse')
  // A Uint8Array handed to pdfjs is transferred (detached); give it a copy so input.bytes stays intact.
  const parser = new PDFParse({data: Buffer.from(input.bytes), verbosity: VerbosityLevel.ERRORS})
  try {
    const result = await parser.getText()
    return {pages: result.pages.map((p) => ({page: p.num, text: p.text})), total: result.total}
  } catch (error) {
    throw await classifyError(input.path, error)
  } finally {
    await parser.destroy().catch(() => undefined)
  }
}

async function classifyError(path: string, error: unknown): Promise<Error> {
  const {PasswordException, InvalidPDFException, UnknownErrorException, FormatError} = await import('pdf-parse')
  const detail = error instanceof Error ? error.message : String(error)
  if (error instanceof PasswordException) {
    return notAnalysable('encrypted', path,
      `${path}: the PDF is protected by a password, so its text cannot be read. Ask for an unprotected copy.`, error)
  }
  if (error instanceof InvalidPDFException || error instanceof UnknownErrorException || error instanceof FormatError) {
    return failed('invalid-pdf', path, `${path}: this file is not a valid PDF or is truncated (${detail}).`, error)
  }
  // pdfjs reports most damage with its own exception classes; anything else is still about the
  // bytes we gave it, but say that the reader itself failed.
  return failed('invalid-pdf', path, `${path}: the PDF could not be read (${detail}).`, error)
}

function letterCount(pages: PageText[]): number {
  let letters = 0
  for (const p of pages) letters += p.text.match(/\p{L}/gu)?.length ?? 0
  return letters
}

export async function extractPdf(input: InputFile): Promise<ExtractedDocument> {
  if (input.bytes.length === 0) throw notAnalysable('empty', input.path, `${input.path}: the file is empty (0 bytes).`)
  const {pages, total} = await readPages(input)
  if (total === 0) throw notAnalysable('empty', input.path, `${input.path}: the PDF has no pages.`)
  const letters = letterCount(pages)
  if (letters < MIN_LETTERS_PER_PAGE * total) {
    throw notAnalysable('no-text-layer', input.path,
      `${input.path}: the PDF has no text layer (${letters} letters on ${total} page${total > 1 ? 's' : ''}); ` +
      'it is probably a scan. Run OCR on it (e.g. ocrmypdf) and analyse it again.')
  }
  const {segments} = segmentPages(pages)
  return {format: 'pdf', pageCount: total, segments}
}
