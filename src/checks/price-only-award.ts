// price-only-award (error, 2026): the only award criterion is the price. From 21 Aug 2026 a single
// criterion may only be a cost determined by a global approach that takes environmental
// characteristics into account (R2152-7 as amended by décret 2022-767, DOMAIN §1.4).

import {both, reform2026} from './applicability.js'
import {criteriaReadable, groupPlace, lotLabel, where} from './award-context.js'
import type {CriteriaGroup} from './criteria.js'
import {diagnostic} from './diagnostic.js'
import type {Check, Diagnostic, DraftDossier} from './types.js'

const SUGGESTION =
  "Le prix ne peut plus être le critère unique (art. R2152-7 du CCP, consultations lancées à compter du 21 août 2026) : " +
  "retenir plusieurs critères dont au moins un environnemental (par exemple Prix 60 %, Valeur technique 25 %, " +
  "Performances environnementales 15 %), ou le seul critère du coût déterminé selon une approche globale " +
  "(coût du cycle de vie, art. R2152-9) intégrant les caractéristiques environnementales."

/** The award is on price alone: said in so many words, or a single criterion that is a price and not a cost. */
export function isPriceOnly(group: CriteriaGroup): boolean {
  // A sentence about the lowest price next to several weighted criteria is about scoring the price.
  const weighted = group.criteria.filter((c) => c.weight !== undefined)
  if (group.priceOnlyStatement) return weighted.length < 2
  if (group.criteria.length !== 1) return false
  const only = group.criteria[0]!
  return only.kinds.includes('price') && !only.kinds.includes('cost') && !only.kinds.includes('environmental') && only.subCriteria.length === 0
}

export const priceOnlyAward: Check = {
  id: 'price-only-award',
  level: 'error',
  legal: ['R2152-7'],
  title: "Le prix n'est pas le critère d'attribution unique",
  applies: (dossier) => both(reform2026(dossier.facts), criteriaReadable(dossier)),
  run(dossier: DraftDossier): Diagnostic[] {
    return dossier.criteria.groups.filter(isPriceOnly).map((group) => {
      const place = groupPlace(group)
      if (group.priceOnlyStatement?.page !== undefined) place.page = group.priceOnlyStatement.page
      return diagnostic(this, place,
        `${where(group)}${lotLabel(group)} : le seul critère d'attribution est le prix.`,
        SUGGESTION, group.priceOnlyStatement?.text ?? group.criteria[0]?.text)
    })
  },
}
