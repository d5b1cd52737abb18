// What the rule base found in the draft, read at the level of the whole dossier: which clause
// categories are present, whether the contract is reserved (all its lots), and whether the
// absence of a social condition is justified in the documents.

import type {ClauseCategory, Finding, Segment} from '../core/model.js'
import {fold} from '../text/normalize.js'
import {foldedText} from './locate.js'
import type {DraftDocument, DraftDossier} from './types.js'

export interface Located<T> {
  doc: DraftDocument
  item: T
}

// A form line answered in the negative ("Marché réservé (art. L2113-12) : non", "Clause sociale :
// sans objet") states that there is no such clause (TAXONOMY.md, "What is NOT a finding"). The rule
// base should not report it; the checker does not count it when it does.
const ANSWERED_NO = /:\s*(?:non|neant|sans objet|aucune?)\s*[.;]?\s*$/

export function findingsOf(dossier: DraftDossier, categories: ClauseCategory[]): Array<Located<Finding>> {
  const out: Array<Located<Finding>> = []
  for (const doc of dossier.documents) {
    for (const f of doc.findings) {
      if (categories.includes(f.category) && !ANSWERED_NO.test(fold(f.quote))) out.push({doc, item: f})
    }
  }
  return out
}

export const RESERVED: ClauseCategory[] = ['reserved-disability', 'reserved-insertion', 'reserved-ess']

// "lot 3", "lots n° 1 et 2", "lots 1, 2 et 4", "lots 1 à 3", "lots 1-3" (an amount after a lot,
// "lot 1 – 140 000 €", is not a list of lots: list numbers have at most two digits).
const LOT_ID = /\blots?\s*(?:n\s?[°o]s?\s*)?(\d{1,3}(?:(?:\s*,\s*|\s+(?:et|a|à|ou)\s+|-)\d{1,2}(?![\d ]\d))*)\b/g

function lotsIn(text: string): string[] {
  const out: string[] = []
  for (const m of fold(text).matchAll(LOT_ID)) {
    const list = m[1]!
    const range = /^(\d{1,2})(?:\s+(?:a|à)\s+|-)(\d{1,2})$/.exec(list)
    if (range && Number(range[2]) > Number(range[1]) && Number(range[2]) - Number(range[1]) < 30) {
      for (let n = Number(range[1]); n <= Number(range[2]); n++) out.push(String(n))
    } else out.push(...(list.match(/\d+/g) ?? []))
  }
  return out
}

// Where a list item of lots starts: "Lot 2 : ...", "Lot n° 3 – ..." (not "le lot 3 est réservé").
const LOT_ITEM = /(?=(?:^|\s)lot\s*(?:n\s?[°o]\s*)?\d{1,3}\s*[:.\-–—])/

/**
 * The lots a reservation finding names. Lines of a lot list often run into one sentence ("Lot 1 :
 * ... Lot 2 : ... Le lot 2 est réservé ..."): only the list items that speak of a reservation count.
 */
function reservedLotsOf(quote: string): string[] {
  const pieces = fold(quote).split(LOT_ITEM)
  const reserving = pieces.filter((p) => /reserv/.test(p))
  return lotsIn((reserving.length > 0 ? reserving : pieces).join(' '))
}

/** Lots the draft declares ("Lot n° 2 : ..."), from its RC, AE or CCAP; empty when not divided. */
export function declaredLots(dossier: DraftDossier): string[] {
  const lots = new Set<string>()
  for (const doc of dossier.documents) {
    if (!['RC', 'AE', 'CCAP', 'notice'].includes(doc.kind)) continue
    for (const seg of doc.segments) {
      for (const m of foldedText(seg).matchAll(/(?:^|\s)lot\s*(?:n\s?[°o]\s*)?(\d{1,3})\s*[:.\-–—]/g)) lots.add(m[1]!)
      for (const h of seg.section ?? []) {
        const hm = /^\s*(?:[\d.]+\s*)?lot\s*(?:n\s?[°o]\s*)?(\d{1,3})\b/.exec(fold(h))
        if (hm) lots.add(hm[1]!)
      }
    }
  }
  return [...lots].sort((a, b) => Number(a) - Number(b))
}

/**
 * A contract counts as reserved when all its lots are reserved (TAXONOMY.md): a reservation
 * that names no lot covers the contract; otherwise every declared lot must be named.
 */
export function reservation(dossier: DraftDossier): {reserved: boolean; lots: string[]; reservedLots: string[]} {
  const found = findingsOf(dossier, RESERVED)
  const lots = declaredLots(dossier)
  const reservedLots = new Set<string>()
  let whole = false
  for (const {item} of found) {
    const named = [...reservedLotsOf(item.quote), ...(item.lot ? [item.lot] : []), ...lotsIn((item.section ?? []).join(' '))]
    if (named.length === 0) whole = true
    for (const l of named) reservedLots.add(l)
  }
  const all = lots.length > 0 && lots.every((l) => reservedLots.has(l))
  return {reserved: found.length > 0 && (whole || all), lots, reservedLots: [...reservedLots]}
}

// L2112-2-1 exceptions [U: exact list not retrieved, DOMAIN §1.3]: a need met by an immediately
// available solution, no sufficient link with the subject-matter, restriction of competition,
// performance made technically or economically difficult.
const EXCEPTION_GROUNDS = /immediatement disponible|lien suffisant|compte tenu (?:de l'objet|de la nature|des caracteristiques)|en raison (?:de l'objet|de la nature|des caracteristiques)|sans lien (?:suffisant )?avec l'objet|ne s'y prete pas|ne se prete pas|(?:restreindre|restriction de|fausser) (?:la )?concurrence|(?:techniquement|economiquement) difficile|difficultes? (?:techniques?|economiques?) d'execution|l\.?\s?2112-2-1/
const SOCIAL_WORDS = /\bsocia(?:l|le|les|ux)\b|insertion|\bemploi\b/
const ABSENCE = /\b(?:ne|n')\b[^.]{0,60}\b(?:pas|aucune?)\b|\bpas de\b|\baucune?\b|\bsans\b|derog|exception|ecart/

/** A sentence that justifies, under L2112-2-1, having no social execution condition. */
export function socialExceptionJustified(dossier: DraftDossier): Located<Segment> | undefined {
  for (const doc of dossier.documents) {
    for (const seg of doc.segments) {
      const f = foldedText(seg)
      if (SOCIAL_WORDS.test(f) && ABSENCE.test(f) && EXCEPTION_GROUNDS.test(f)) return {doc, item: seg}
    }
  }
  return undefined
}

/** Segments of the same document and section as a finding, its sub-sections included: its article. */
export function articleSegments(doc: DraftDocument, finding: Finding): Segment[] {
  const section = finding.section ?? []
  if (section.length === 0) return doc.segments.filter((s) => s.end >= finding.start - 600 && s.start <= finding.end + 600)
  return doc.segments.filter((s) => section.every((h, i) => (s.section ?? [])[i] === h))
}
