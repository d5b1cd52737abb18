// env-execution-condition-missing (error, 2026): no binding environmental execution condition.
// L2112-2 as in force for consultations launched from 21 Aug 2026: execution conditions must take
// environmental considerations into account (DOMAIN §1.3). Read from the rule base's findings and
// from a conservative probe of binding performance sentences (probes.ts). Technical specifications (what is
// bought) do not count: the condition is about how the contract is performed (TAXONOMY.md).

import {reform2026} from './applicability.js'
import {diagnostic} from './diagnostic.js'
import {findingsOf} from './evidence.js'
import {probeEnvExecutionCondition} from './probes.js'
import {executionPlace, readScope} from './execution-context.js'
import {describePlace} from './locate.js'
import type {Check, Diagnostic, DraftDossier} from './types.js'

const SUGGESTION =
  "Ajouter au CCAP une condition d'exécution environnementale contraignante, liée à l'objet du marché " +
  "(art. L2112-2 du CCP, consultations lancées à compter du 21 août 2026) : par exemple « Le titulaire assure le tri " +
  "à la source et la valorisation des déchets produits par l'exécution du marché et en rend compte dans un bilan " +
  "annuel », ou l'emploi de véhicules à faibles émissions pour les livraisons, avec une pénalité en cas de manquement."

export const envExecutionConditionMissing: Check = {
  id: 'env-execution-condition-missing',
  level: 'error',
  legal: ['L2112-2'],
  title: "Au moins une condition d'exécution prend en compte des considérations environnementales",
  applies: (dossier) => reform2026(dossier.facts),
  run(dossier: DraftDossier): Diagnostic[] {
    if (findingsOf(dossier, ['env-execution-condition']).length > 0) return []
    if (probeEnvExecutionCondition(dossier.documents)) return []
    const place = executionPlace(dossier)
    return [diagnostic(this, place,
      `${place ? describePlace(place) : 'Dossier'} : aucune condition d'exécution environnementale contraignante ` +
      `n'a été trouvée (${readScope(dossier)}).`, SUGGESTION)]
  },
}
