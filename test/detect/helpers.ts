// Test helpers: a temporary rules folder made of the real shared files plus test rules, and a
// TenderDocument built from text.

import {cpSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import type {DocumentKind, SegmentRole, TenderDocument} from '../../src/core/model.js'
import {defaultRulesDir, detect, loadRuleBase, type RuleBase} from '../../src/detect/engine.js'
import {segmentPages} from '../../src/text/segment.js'

const SHARED = ['patterns.yml', 'categories.yml', 'negation.yml', 'boilerplate.yml']

/** A rules folder with the real shared files and the given files (path -> content); `shared: false` leaves them out. */
export function ruleDir(files: Record<string, string>, options: {shared?: boolean} = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'clausescope-rules-'))
  if (options.shared !== false) for (const f of SHARED) cpSync(join(defaultRulesDir(), f), join(dir, f))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), {recursive: true})
    writeFileSync(join(dir, path), text)
  }
  return dir
}

export function docOf(
  pages: Array<string | {text: string; page?: number}>,
  options: {kind?: DocumentKind; role?: SegmentRole; section?: string[]; weight?: number} = {},
): TenderDocument {
  const seg: Parameters<typeof segmentPages>[1] = {}
  if (options.role) seg.role = options.role
  if (options.section) seg.sectionPrefix = options.section
  if (options.weight !== undefined) seg.weight = options.weight
  const {segments} = segmentPages(pages.map((p, i) => (typeof p === 'string' ? {text: p, page: i + 1} : p)), seg)
  return {
    source: {path: 'test.txt', sha256: 'x', size: 0, readAt: '2026-01-01T00:00:00Z'},
    format: 'txt', kind: options.kind ?? 'CCAP', segments,
  }
}

let rules: RuleBase | undefined

/** The categories the project's rule base finds in a document made of the given pages, sorted, each once. */
export function categoriesIn(pages: string | string[], options: Parameters<typeof docOf>[1] = {}): string[] {
  const found = detect(docOf(Array.isArray(pages) ? pages : [pages], options), (rules ??= loadRuleBase()))
  return [...new Set(found.map((f) => f.category))].sort()
}

/** A minimal valid rule file. */
export function ruleYaml(id: string, body: string): string {
  const category = id.split('/')[0]
  return `id: ${id}\ncategory: ${category}\nlegal: [L2112-2]\ndescription: test rule\n${body}`
}
