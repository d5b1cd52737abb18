// obsolete-legal-reference (warning): the draft cites repealed texts (code des marchés publics,
// ordonnance 2015-899, décret 2016-360...), with the current CCP article to cite instead
// (DOMAIN.md §2). The CCP applies to consultations launched since 1 Apr 2019.

import type {Segment} from '../core/model.js'
import {fold} from '../text/normalize.js'
import {diagnostic} from './diagnostic.js'
import {citedArticle, ofText, OBSOLETE_TEXTS, type ObsoleteText} from './legal-references.js'
import {describePlace, foldedText, placeOf} from './locate.js'
import type {Check, Diagnostic, DraftDocument, DraftDossier} from './types.js'

// A citation explained as history ("l'ancien article 15 du CMP, devenu L2113-12") is not an error.
const HISTORICAL = /\bancien(?:ne)?s?\b|abroge|devenu|remplace|anterieurement|\bex-|correspond(?:ant)? (?:desormais|aujourd'hui)/

interface Citation {
  text: ObsoleteText
  article?: string
}

// "CMP" alone is the code des marchés publics only where it is cited as a legal text: next to an
// article number, or after "conformément au", "en application du"...
const CMP_CITED = /\bart(?:icle)?s?\.?\s*\d+[^.]{0,25}\bcmp\b|\bcmp\b[^.]{0,12}\bart(?:icle)?s?\.?\s*\d|(?:conformement|application|vertu|dispositions?|regie?s?|soumise?s?|prevue?s?|visee?s?|au sens|termes)\b[^.]{0,30}\bcmp\b/
// ... and not when the dossier gives "CMP" another meaning (a centre médico-psychologique).
const CMP_ELSEWHERE = /centre medico-?psycholog|centres? medico-? ?psycho/

function bareCmp(segment: Segment, folded: string, cmpIsOther: boolean): RegExpExecArray | null {
  if (cmpIsOther || !CMP_CITED.test(folded)) return null
  return /\bCMP\b/.exec(segment.text)
}

/** Whether the dossier spells "CMP" out as something other than the code des marchés publics. */
function cmpMeansSomethingElse(dossier: DraftDossier): boolean {
  return dossier.documents.some((d) => d.segments.some((s) => {
    const f = foldedText(s)
    if (CMP_ELSEWHERE.test(f)) return true
    // "... (CMP)" after words that are not "code des marchés publics"
    return [...f.matchAll(/\(\s*cmp\s*\)/g)].some((m) => !/marches publics\s*$/.test(f.slice(Math.max(0, m.index - 40), m.index)))
  }))
}

function citationsIn(segment: Segment, cmpIsOther: boolean): Citation[] {
  const folded = foldedText(segment)
  if (HISTORICAL.test(folded)) return []
  const out: Citation[] = []
  for (const text of OBSOLETE_TEXTS) {
    const m = text.pattern.exec(folded) ?? (text.id === 'cmp' ? bareCmp(segment, folded, cmpIsOther) : null)
    if (!m) continue
    // The article is usually cited just before the text: "article 14 du code des marchés publics".
    const before = folded.slice(Math.max(0, m.index - 60), m.index)
    const after = folded.slice(m.index + m[0].length, m.index + m[0].length + 30)
    const lastBefore = [...before.matchAll(/\bart(?:icle)?s?\.?\s*\d{1,3}(?:\s*[-‑]\s*(?:[ivx]+|\d+))?\b/g)].pop()
    const article = lastBefore ? citedArticle(lastBefore[0]) : citedArticle(after)
    out.push(article ? {text, article} : {text})
  }
  return out
}

function replacement(c: Citation): string {
  const mapped = c.article ? c.text.articles[c.article] : undefined
  if (mapped) return `l'article ${mapped} du code de la commande publique`
  if (c.article && c.text.id === 'cmp' && c.article === '53') return "l'article L2152-7 du code de la commande publique"
  return `la disposition correspondante ${c.text.fallback}`
}

export const obsoleteLegalReference: Check = {
  id: 'obsolete-legal-reference',
  level: 'warning',
  legal: ['CCP (ordonnance 2018-1074, décret 2018-1075)'],
  title: 'Aucune référence à des textes abrogés (CMP, ordonnance 2015-899, décret 2016-360...)',
  applies: () => ({applies: true}),
  run(dossier: DraftDossier): Diagnostic[] {
    const out: Diagnostic[] = []
    const seen = new Set<string>()
    const cmpIsOther = cmpMeansSomethingElse(dossier)
    const visit = (doc: DraftDocument, seg: Segment) => {
      for (const c of citationsIn(seg, cmpIsOther)) {
        const key = `${doc.path}|${seg.page ?? ''}|${c.text.id}|${c.article ?? ''}`
        if (seen.has(key)) continue
        seen.add(key)
        const place = placeOf(doc, seg)
        const cited = c.article ? `l'article ${c.article} ${ofText(c.text.label)}` : c.text.label
        out.push(diagnostic(this, place,
          `${describePlace(place)} : cite ${cited}, ${c.text.repealed}.`,
          `Remplacer par ${replacement(c)} (CCP en vigueur depuis le 1er avril 2019).`, seg.text))
      }
    }
    for (const doc of dossier.documents) for (const seg of doc.segments) visit(doc, seg)
    return out
  },
}
