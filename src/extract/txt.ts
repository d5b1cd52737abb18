// Plain text and Markdown: decoded as UTF-8 (windows-1252 when not valid UTF-8); form feeds
// and "Page N" markers left by PDF-to-text converters become page breaks.

import iconv from 'iconv-lite'
import {notAnalysable} from '../core/errors.js'
import {segmentPages, type PageText} from '../text/segment.js'
import type {ExtractedDocument, InputFile} from './types.js'

export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    return iconv.decode(bytes, 'windows-1252')
  }
}

/** Split on form feeds, else on page markers such as "<!-- Page 3 -->", "--- Page 3 ---", "Page 3/20" alone on a line. */
export function splitPages(text: string): PageText[] {
  if (text.includes('\f')) return text.split('\f').map((t, i) => ({page: i + 1, text: t}))
  const marker = /^\s*(?:<!--\s*)?(?:[-=#*_ ]*)(?:page)\s+(\d+)(?:\s*(?:\/|sur|of)\s*\d+)?\s*(?:[-=*_ ]*)(?:-->)?\s*$/gim
  const pages: PageText[] = []
  let last = 0
  let lastPage: number | undefined
  let m: RegExpExecArray | null
  let preamble = ''
  while ((m = marker.exec(text))) {
    const chunk = text.slice(last, m.index)
    // text before the first marker (a title, converter notes) belongs to the first page
    if (lastPage === undefined) preamble = chunk
    else pages.push({page: lastPage, text: chunk})
    lastPage = Number(m[1])
    last = m.index + m[0].length
  }
  if (lastPage === undefined) return [{text}]
  pages.push({page: lastPage, text: text.slice(last)})
  if (pages[0] && preamble.trim().length > 0) pages[0].text = `${preamble}\n${pages[0].text}`
  return pages.filter((p) => p.text.trim().length > 0)
}

export async function extractTxt(input: InputFile): Promise<ExtractedDocument> {
  const text = decodeText(input.bytes)
  if (text.trim().length === 0) throw notAnalysable('empty', input.path, `${input.path}: the file holds no text.`)
  const pages = splitPages(text)
  const {segments} = segmentPages(pages)
  const doc: ExtractedDocument = {format: 'txt', segments}
  if (pages.some((p) => p.page !== undefined)) doc.pageCount = pages.length
  return doc
}
