// Where a sentence stands: table-of-contents lines, headings that only name a topic, and the
// rule contexts (`where` / `where_not`: document kind, segment role, headings, field, lead).

import type {Segment, TenderDocument} from '../core/model.js'
import {fold} from '../text/normalize.js'
import type {Sentence} from './sentence.js'
import type {Context, Pattern, Rule} from './types.js'

// Leaders followed by a page number; a form's blanks ("Nombre d'heures : ………… heures") are not contents.
// A table row's quantity after leaders ("Lot 1 Voirie ........ 800 heures") is not a page number.
export const TABLE_OF_CONTENTS = /(?:(?:\.\s?){6,}|(?:…\s?){3,})\s*\d+(?![\d\s]*(?:[.,]\d+\s*)?(?:heures?\b|h\b|%|€|eur|points?\b|pts\b))/

/** "ARTICLE 3 –", "4.1", "Chapitre II" and the numbering's punctuation before a heading's words. */
const HEADING_NUMBER = /^(?:(?:article|art\.|chapitre|titre|section|partie|annexe)\s*(?:\d+(?:[.\-]\d+)*|[ivxlc]+|premier|1er)|\d+(?:\.\d+)+|(\d+))\.?\s*[-–—:.)]?\s*/iu

/**
 * A heading that only names a topic ("ARTICLE 3 – EXIGENCES SOCIALES ET ENVIRONNEMENTALES", "4.1
 * Exigences environnementales des postes") is the context of the sentences under it (their
 * `section`), never a clause itself. A heading line that states something (a figure, a
 * parenthesis, a colon, a full stop: "8.2 Critères (lot réservé – art. L. 2113-12)") still reads
 * as a sentence, and so does a line numbered "3." in lower case ("3. Performance en matière
 * d'insertion"), most often a list item. Notice criterion fields are criterion names, not headings.
 */
export function isTitle(seg: Segment): boolean {
  const h = seg.section?.at(-1)
  if (h === undefined || seg.role === 'award-criterion' || seg.text.length > 120) return false
  // Most sentences under a heading are not the heading: compared without building strings first.
  if (!sameCollapsed(h, seg.text)) return false
  const text = seg.text.replace(/\s+/g, ' ').trim()
  const m = HEADING_NUMBER.exec(text)
  if (!m || m[0].length === 0) return false
  const words = text.slice(m[0].length)
  if (m[1] !== undefined && /\p{Ll}/u.test(words)) return false
  return words.length > 0 && !/[\d%(:;.!?]/.test(words)
}

/** The characters `\s` matches in a regular expression (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

/** `a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim()`, without building either string. */
function sameCollapsed(a: string, b: string): boolean {
  let i = 0
  let j = 0
  while (i < a.length && isSpace(a.charCodeAt(i))) i++
  while (j < b.length && isSpace(b.charCodeAt(j))) j++
  for (;;) {
    if (i >= a.length || j >= b.length) {
      // Trailing spaces are trimmed.
      while (i < a.length && isSpace(a.charCodeAt(i))) i++
      while (j < b.length && isSpace(b.charCodeAt(j))) j++
      return i >= a.length && j >= b.length
    }
    const ca = a.charCodeAt(i)
    const cb = b.charCodeAt(j)
    const sa = isSpace(ca)
    const sb = isSpace(cb)
    if (sa || sb) {
      // A space against another character: a space in one collapsed text, that character (or,
      // when the space is trailing, the end) in the other.
      if (!(sa && sb)) return false
      // A run of spaces is one space.
      while (i < a.length && isSpace(a.charCodeAt(i))) i++
      while (j < b.length && isSpace(b.charCodeAt(j))) j++
      continue
    }
    if (ca !== cb) return false
    i++
    j++
  }
}

const sectionFoldCache = new Map<string, string>()
function foldedHeading(h: string): string {
  let f = sectionFoldCache.get(h)
  if (f === undefined) {
    f = fold(h)
    if (sectionFoldCache.size > 10_000) sectionFoldCache.clear()
    sectionFoldCache.set(h, f)
  }
  return f
}

export function test(patterns: Pattern[], text: string): boolean {
  for (const p of patterns) {
    p.regex.lastIndex = 0
    if (p.regex.test(text)) return true
  }
  return false
}

/** Whether one of the patterns is in a heading (or field name): headings repeat over many sentences. */
const headingAnswers = new Map<string, Map<RegExp, boolean>>()
function inHeading(patterns: Pattern[], heading: string): boolean {
  let answers = headingAnswers.get(heading)
  if (!answers) {
    if (headingAnswers.size > 10_000) headingAnswers.clear()
    headingAnswers.set(heading, (answers = new Map()))
  }
  for (const p of patterns) {
    let found = answers.get(p.regex)
    if (found === undefined) {
      p.regex.lastIndex = 0
      answers.set(p.regex, (found = p.regex.test(foldedHeading(heading))))
    }
    if (found) return true
  }
  return false
}

function contextHolds(c: Context, doc: TenderDocument, seg: Segment, s: Sentence): boolean {
  if (c.kinds && !c.kinds.includes(doc.kind)) return false
  if (c.roles && !(seg.role && c.roles.includes(seg.role))) return false
  if (c.sections && !(seg.section ?? []).some((h) => inHeading(c.sections!, h))) return false
  if (c.fields && !(seg.field && inHeading(c.fields, seg.field))) return false
  if (c.text && !s.has(c.text)) return false
  if (c.lead && !s.hasInLead(c.lead)) return false
  return true
}

/** The context fails on the document's kind or the sentence's role, without running a pattern. */
function failsOnKindOrRole(c: Context, doc: TenderDocument, seg: Segment): boolean {
  return (c.kinds !== undefined && !c.kinds.includes(doc.kind)) || (c.roles !== undefined && !(seg.role && c.roles.includes(seg.role)))
}

/**
 * Whether the rule's context rules the sentence out by the document's kind and the sentence's
 * role alone: asked before the rule's patterns run (an RC-only criterion rule in a CCAP).
 */
export function ruledOutByKindOrRole(rule: Rule, doc: TenderDocument, seg: Segment): boolean {
  if (rule.where.length > 0 && rule.where.every((c) => failsOnKindOrRole(c, doc, seg))) return true
  return rule.whereNot.some((c) => (c.kinds !== undefined || c.roles !== undefined) && !c.sections && !c.fields && !c.text && !c.lead &&
    !failsOnKindOrRole(c, doc, seg))
}

export function inContext(rule: Rule, doc: TenderDocument, seg: Segment, s: Sentence): boolean {
  if (rule.where.length > 0 && !rule.where.some((c) => contextHolds(c, doc, seg, s))) return false
  return !rule.whereNot.some((c) => contextHolds(c, doc, seg, s))
}
