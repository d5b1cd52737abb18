// reserved-without-legal-basis (warning): a contract or lot is said to be reserved without citing
// L2113-12 (EA/ESAT), L2113-13 (SIAE), L2113-13-1 (prison work) or L2113-15 (ESS); the reservation
// must be stated with its basis in the notice or the consultation documents (R2113-7, DOMAIN §1.5).

import {fold} from '../text/normalize.js'
import {diagnostic} from './diagnostic.js'
import {findingsOf, RESERVED} from './evidence.js'
import {describePlace, foldedText, placeOf} from './locate.js'
import type {Check, Diagnostic, DraftDossier} from './types.js'

// Concessions use L3113-1, L3113-2 and L3113-2-1 for the same reservations.
const LEGAL_BASIS = /\b[l]\.?\s?2113-1(?:2|3|3-1|5)\b|\b[l]\.?\s?3113-(?:1|2|2-1)\b/
const EXPECTED: Record<string, string> = {
  'reserved-disability': "l'article L2113-12 du CCP (entreprises adaptées et ESAT)",
  'reserved-insertion': "l'article L2113-13 du CCP (structures d'insertion par l'activité économique), ou L2113-13-1 (travail pénitentiaire)",
  'reserved-ess': "l'article L2113-15 du CCP (entreprises de l'économie sociale et solidaire)",
}

export const reservedWithoutLegalBasis: Check = {
  id: 'reserved-without-legal-basis',
  level: 'warning',
  legal: ['R2113-7', 'L2113-12', 'L2113-13', 'L2113-13-1', 'L2113-15'],
  title: 'Toute réservation cite son fondement (L2113-12, L2113-13, L2113-13-1 ou L2113-15)',
  applies: () => ({applies: true}),
  run(dossier: DraftDossier): Diagnostic[] {
    const found = findingsOf(dossier, RESERVED)
    if (found.length === 0) return []
    const cited = dossier.documents.some((d) => d.segments.some((s) => LEGAL_BASIS.test(foldedText(s))))
    if (cited) return []
    const out: Diagnostic[] = []
    const seenDocs = new Set<string>()
    for (const {doc, item} of found) {
      if (seenDocs.has(doc.path)) continue
      seenDocs.add(doc.path)
      const place = placeOf(doc, item)
      out.push(diagnostic(this, place,
        `${describePlace(place)} : le marché ou le lot est déclaré réservé sans citer son fondement légal.`,
        `Citer le fondement de la réservation, ici ${EXPECTED[item.category] ?? "l'article L2113-12, L2113-13, L2113-13-1 ou L2113-15 du CCP"}, ` +
        "et la mentionner dans l'avis de marché (art. R2113-7 du CCP : au moins 50 % de travailleurs handicapés ou défavorisés).",
        item.quote))
    }
    return out
  },
}
