// DOCX reader (mammoth): paragraphs, lists and tables in reading order, heading styles kept as
// section headings. Word has no fixed pages, so segments carry no page number.
// mammoth loads the whole ZIP in memory (jszip), so the container is checked with yauzl first.

import {failed, notAnalysable} from '../core/errors.js'
import {segmentBlocks} from './blocks.js'
import {htmlBlocks} from './html.js'
import type {ExtractedDocument, InputFile} from './types.js'
import {describeZipError, readOfficeParts, ZipLimitError} from './zip-reader.js'

/** Word's built-in heading styles are named "heading N" in every language; French templates add "Titre N". */
const STYLE_MAP = [1, 2, 3, 4, 5, 6].flatMap((n) => [
  `p[style-name='Titre ${n}'] => h${n}:fresh`,
  `p[style-name='Titre${n}'] => h${n}:fresh`,
])

/** The OLE compound-file signature: an old .doc, or a password-protected Office file. */
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

function compoundFileError(input: InputFile): Error {
  // A protected DOCX is a compound file holding an "EncryptedPackage" stream (name in UTF-16LE).
  if (input.bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
    return notAnalysable('encrypted', input.path,
      `${input.path}: the Word document is protected by a password, so its text cannot be read. Ask for an unprotected copy.`)
  }
  return notAnalysable('unsupported-format', input.path,
    `${input.path}: this is an old Word (.doc) file, not a DOCX; save it as DOCX or PDF and analyse it again.`)
}

async function checkContainer(input: InputFile): Promise<void> {
  try {
    await readOfficeParts(input.bytes, () => false)
  } catch (error) {
    if (error instanceof ZipLimitError) {
      throw failed('zip-bomb', input.path, `${input.path}: refused as a zip bomb: ${error.message}.`, error)
    }
    throw failed('invalid-docx', input.path,
      `${input.path}: this file is not a valid DOCX or is truncated (${describeZipError(error)}).`, error)
  }
}

async function toHtml(input: InputFile): Promise<string> {
  const mammoth = (await import('mammoth')).default
  try {
    const result = await mammoth.convertToHtml({buffer: input.bytes}, {
      styleMap: STYLE_MAP,
      externalFileAccess: false,
      // Images are not text: never inflate them.
      convertImage: mammoth.images.imgElement(async () => ({src: ''})),
    })
    return result.value
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    throw failed('invalid-docx', input.path, `${input.path}: this file is not a valid DOCX (${detail}).`, error)
  }
}

export async function extractDocx(input: InputFile): Promise<ExtractedDocument> {
  if (input.bytes.length === 0) throw notAnalysable('empty', input.path, `${input.path}: the file is empty (0 bytes).`)
  if (input.bytes.subarray(0, 8).equals(CFB_MAGIC)) throw compoundFileError(input)
  await checkContainer(input)
  const html = await toHtml(input)
  const cheerio = await import('cheerio')
  const blocks = htmlBlocks(cheerio.load(html))
  if (!blocks.some((b) => /\p{L}/u.test(b.text))) {
    throw notAnalysable('empty', input.path, `${input.path}: the document holds no text.`)
  }
  const {segments} = segmentBlocks(blocks)
  return {format: 'docx', segments}
}
