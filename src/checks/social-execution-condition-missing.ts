// social-execution-condition-missing (error, 2026, estimated value at or above the EU threshold):
// no binding social or employment execution condition, the contract is not reserved, and no
// exception is justified. L2112-2-1 (in force for consultations from 21 Aug 2026; exceptions [U],
// DOMAIN §1.3). Any insertion-clause or social-other-condition satisfies it; the threshold is on
// the whole contract, all lots together; a contract is reserved when all its lots are (TAXONOMY.md).

import {aboveEuThreshold, both, euros, euThreshold, reform2026} from './applicability.js'
import {diagnostic} from './diagnostic.js'
import {findingsOf, reservation, socialExceptionJustified} from './evidence.js'
import {executionPlace, readScope} from './execution-context.js'
import {describePlace, fileName} from './locate.js'
import type {Check, Diagnostic, DraftDossier} from './types.js'

const SUGGESTION =
  "Ajouter au CCAP une condition d'exécution à caractère social ou d'emploi (art. L2112-2-1 du CCP) : par exemple " +
  "une clause d'insertion réservant un nombre d'heures (souvent 5 à 10 % des heures travaillées) à des personnes " +
  "éloignées de l'emploi, avec un facilitateur, un suivi et une pénalité par heure non réalisée ; ou réserver le " +
  "marché (art. L2113-12, L2113-13 ou L2113-15) ; ou, si une exception de l'article L2112-2-1 s'applique, la justifier " +
  "dans les documents de la consultation."

function valueText(dossier: DraftDossier): string {
  const fact = dossier.facts.estimatedValue
  if (!fact) return ''
  const from = fact.source === 'document' && fact.from ? `, lue dans ${fileName(fact.from.path)}${fact.from.page ? ` p. ${fact.from.page}` : ''}` : ''
  const threshold = euThreshold(dossier.facts)
  const vs = 'undecided' in threshold ? 'au-dessus des seuils européens' : `au moins égale au ${threshold.label} (${euros(threshold.value)})`
  return `valeur estimée ${euros(fact.value)}${from}, ${vs}`
}

export const socialExecutionConditionMissing: Check = {
  id: 'social-execution-condition-missing',
  level: 'error',
  legal: ['L2112-2-1'],
  title: "Au-dessus des seuils européens, une condition d'exécution prend en compte des considérations sociales ou d'emploi",
  applies: (dossier) => both(reform2026(dossier.facts), aboveEuThreshold(dossier.facts)),
  run(dossier: DraftDossier): Diagnostic[] {
    if (findingsOf(dossier, ['insertion-clause', 'social-other-condition']).length > 0) return []
    const reserved = reservation(dossier)
    if (reserved.reserved) return []
    if (socialExceptionJustified(dossier)) return []
    const place = executionPlace(dossier)
    const lots = reserved.reservedLots
    const partly = lots.length === 0 ? ''
      : lots.length === 1 ? ` Seul le lot ${lots[0]} est réservé ; le marché ne l'est pas dans sa totalité.`
        : ` Seuls les lots ${lots.join(', ')} sont réservés ; le marché ne l'est pas dans sa totalité.`
    return [diagnostic(this, place,
      `${place ? describePlace(place) : 'Dossier'} : aucune condition d'exécution sociale ou d'emploi contraignante, ` +
      `le marché n'est pas réservé et aucune exception n'est justifiée (${valueText(dossier)} ; ${readScope(dossier)}).${partly}`,
      SUGGESTION)]
  },
}
