// Where an RC states its award criteria: the passage under an award heading ("Critères
// d'attribution", "Jugement des offres"...), list items the segmenter took for sub-headings
// included, a scoring method left out; or under an award line the segmenter kept as a sentence; or
// after a sentence announcing the criteria.

import type {Segment} from '../core/model.js'
import {fold} from '../text/normalize.js'
import {foldedText} from './locate.js'
import type {DraftDocument} from './types.js'

const AWARD_HEADING = /crit[e]res?\b.{0,40}(?:attribution|jugement|choix|analyse|classement|notation|evaluation|ponder)|^(?:(?:article|art\.)\s*)?[\d.]*\s*[-–—:.]?\s*(?:les\s+)?crit[e]res?\s*$|jugement des offres|attribution (?:du|des) (?:marches?|contrats?|accords?)|^(?:(?:article|art\.)\s*)?[\d.]*\s*[-–—:.]?\s*attribution\s*$|(?:analyse|examen|evaluation|classement|choix|notation|selection) des offres|choix de l'offre|offre economiquement la plus avantageuse/
const NOT_AWARD = /candidature|negociation|variante/
// A scoring method under the award article ("8.2 Méthode de notation": formulas, marking scales)
// states how marks are given, not the criteria and their weights.
const NOTATION = /methode (?:de notation|d'evaluation|de calcul)|modalites de (?:notation|calcul)|bareme|formule de notation|notation des (?:offres|criteres)/
const ANNOUNCES = /crit[e]re\s*(?:n\s?[°o]\s*)?1\b|crit[e]res? (?:d'attribution|de jugement|de choix|suivants|ponderes|hierarchises|retenus)|offres? (?:seront|sont) (?:jugees?|classees?|analysees?|evaluees?|notees?)/

export function isAwardHeading(heading: string): boolean {
  const f = fold(heading)
  return AWARD_HEADING.test(f) && !NOT_AWARD.test(f)
}

const OTHER_PART = /^(?:article|art\.|chapitre|titre|section|partie|annexe)\b/
const NUMBER = /^(?:(?:article|art\.)\s*)?(\d+)/

function innermost(segment: Segment): string | undefined {
  const section = segment.section ?? []
  return section[section.length - 1]
}

/**
 * Whether a new heading inside an award passage still belongs to it. The segmenter takes list
 * items such as "1. Prix des prestations : 60 %" for headings: those continue the passage.
 */
function continuesPassage(heading: string, awardNumber: number | undefined): boolean {
  const f = fold(heading)
  if (OTHER_PART.test(f) || NOT_AWARD.test(f)) return false
  if (/\d\s?(?:%|points?\b|pts\b)/.test(f)) return true
  const n = NUMBER.exec(f)
  if (n && awardNumber !== undefined) return Number(n[1]) < awardNumber
  return f.length < 90
}

/** The segments of a document that state its award criteria. */
export function criteriaPassage(doc: DraftDocument): Segment[] {
  const passage: Segment[] = []
  let inPassage = false
  let awardNumber: number | undefined
  let lastHeading: string | undefined
  for (const seg of doc.segments) {
    const heading = innermost(seg)
    if (heading !== lastHeading) {
      const award = (seg.section ?? []).find(isAwardHeading)
      if (award && !NOT_AWARD.test(fold(heading ?? ''))) {
        inPassage = true
        const n = NUMBER.exec(fold(award))
        awardNumber = n ? Number(n[1]) : undefined
      } else if (inPassage) {
        inPassage = heading !== undefined && continuesPassage(heading, awardNumber)
      }
      lastHeading = heading
    }
    if (inPassage && !NOTATION.test(fold(heading ?? ''))) passage.push(seg)
  }
  if (passage.length > 0) return passage
  const underLine = passageUnderHeadingLine(doc)
  if (underLine.length > 0) return underLine
  const first = doc.segments.findIndex((s) => ANNOUNCES.test(foldedText(s)) && !/candidature/.test(foldedText(s)))
  if (first < 0) return []
  // The announcing sentence's section, and the list items the segmenter took for sub-headings of it.
  const section = doc.segments[first]!.section ?? []
  const within = (s: Segment) => section.length === 0 ? (s.section ?? []).length === 0 : section.every((h, i) => (s.section ?? [])[i] === h)
  return doc.segments.slice(first, first + 40).filter(within)
}

/**
 * A line that reads as a heading though the segmenter kept it as a sentence: "2 - CRITÈRES",
 * "IV. Attribution", "CRITÈRES DE JUGEMENT". Short, no final full stop, numbered or in capitals.
 */
function headingLine(text: string): boolean {
  const t = text.trim()
  if (t.length < 3 || t.length > 90 || /[.;,]$/.test(t)) return false
  if (/^(?:\d+(?:\.\d+)*|[IVX]+)\s*[-–—.):]\s*\p{L}/u.test(t)) return true
  const letters = t.replace(/[^\p{L}]/gu, '')
  return letters.length >= 5 && letters === letters.toUpperCase()
}

/** The sentences after an award heading line, up to the next heading line. */
function passageUnderHeadingLine(doc: DraftDocument): Segment[] {
  const start = doc.segments.findIndex((s) => headingLine(s.text) && isAwardHeading(s.text))
  if (start < 0) return []
  const passage: Segment[] = []
  for (const seg of doc.segments.slice(start + 1, start + 60)) {
    if (headingLine(seg.text) && !continuesPassage(seg.text, undefined)) break
    passage.push(seg)
  }
  return passage
}
