// How the facts that decided the checks are described to the officer, in French: shared by the
// text and HTML renderings of `check`.

import {euros, frenchDate} from '../checks/applicability.js'
import {fileName} from '../checks/locate.js'
import type {DossierFacts, Fact} from '../checks/types.js'

const NATURE: Record<string, string> = {
  works: 'travaux', supplies: 'fournitures', services: 'services', 'supplies-or-services': 'fournitures ou services',
}
const BUYER: Record<string, string> = {
  local: 'collectivité ou autre pouvoir adjudicateur', central: 'autorité publique centrale (État)', utility: 'entité adjudicatrice',
}

function origin<T>(fact: Fact<T>, flag: string): string {
  if (fact.source === 'flag') return `option ${flag}`
  if (fact.source === 'default') return "valeur par défaut : date du jour, aucune date d'envoi trouvée"
  const f = fact.from
  if (!f) return 'déduit des documents'
  return `déduit de ${fileName(f.path)}${f.page !== undefined ? ` p. ${f.page}` : ''} : « ${f.quote} »`
}

export interface FactLine {
  label: string
  value: string
  origin: string
}

export function factLines(facts: DossierFacts): FactLine[] {
  const lines: FactLine[] = []
  if (facts.consultationDate) {
    lines.push({label: 'Date de la consultation', value: frenchDate(facts.consultationDate.value), origin: origin(facts.consultationDate, '--consultation-date')})
  }
  if (facts.launchedBy) {
    lines.push({label: 'Offres attendues au plus tard le', value: frenchDate(facts.launchedBy.value), origin: origin(facts.launchedBy, '')})
  }
  if (!facts.consultationDate && !facts.launchedBy) lines.push({label: 'Date de la consultation', value: 'inconnue', origin: 'préciser --consultation-date'})
  lines.push(facts.estimatedValue
    ? {label: 'Valeur estimée (tous lots)', value: euros(facts.estimatedValue.value), origin: origin(facts.estimatedValue, '--estimated-value')}
    : {label: 'Valeur estimée (tous lots)', value: 'inconnue', origin: 'préciser --estimated-value'})
  lines.push(facts.nature
    ? {label: 'Nature', value: NATURE[facts.nature.value] ?? facts.nature.value, origin: origin(facts.nature, '--nature')}
    : {label: 'Nature', value: 'inconnue', origin: 'préciser --nature works|supplies|services'})
  lines.push(facts.buyer
    ? {label: 'Acheteur', value: BUYER[facts.buyer.value] ?? facts.buyer.value, origin: origin(facts.buyer, '--buyer')}
    : {label: 'Acheteur', value: 'inconnu', origin: 'préciser --buyer local|central|utility'})
  return lines
}

export const LEVEL_LABEL = {error: 'erreur', warning: 'avertissement'} as const
