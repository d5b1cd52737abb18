// ODT reader: content.xml (read with yauzl under the ZIP limits, parsed by fast-xml-parser with
// entity processing off) walked in reading order; text:h outline levels are section headings.
// Like DOCX, no page numbers (ODF stores layout page breaks only as hints).

import {failed, notAnalysable} from '../core/errors.js'
import {segmentBlocks, type TextBlock} from './blocks.js'
import type {ExtractedDocument, InputFile} from './types.js'
import {describeZipError, readOfficeParts, ZipLimitError} from './zip-reader.js'

/** fast-xml-parser's preserveOrder form: one key per element name, attributes under ':@'. */
type OrderedNode = Record<string, unknown> & {':@'?: Record<string, string>}

/** Parts of the body that are not the document's running text (generated, deleted, comments). */
const SKIPPED = new Set(['text:tracked-changes', 'text:table-of-content', 'text:alphabetical-index',
  'text:illustration-index', 'text:table-index', 'text:bibliography', 'office:annotation',
  'text:sequence-decls', 'office:forms', 'text:note-citation', 'table:table-header-columns'])

/** Entities are not expanded by the parser (no DTD, no bomb); the predefined ones are decoded here. */
function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    const named: Record<string, string> = {lt: '<', gt: '>', amp: '&', quot: '"', apos: "'"}
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m
  })
}

function nameOf(node: OrderedNode): string {
  return Object.keys(node).find((k) => k !== ':@') ?? ''
}

function childrenOf(node: OrderedNode): OrderedNode[] {
  const c = node[nameOf(node)]
  return Array.isArray(c) ? (c as OrderedNode[]) : []
}

/** The text of a paragraph or heading; notes and text boxes inside it go to `extra` as their own blocks. */
function inlineText(nodes: OrderedNode[], extra: TextBlock[]): string {
  let out = ''
  for (const node of nodes) {
    const name = nameOf(node)
    if (name === '#text') out += decodeEntities(String(node['#text'])).replace(/[ \t\r\n]+/g, ' ')
    else if (name === 'text:s') out += ' '.repeat(Math.min(Number(node[':@']?.['@_text:c'] ?? 1) || 1, 100))
    else if (name === 'text:tab') out += ' '
    else if (name === 'text:line-break') out += '\n'
    else if (SKIPPED.has(name)) continue
    else if (name === 'text:note-body' || name === 'draw:text-box') collectBlocks(childrenOf(node), extra)
    else out += inlineText(childrenOf(node), extra)
  }
  return out
}

/** Walks block-level content: headings, paragraphs, lists, sections, tables (a row is one block). */
function collectBlocks(nodes: OrderedNode[], blocks: TextBlock[]): void {
  for (const node of nodes) {
    const name = nameOf(node)
    if (SKIPPED.has(name) || name === '#text') continue
    if (name === 'text:h' || name === 'text:p') {
      const extra: TextBlock[] = []
      const text = inlineText(childrenOf(node), extra).trim()
      if (text.length > 0) {
        const level = Number(node[':@']?.['@_text:outline-level'] ?? 1)
        blocks.push(name === 'text:h' ? {text, headingLevel: Number.isInteger(level) && level > 0 ? level : 1} : {text})
      }
      blocks.push(...extra)
    } else if (name === 'table:table-row') {
      const cells: TextBlock[] = []
      collectBlocks(childrenOf(node), cells)
      const text = cells.map((c) => c.text).join(' ').trim()
      if (text.length > 0) blocks.push({text})
    } else {
      collectBlocks(childrenOf(node), blocks)
    }
  }
}

async function readParts(input: InputFile): Promise<{content: Buffer; manifest?: Buffer}> {
  let parts: Map<string, Buffer>
  try {
    parts = await readOfficeParts(input.bytes, (n) => n === 'content.xml' || n === 'META-INF/manifest.xml')
  } catch (error) {
    if (error instanceof ZipLimitError) throw failed('zip-bomb', input.path, `${input.path}: refused as a zip bomb: ${error.message}.`, error)
    throw failed('invalid-odt', input.path, `${input.path}: this file is not a valid ODT or is truncated (${describeZipError(error)}).`, error)
  }
  const manifest = parts.get('META-INF/manifest.xml')
  if (manifest?.includes('encryption-data')) {
    throw notAnalysable('encrypted', input.path,
      `${input.path}: the document is protected by a password, so its text cannot be read. Ask for an unprotected copy.`)
  }
  const content = parts.get('content.xml')
  if (!content) throw failed('invalid-odt', input.path, `${input.path}: this file is not a valid ODT (no content.xml).`)
  return manifest ? {content, manifest} : {content}
}

export async function extractOdt(input: InputFile): Promise<ExtractedDocument> {
  if (input.bytes.length === 0) throw notAnalysable('empty', input.path, `${input.path}: the file is empty (0 bytes).`)
  const {content} = await readParts(input)
  const {XMLParser} = await import('fast-xml-parser')
  const parser = new XMLParser({
    preserveOrder: true, ignoreAttributes: false, processEntities: false, htmlEntities: false,
    parseTagValue: false, parseAttributeValue: false, trimValues: false,
  })
  let tree: OrderedNode[]
  try {
    tree = parser.parse(content.toString('utf8')) as OrderedNode[]
  } catch (error) {
    throw failed('invalid-odt', input.path, `${input.path}: the document's content.xml is not well-formed XML (${(error as Error).message}).`, error)
  }
  const blocks: TextBlock[] = []
  collectBlocks(tree, blocks)
  if (!blocks.some((b) => /\p{L}/u.test(b.text))) throw notAnalysable('empty', input.path, `${input.path}: the document holds no text.`)
  const {segments} = segmentBlocks(blocks)
  return {format: 'odt', segments}
}
