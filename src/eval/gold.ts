// Reading a gold directory: every `*.jsonl` file in it is one evaluation set. The set's format is
// recognised from its records, not its name, so a held-out directory with other file names works:
//   - passages   `{id, doc, text, labels, quantities}`            (clauses.jsonl)
//   - criteria   `{id, text, labels, quantities?}`, no `doc`      (boamp-criteria.jsonl)
//   - notices    `{id: <path under the corpus root>, labels, evidence?}` (ted-notices.jsonl)
// A bad line is an error naming the file and the line: a gold set is never read half-way.

import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {basename, join} from 'node:path'
import type {ClauseCategory, DocumentKind, Quantities} from '../core/model.js'
import {isClauseCategory} from '../core/model.js'
import {ClausescopeError} from '../core/errors.js'

export type GoldFormat = 'passages' | 'criteria' | 'notices'

export interface GoldItem {
  set: string
  id: string
  format: GoldFormat
  /** The `doc` field of a passage (RC, CCAP, CCTP, AAPC, AE...), as written in the gold file. */
  doc?: string
  /** Passages and criteria carry their text; notices are read from `path`. */
  text?: string
  /** Notices: the path relative to the corpus root (the gold directory's parent by default). */
  path?: string
  labels: ClauseCategory[]
  quantities: Quantities
  note?: string
  /** Notices: one verbatim quote per label. */
  evidence?: Record<string, string>
}

export interface GoldSet {
  name: string
  file: string
  format: GoldFormat
  items: GoldItem[]
}

export class GoldError extends ClausescopeError {
  constructor(message: string) {
    super('gold-invalid', message, {exitCode: 2})
    this.name = 'GoldError'
  }
}

const QUANTITY_KEYS = ['hours', 'percent', 'weight'] as const

/** The DocumentKind a passage's `doc` field stands for. AAPC and other notice names are notices. */
export function kindOfDoc(doc: string | undefined): DocumentKind {
  const d = (doc ?? '').trim().toUpperCase()
  if (d === 'RC' || d === 'CCAP' || d === 'CCTP' || d === 'AE') return d
  if (['AAPC', 'AVIS', 'NOTICE', 'BOAMP', 'TED', 'EFORMS', 'AAC', 'AVIS DE MARCHE'].includes(d)) return 'notice'
  return 'other'
}

function formatOf(record: Record<string, unknown>): GoldFormat {
  if (typeof record.text === 'string') return typeof record.doc === 'string' ? 'passages' : 'criteria'
  return 'notices'
}

function parseLabels(value: unknown, where: string): ClauseCategory[] {
  if (!Array.isArray(value)) throw new GoldError(`${where}: "labels" must be an array of category ids.`)
  const labels: ClauseCategory[] = []
  for (const label of value) {
    if (typeof label !== 'string' || !isClauseCategory(label)) {
      throw new GoldError(`${where}: unknown category ${JSON.stringify(label)} in "labels" (see docs/TAXONOMY.md).`)
    }
    if (labels.includes(label)) throw new GoldError(`${where}: category "${label}" is repeated in "labels".`)
    labels.push(label)
  }
  return labels
}

function parseQuantities(value: unknown, where: string): Quantities {
  if (value === undefined) return {}
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GoldError(`${where}: "quantities" must be an object.`)
  }
  const quantities: Quantities = {}
  for (const [key, v] of Object.entries(value)) {
    if (!(QUANTITY_KEYS as readonly string[]).includes(key)) {
      throw new GoldError(`${where}: unknown quantity "${key}" (expected hours, percent or weight).`)
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new GoldError(`${where}: quantity "${key}" must be a number.`)
    quantities[key as keyof Quantities] = v
  }
  return quantities
}

function parseEvidence(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const evidence: Record<string, string> = {}
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') evidence[k] = v
  return Object.keys(evidence).length > 0 ? evidence : undefined
}

function parseItem(set: string, record: Record<string, unknown>, where: string): GoldItem {
  if (typeof record.id !== 'string' || record.id.length === 0) throw new GoldError(`${where}: missing string "id".`)
  const format = formatOf(record)
  const item: GoldItem = {
    set, id: record.id, format,
    labels: parseLabels(record.labels, where),
    quantities: parseQuantities(record.quantities, where),
  }
  if (format === 'notices') item.path = record.id
  else item.text = record.text as string
  if (format === 'passages') item.doc = record.doc as string
  if (typeof record.note === 'string') item.note = record.note
  const evidence = parseEvidence(record.evidence)
  if (evidence) item.evidence = evidence
  return item
}

/** Parse one JSONL gold file's content. `file` is only used in messages. */
export function parseGoldSet(file: string, content: string): GoldSet {
  const name = basename(file).replace(/\.jsonl$/i, '')
  const items: GoldItem[] = []
  const seen = new Set<string>()
  const lines = content.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (line.length === 0) continue
    const where = `${file}:${i + 1}`
    let record: unknown
    try {
      record = JSON.parse(line)
    } catch (error) {
      throw new GoldError(`${where}: not valid JSON (${(error as Error).message}).`)
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new GoldError(`${where}: each line must be one JSON object.`)
    }
    const item = parseItem(name, record as Record<string, unknown>, where)
    if (seen.has(item.id)) throw new GoldError(`${where}: id "${item.id}" appears twice.`)
    seen.add(item.id)
    if (items.length > 0 && item.format !== items[0]!.format) {
      throw new GoldError(`${where}: record is in the ${item.format} format but the file's first record is in the ${items[0]!.format} format.`)
    }
    items.push(item)
  }
  if (items.length === 0) throw new GoldError(`${file}: holds no record.`)
  return {name, file, format: items[0]!.format, items}
}

/** Every `*.jsonl` set of a gold directory, in file-name order. */
export function readGoldDir(dir: string): GoldSet[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new GoldError(`Gold directory not found: ${dir}. Pass another one with --gold DIR ` +
      '(a folder of clauses.jsonl / boamp-criteria.jsonl / ted-notices.jsonl in the gold-dev format).')
  }
  const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.jsonl')).sort()
  if (files.length === 0) throw new GoldError(`Gold directory ${dir} holds no .jsonl file.`)
  return files.map((f) => parseGoldSet(join(dir, f), readFileSync(join(dir, f), 'utf8')))
}
