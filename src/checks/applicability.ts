// When the 2026 obligations apply (date of launch) and whether a contract reaches the EU
// thresholds (value, nature, buyer). Undecidable cases say what is missing instead of guessing.

import type {Applicability, DossierFacts} from './types.js'

/**
 * Décret 2022-767 fixes 21 Aug 2026 for its R-level provisions; the law says "at the latest"
 * 22 Aug 2026 (DOMAIN §1.1). No postponement was found up to early 2026 [U: re-check Légifrance].
 */
export const REFORM_DATE = '2026-08-21'

/** EU thresholds 2026-2027, euros excl. VAT (TAXONOMY.md, DOMAIN §1.9). */
export const EU_THRESHOLDS = {
  works: 5_404_000,
  suppliesServices: {local: 216_000, central: 140_000, utility: 432_000},
} as const

export function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${d}/${m}/${y}`
}

export function euros(value: number): string {
  return `${Math.round(value).toLocaleString('fr-FR').replace(/[\u202F\u00A0]/g, ' ')} € HT`
}

/** Whether the consultation is launched on or after 21 Aug 2026. */
export function reform2026(facts: DossierFacts): Applicability {
  const date = facts.consultationDate?.value
  if (date !== undefined) {
    return date >= REFORM_DATE
      ? {applies: true}
      : {applies: false, reason: `consultation du ${frenchDate(date)}, antérieure au 21/08/2026 : obligation pas encore en vigueur`}
  }
  const bound = facts.launchedBy?.value
  if (bound !== undefined && bound < REFORM_DATE) {
    return {applies: false, reason: `offres attendues au plus tard le ${frenchDate(bound)} : consultation lancée avant le 21/08/2026`}
  }
  return {applies: 'undecided', reason: 'date de lancement de la consultation inconnue (préciser --consultation-date)'}
}

/** The EU threshold that applies, or why it cannot be known. */
export function euThreshold(facts: DossierFacts): {value: number; label: string} | {undecided: string} {
  const nature = facts.nature?.value
  if (nature === 'works') return {value: EU_THRESHOLDS.works, label: 'seuil européen des travaux'}
  if (nature === undefined) return {undecided: 'nature du marché inconnue (préciser --nature works|supplies|services)'}
  const buyer = facts.buyer?.value
  if (buyer === undefined) return {undecided: "type d'acheteur inconnu (préciser --buyer local|central|utility)"}
  const label = {local: 'collectivités et autres pouvoirs adjudicateurs', central: 'autorités publiques centrales', utility: 'entités adjudicatrices'}[buyer]
  return {value: EU_THRESHOLDS.suppliesServices[buyer], label: `seuil européen fournitures et services (${label})`}
}

/** Whether the estimated value, all lots together, reaches the EU threshold. */
export function aboveEuThreshold(facts: DossierFacts): Applicability {
  const value = facts.estimatedValue?.value
  if (value === undefined) return {applies: 'undecided', reason: 'valeur estimée du marché inconnue (préciser --estimated-value)'}
  const threshold = euThreshold(facts)
  if ('undecided' in threshold) {
    // Some values are on the same side of every threshold.
    const all = [EU_THRESHOLDS.works, ...Object.values(EU_THRESHOLDS.suppliesServices)]
    if (value >= Math.max(...all)) return {applies: true}
    if (value < Math.min(...all)) return {applies: false, reason: `valeur estimée ${euros(value)}, sous tous les seuils européens`}
    const notWorks = facts.nature !== undefined && facts.nature.value !== 'works'
    if (notWorks && value >= EU_THRESHOLDS.suppliesServices.utility) return {applies: true}
    return {applies: 'undecided', reason: `valeur estimée ${euros(value)} : ${threshold.undecided}`}
  }
  return value >= threshold.value
    ? {applies: true}
    : {applies: false, reason: `valeur estimée ${euros(value)}, sous le ${threshold.label} (${euros(threshold.value)})`}
}

/** Both conditions: the first that does not hold decides. */
export function both(a: Applicability, b: Applicability): Applicability {
  if (a.applies === false) return a
  if (b.applies === false) return b
  if (a.applies === 'undecided') return a
  return b
}
