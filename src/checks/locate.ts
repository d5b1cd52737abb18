// Where something is in a draft: document, page and the article heading that encloses it,
// and the French phrase a message uses to point at it ("RC.txt, page 3, « Article 6 – Critères »").

import type {Segment} from '../core/model.js'
import {fold} from '../text/normalize.js'
import type {DraftDocument} from './types.js'

export interface Place {
  path: string
  page?: number
  article?: string
}

const ARTICLE = /^(?:article|art\.|chapitre|titre|section|partie|annexe|\d+(?:\.\d+)*\.?\s)/iu

/** The innermost heading that looks like an article, else the innermost heading. */
export function articleOf(segment: {section?: string[]}): string | undefined {
  const section = segment.section ?? []
  for (let i = section.length - 1; i >= 0; i--) if (ARTICLE.test(section[i]!)) return shorten(section[i]!)
  const last = section[section.length - 1]
  return last === undefined ? undefined : shorten(last)
}

function shorten(heading: string): string {
  return heading.length > 90 ? `${heading.slice(0, 87).trimEnd()}…` : heading
}

export function placeOf(doc: {path: string}, segment?: {page?: number; section?: string[]}): Place {
  const place: Place = {path: doc.path}
  if (segment?.page !== undefined) place.page = segment.page
  const article = segment ? articleOf(segment) : undefined
  if (article) place.article = article
  return place
}

/** "CCAP.txt, page 4, « Article 7 – Conditions d'exécution »" */
export function describePlace(place: Place): string {
  const name = place.path.split(/[/\\]/).pop() ?? place.path
  const parts = [name]
  if (place.page !== undefined) parts.push(`page ${place.page}`)
  if (place.article) parts.push(`« ${place.article} »`)
  return parts.join(', ')
}

export function fileName(path: string): string {
  return path.split(/[/\\]/).pop() ?? path
}

/** A short quote of a segment for a diagnostic. */
export function quoteOf(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim()
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t
}

/** Documents of the given kinds; every document when none is of those kinds. */
export function documentsOfKind(documents: DraftDocument[], kinds: string[]): DraftDocument[] {
  return documents.filter((d) => kinds.includes(d.kind))
}

export function* segmentsOf(documents: DraftDocument[]): Generator<[DraftDocument, Segment]> {
  for (const doc of documents) for (const seg of doc.segments) yield [doc, seg]
}

// Every check reads the folded text of every sentence; a 50-page DCE has some 2 000 of them.
const FOLDED = new WeakMap<Segment, string>()

/** A segment's folded text (lower case, no accents), computed once per segment. */
export function foldedText(segment: Segment): string {
  let f = FOLDED.get(segment)
  if (f === undefined) {
    f = fold(segment.text)
    FOLDED.set(segment, f)
  }
  return f
}
