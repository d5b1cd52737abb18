// Safe XML parsing for notices: bytes -> a small ordered element tree with local names.
// Hostile input is refused before parsing: a DOCTYPE that declares entities ("billion laughs",
// external entities) ends as `failed` 'xml-entities'; malformed XML as `failed` 'invalid-xml'
// with the line. The parser never expands entities: the five predefined ones and numeric
// character references are decoded here, by a bounded replace, after parsing.

import iconv from 'iconv-lite'
import {failed} from '../core/errors.js'

/** One element: local name (namespace prefix dropped), attributes, and content in document order. */
export interface XmlElement {
  name: string
  attrs: Record<string, string>
  children: XmlElement[]
  /** Text pieces and child elements, in document order (for mixed content such as <P>a <FT>b</FT></P>). */
  content: Array<string | XmlElement>
}

/** Refuse a document whose DOCTYPE declares entities (or parameter entities), before any parsing. */
export function assertNoEntityDeclarations(xml: string, path: string): void {
  // Entity declarations only mean something inside a DOCTYPE; testing the whole text (not just
  // a parsed DOCTYPE span) leaves no room for quoting tricks that hide a declaration.
  if (/<!DOCTYPE/i.test(xml) && /<!ENTITY/i.test(xml)) {
    throw failed('xml-entities', path,
      `${path}: the XML declares entities in its DOCTYPE; refused for safety (entity expansion can exhaust memory or read local files).`)
  }
}

/** Decode bytes per BOM, then the XML declaration's encoding, UTF-8 by default. */
export function decodeXmlBytes(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8')
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf16be')
  const head = bytes.subarray(0, 200).toString('latin1')
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1]?.toLowerCase()
  if (declared && declared !== 'utf-8' && declared !== 'utf8' && iconv.encodingExists(declared)) {
    return iconv.decode(bytes, declared)
  }
  return bytes.toString('utf8')
}

const PREDEFINED: Record<string, string> = {lt: '<', gt: '>', amp: '&', quot: '"', apos: "'"}

/**
 * Predefined entities and character references. C1 control characters are mapped as
 * windows-1252 (TED texts carry U+0092 for an apostrophe typed in a Windows editor).
 */
export function decodeEntities(text: string): string {
  let out = text.includes('&')
    ? text.replace(/&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/gi, (m, dec?: string, hex?: string, name?: string) => {
      if (name) return PREDEFINED[name.toLowerCase()] ?? m
      const code = dec ? Number(dec) : Number.parseInt(hex ?? '', 16)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m
    })
    : text
  if (/[\u0080-\u009f]/.test(out)) {
    out = out.replace(/[\u0080-\u009f]/g, (c) => iconv.decode(Buffer.from([c.charCodeAt(0)]), 'windows-1252'))
  }
  return out
}

/**
 * Text content as published. Some publishers escape twice or three times ("a&amp;#768;",
 * "a&amp;amp;#768;", "&amp;Quot;"): up to two more passes repair that. Bounded, and it cannot
 * expand anything: no entity declaration is ever honoured.
 */
function decodeContent(text: string): string {
  let out = decodeEntities(text)
  for (let pass = 0; pass < 2 && /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|lt|gt|amp|quot|apos);/i.test(out); pass++) {
    out = decodeEntities(out)
  }
  return out
}

type OrderedNode = Record<string, unknown>

function toElement(name: string, body: unknown, attrs: unknown): XmlElement {
  const el: XmlElement = {name, attrs: {}, children: [], content: []}
  if (attrs && typeof attrs === 'object') {
    for (const [k, v] of Object.entries(attrs as Record<string, unknown>)) {
      if (k.startsWith('xmlns')) continue
      el.attrs[k] = decodeEntities(String(v))
    }
  }
  for (const node of Array.isArray(body) ? (body as OrderedNode[]) : []) {
    for (const [key, value] of Object.entries(node)) {
      if (key === ':@') continue
      if (key === '#text') el.content.push(decodeContent(String(value)))
      else if (key === '#cdata') el.content.push(cdataText(value))
      else if (key.startsWith('?') || key === '#comment') continue
      else {
        const child = toElement(key, value, node[':@'])
        el.children.push(child)
        el.content.push(child)
      }
    }
  }
  return el
}

function cdataText(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => String((v as OrderedNode)['#text'] ?? '')).join('')
  return String(value ?? '')
}

/**
 * Parse a notice's bytes. Throws `failed('xml-entities')` for entity declarations and
 * `failed('invalid-xml')` (with the line) for malformed XML. Returns the root element.
 */
export async function parseXml(bytes: Buffer, path: string): Promise<XmlElement> {
  const xml = decodeXmlBytes(bytes)
  assertNoEntityDeclarations(xml, path)
  const {XMLParser, XMLValidator} = await import('fast-xml-parser')
  const valid = XMLValidator.validate(xml, {allowBooleanAttributes: true})
  if (valid !== true) {
    const {line, msg} = valid.err
    throw failed('invalid-xml', path, `${path}: malformed XML at line ${line}: ${msg}`)
  }
  const parser = new XMLParser({
    preserveOrder: true,
    removeNSPrefix: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    cdataPropName: '#cdata',
    allowBooleanAttributes: true,
    maxNestedTags: 500,
  })
  let tree: OrderedNode[]
  try {
    tree = parser.parse(xml) as OrderedNode[]
  } catch (error) {
    throw failed('invalid-xml', path, `${path}: malformed XML: ${(error as Error).message}`, error)
  }
  for (const node of tree) {
    for (const key of Object.keys(node)) {
      if (key === ':@' || key.startsWith('?') || key.startsWith('#')) continue
      return toElement(key, node[key], node[':@'])
    }
  }
  throw failed('invalid-xml', path, `${path}: the XML has no root element.`)
}

// ---- Navigation helpers (local names) ----

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name)
}

export function children(el: XmlElement | undefined, name?: string): XmlElement[] {
  if (!el) return []
  return name === undefined ? el.children : el.children.filter((c) => c.name === name)
}

/** Follow a path of local names, e.g. path(root, 'CONTRACTING_BODY', 'ADDRESS_CONTRACTING_BODY'). */
export function path(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let cur = el
  for (const n of names) cur = child(cur, n)
  return cur
}

/** All descendants with this local name, in document order (not descending into matches). */
export function descendants(el: XmlElement | undefined, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el?.children ?? []) {
    if (c.name === name) out.push(c)
    else descendants(c, name, out)
  }
  return out
}

const BLOCKS = new Set(['P', 'p', 'BR'])

/**
 * The text of an element: its text pieces and descendants' in order; block elements (<P>) start
 * a new line. Runs of spaces and tabs collapse; lines are trimmed; blank lines kept as paragraph breaks.
 */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return ''
  const parts: string[] = []
  const walk = (e: XmlElement) => {
    const hasElements = e.children.length > 0
    for (const piece of e.content) {
      if (typeof piece === 'string') {
        if (!hasElements || piece.trim().length > 0) parts.push(piece)
      } else if (BLOCKS.has(piece.name)) {
        parts.push('\n')
        walk(piece)
        parts.push('\n')
      } else {
        walk(piece)
      }
    }
  }
  walk(el)
  return parts.join('')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v]+/g, ' ')
    .split('\n').map((l) => l.trim()).join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
