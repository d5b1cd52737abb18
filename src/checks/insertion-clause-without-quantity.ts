// insertion-clause-without-quantity (warning): an insertion clause states no number of hours nor
// share of hours (good practice under L2112-2: the obligation must be measurable to be monitored
// and sanctioned; typical size 5-10 % of hours worked, DOMAIN §1.3).

import type {Finding} from '../core/model.js'
import {fold} from '../text/normalize.js'
import {diagnostic} from './diagnostic.js'
import {articleSegments, findingsOf} from './evidence.js'
import {describePlace, foldedText, placeOf} from './locate.js'
import type {Check, Diagnostic, DraftDocument, DraftDossier} from './types.js'

// In the insertion article: "350 heures", "35 H par tranche", "5 % des heures", "2 ETP".
const QUANTITY_NEARBY = /\d[\d ]*(?:[.,]\d+)?\s*(?:heures?\b|h\b)|\d+(?:[.,]\d+)?\s*%|\d+(?:[.,]\d+)?\s*etp\b/
// Anywhere in the dossier, only with insertion words: "nombre d'heures d'insertion : 350".
const QUANTITY_ANYWHERE = /\d[\d ]*\s*heures? (?:d'insertion|de travail (?:reservees?|dediees?)|reservees? a l'insertion)|heures d'insertion\s*(?:\(|:|=|de|minimum|:?\s*\d)[^.]{0,30}\d|\d+(?:[.,]\d+)?\s*% (?:des|du nombre d') heures/

// A table of hours per lot: "| Lot | Intitulé | Heures d'insertion | | 1 | Gros œuvre | 2 100 |".
const HOURS_TABLE = /\|[^|]*heures?[^|]*\|[^]*\|\s*\d[\d  ]*\s*(?:h\b|heures?\b)?[^|]{0,12}\|/

function quantified(doc: DraftDocument, finding: Finding): boolean {
  if (finding.quantities?.hours !== undefined || finding.quantities?.percent !== undefined) return true
  const article = articleSegments(doc, finding)
  if (article.some((s) => QUANTITY_NEARBY.test(foldedText(s)))) return true
  return HOURS_TABLE.test(fold(article.map((s) => s.text).join(' ').slice(0, 6000)))
}

export const insertionClauseWithoutQuantity: Check = {
  id: 'insertion-clause-without-quantity',
  level: 'warning',
  legal: ['L2112-2'],
  title: "Toute clause d'insertion chiffre les heures ou la part des heures réservées",
  applies: () => ({applies: true}),
  run(dossier: DraftDossier): Diagnostic[] {
    const clauses = findingsOf(dossier, ['insertion-clause'])
    if (clauses.length === 0) return []
    if (clauses.some(({doc, item}) => quantified(doc, item))) return []
    const anywhere = dossier.documents.some((d) => d.segments.some((s) => QUANTITY_ANYWHERE.test(foldedText(s))))
    if (anywhere) return []
    const {doc, item} = clauses[0]!
    const place = placeOf(doc, item)
    return [diagnostic(this, place,
      `${describePlace(place)} : la clause d'insertion ne fixe ni nombre d'heures ni part des heures travaillées.`,
      "Chiffrer l'engagement : nombre d'heures d'insertion (par exemple calculé à partir du montant estimé et du taux " +
      "de main-d'œuvre) ou part des heures travaillées (souvent 5 à 10 %), avec ses modalités de suivi et une pénalité " +
      "par heure non réalisée (art. L2112-2 du CCP). Ne pas imposer une modalité unique de réalisation.",
      item.quote)]
  },
}
