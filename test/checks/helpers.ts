// Builds dossiers from text and constructed findings, so checks can be tested without the engine.
import type {ClauseCategory, DocumentKind, Finding} from '../../src/core/model.js'
import {parseAwardCriteria} from '../../src/checks/criteria.js'
import {inferFacts, type FactFlags} from '../../src/checks/facts.js'
import type {DraftDocument, DraftDossier} from '../../src/checks/types.js'
import {splitPages} from '../../src/extract/txt.js'
import {segmentPages} from '../../src/text/segment.js'

export function draftDocument(path: string, kind: DocumentKind, text: string, findings: Finding[] = []): DraftDocument {
  const {segments} = segmentPages(splitPages(text))
  return {path, kind, segments, findings}
}

/** A finding on the first segment whose text contains `words`. */
export function findingOn(doc: DraftDocument, category: ClauseCategory, words: string, quantities?: Finding['quantities']): Finding {
  const seg = doc.segments.find((s) => s.text.includes(words))
  if (!seg) throw new Error(`no segment with "${words}" in ${doc.path}`)
  const f: Finding = {category, rule: `test/${category}`, start: seg.start, end: seg.end, quote: seg.text, legal: []}
  if (seg.page !== undefined) f.page = seg.page
  if (seg.section) f.section = seg.section
  if (quantities) f.quantities = quantities
  return f
}

export function dossierOf(documents: DraftDocument[], flags: Partial<FactFlags> = {}): DraftDossier {
  return {
    documents,
    unread: [],
    criteria: parseAwardCriteria(documents),
    facts: inferFacts(documents, {today: '2026-11-21', ...flags}),
  }
}
