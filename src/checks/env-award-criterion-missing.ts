// env-award-criterion-missing (error, 2026): no award criterion or sub-criterion takes the
// environmental characteristics of the offer into account. L2152-7 and R2152-7 as in force from
// 21 Aug 2026; the DAJ reads it as satisfied by a sub-criterion of "valeur technique" (DOMAIN §1.4).

import {both, reform2026} from './applicability.js'
import {criteriaReadable, environmentalCriterionFinding, groupPlace, hasEnvironmentalCriterion, listCriteria, lotLabel, rcPlace, where} from './award-context.js'
import {diagnostic} from './diagnostic.js'
import {describePlace} from './locate.js'
import type {Check, Diagnostic, DraftDossier} from './types.js'

const SUGGESTION =
  "Ajouter au moins un critère ou un sous-critère d'attribution pondéré qui prend en compte les caractéristiques " +
  "environnementales de l'offre (art. L2152-7 et R2152-7 du CCP, consultations lancées à compter du 21 août 2026), " +
  "par exemple « Performances en matière de protection de l'environnement : 15 % » (réduction et tri des déchets, " +
  "émissions liées au transport, part de matériaux issus du réemploi), ou un sous-critère environnemental de la valeur technique."

export const envAwardCriterionMissing: Check = {
  id: 'env-award-criterion-missing',
  level: 'error',
  legal: ['L2152-7', 'R2152-7'],
  title: "Au moins un critère d'attribution prend en compte les caractéristiques environnementales de l'offre",
  applies: (dossier) => both(reform2026(dossier.facts), criteriaReadable(dossier)),
  run(dossier: DraftDossier): Diagnostic[] {
    const groups = dossier.criteria.groups
    if (groups.length === 0) {
      const place = rcPlace(dossier)
      if (place && environmentalCriterionFinding(dossier, place.path)) return []
      return [diagnostic(this, place,
        `${place ? describePlace(place) : 'RC'} : aucun critère d'attribution n'a été trouvé, donc aucun critère ` +
        "ne prend en compte les caractéristiques environnementales de l'offre.", SUGGESTION)]
    }
    const out: Diagnostic[] = []
    for (const group of groups) {
      if (hasEnvironmentalCriterion(group) || environmentalCriterionFinding(dossier, group.path, group)) continue
      const listed = group.criteria.length > 0 ? ` (critères relevés : ${listCriteria(group)})` : ' (attribution au seul prix)'
      out.push(diagnostic(this, groupPlace(group),
        `${where(group)}${lotLabel(group)} : aucun critère ni sous-critère d'attribution ne prend en compte les ` +
        `caractéristiques environnementales de l'offre${listed}.`, SUGGESTION, group.priceOnlyStatement?.text))
    }
    return out
  },
}
