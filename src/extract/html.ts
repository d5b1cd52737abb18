// HTML reader (cheerio): the visible text of the body as blocks (block elements end a line,
// h1-h6 are section headings, scripts and styles dropped), with legacy encodings decoded right.
// The DOM walker is shared with the DOCX reader, which goes through mammoth's HTML.

import type {CheerioAPI} from 'cheerio'
import {notAnalysable} from '../core/errors.js'
import {segmentBlocks, type TextBlock} from './blocks.js'
import type {ExtractedDocument, InputFile} from './types.js'

/** The parts of a domhandler node the walker reads (cheerio's nodes have these fields). */
interface DomNode {
  type: string
  data?: string
  name?: string
  attribs?: Record<string, string>
  children?: DomNode[]
}

/** Never visible, or not text. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link',
  'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'audio', 'video', 'select', 'datalist'])

/** Elements that start and end a line of text. */
const BLOCKS = new Set(['address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details',
  'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'html',
  'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot',
  'tr', 'ul', 'menu'])

function isHidden(node: DomNode): boolean {
  const a = node.attribs ?? {}
  return a.hidden !== undefined || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style ?? '')
}

/** Collects blocks while walking the DOM. Inside a table row, cells stay on one line. */
class BlockCollector {
  readonly blocks: TextBlock[] = []
  private current = ''

  add(text: string): void {
    this.current += text
  }

  lineBreak(): void {
    this.current += '\n'
  }

  endBlock(): void {
    const text = this.current.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l.length > 0).join('\n')
    if (text.length > 0) this.blocks.push({text})
    this.current = ''
  }

  heading(level: number, text: string): void {
    this.endBlock()
    const t = text.replace(/\s+/g, ' ').trim()
    if (t.length > 0) this.blocks.push({text: t, headingLevel: level})
  }
}

function walk(node: DomNode, out: BlockCollector, ctx: {inCell: number; inPre: number}): void {
  if (node.type === 'text') {
    const data = node.data ?? ''
    out.add(ctx.inPre > 0 ? data : data.replace(/\s+/g, ' '))
    return
  }
  if (node.type !== 'tag' && node.type !== 'root') return // comments, directives; script/style have their own types
  const name = (node.name ?? '').toLowerCase()
  if (DROPPED.has(name) || isHidden(node)) return
  const children = node.children ?? []
  if (name === 'br') return out.lineBreak()
  const h = /^h([1-6])$/.exec(name)
  if (h) {
    const inner = new BlockCollector()
    for (const c of children) walk(c, inner, ctx)
    inner.endBlock()
    return out.heading(Number(h[1]), inner.blocks.map((b) => b.text).join(' '))
  }
  if (name === 'td' || name === 'th') {
    ctx.inCell++
    for (const c of children) walk(c, out, ctx)
    ctx.inCell--
    return out.add(' ')
  }
  const block = BLOCKS.has(name)
  // In a cell, a paragraph only breaks the line: the row stays one block ("Prix 40 %").
  const asLine = block && ctx.inCell > 0 && name !== 'table'
  if (block) asLine ? out.lineBreak() : out.endBlock()
  if (name === 'pre') ctx.inPre++
  const savedCell = ctx.inCell
  if (name === 'table') ctx.inCell = 0 // a nested table's rows are blocks again
  for (const c of children) walk(c, out, ctx)
  ctx.inCell = savedCell
  if (name === 'pre') ctx.inPre--
  if (block) asLine ? out.lineBreak() : out.endBlock()
}

/** The blocks of an HTML document's body (or of the whole document when it has no body). */
export function htmlBlocks($: CheerioAPI): TextBlock[] {
  const body = $('body').get(0) ?? $.root().get(0)
  const out = new BlockCollector()
  if (body) walk(body as unknown as DomNode, out, {inCell: 0, inPre: 0})
  out.endBlock()
  return out.blocks
}

function strictUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    return undefined
  }
}

/** The charset a page declares in a <meta> near its top, lower-cased, if any. */
function declaredCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 4096).toString('latin1')
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1]?.toLowerCase()
}

/**
 * Parses HTML bytes. Valid UTF-8 is read as UTF-8 whatever the page declares (a page without a
 * charset would otherwise be read as windows-1252, the HTML default). Other bytes go through
 * cheerio's encoding sniffing (BOM, <meta charset>, http-equiv; iso-8859-1 means windows-1252,
 * as in browsers); a page that claims UTF-8 but is not is read as windows-1252.
 * Never TextDecoder('windows-1252'): on Node 20.18.3+ it decodes as Latin-1 (’ € œ lost).
 */
export async function loadHtml(bytes: Buffer): Promise<CheerioAPI> {
  const cheerio = await import('cheerio')
  const utf8 = strictUtf8(bytes)
  if (utf8 !== undefined) return cheerio.load(utf8)
  const declared = declaredCharset(bytes)
  if (declared === 'utf-8' || declared === 'utf8') {
    return cheerio.loadBuffer(bytes, {encoding: {transportLayerEncodingLabel: 'windows-1252'}})
  }
  return cheerio.loadBuffer(bytes)
}

export async function extractHtml(input: InputFile): Promise<ExtractedDocument> {
  const $ = await loadHtml(input.bytes)
  const blocks = htmlBlocks($)
  if (!blocks.some((b) => /\p{L}/u.test(b.text))) {
    throw notAnalysable('empty', input.path, `${input.path}: the page has no visible text.`)
  }
  const {segments} = segmentBlocks(blocks)
  return {format: 'html', segments}
}
