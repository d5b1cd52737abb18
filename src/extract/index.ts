// Format sniffing and dispatch: one InputFile in, one ExtractedDocument out.
// Readers are imported lazily so that commands that do not read documents start fast.

import type {DocumentFormat} from '../core/model.js'
import {failed, notAnalysable} from '../core/errors.js'
import type {ExtractedDocument, InputFile} from './types.js'

function extension(path: string): string {
  const base = path.split(/[/\\!]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase()
}

function startsWith(bytes: Buffer, magic: string): boolean {
  return bytes.subarray(0, magic.length).toString('latin1') === magic
}

export type SniffedFormat = DocumentFormat | 'xml'

/** The format by content first (magic bytes), by extension second. */
export function sniffFormat(path: string, bytes: Buffer): SniffedFormat {
  const ext = extension(path)
  if (startsWith(bytes, '%PDF-')) return 'pdf'
  if (startsWith(bytes, 'PK\u0003\u0004') || startsWith(bytes, 'PK\u0005\u0006')) {
    if (ext === 'docx') return 'docx'
    if (ext === 'odt') return 'odt'
    return 'zip'
  }
  const head = bytes.subarray(0, 2048).toString('latin1').replace(/^\uFEFF|^ï»¿/, '').trimStart()
  if (/^<\?xml|^<[A-Za-z_][\w.:-]*[\s>]/.test(head) && !/^<!doctype html|^<html/i.test(head)) {
    if (/<html[\s>]/i.test(head) && !/<\?xml/.test(head.slice(0, 10))) return 'html'
    return 'xml'
  }
  if (/^<!doctype html|^<html/i.test(head) || ext === 'html' || ext === 'htm') return 'html'
  if (ext === 'pdf') return 'pdf'
  if (ext === 'docx') return 'docx'
  if (ext === 'odt') return 'odt'
  if (ext === 'zip') return 'zip'
  if (ext === 'xml') return 'xml'
  if (['txt', 'md', 'markdown', 'text'].includes(ext)) return 'txt'
  return 'unknown'
}

export async function extract(input: InputFile): Promise<ExtractedDocument> {
  if (input.bytes.length === 0) {
    throw notAnalysable('empty', input.path, `${input.path}: the file is empty (0 bytes).`)
  }
  const format = sniffFormat(input.path, input.bytes)
  switch (format) {
    case 'pdf': return (await import('./pdf.js')).extractPdf(input)
    case 'docx': return (await import('./docx.js')).extractDocx(input)
    case 'odt': return (await import('./odt.js')).extractOdt(input)
    case 'html': return (await import('./html.js')).extractHtml(input)
    case 'txt': return (await import('./txt.js')).extractTxt(input)
    case 'xml': return (await import('./notice.js')).extractNotice(input)
    case 'zip':
      throw failed('archive', input.path, `${input.path}: is an archive; its members are analysed one by one.`)
    default:
      throw notAnalysable('unsupported-format', input.path,
        `${input.path}: unsupported format (expected PDF, DOCX, ODT, HTML, TXT/MD, ZIP or a TED/eForms/BOAMP XML notice).`)
  }
}
