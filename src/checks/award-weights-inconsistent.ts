// award-weights-inconsistent (warning): award criteria without weights, or weights that do not add
// up to 100 (or to the stated scale); sub-criteria that do not add up to their criterion.
// Criteria and their weighting (or, failing that, their order) must be stated: R2152-11, R2152-12
// [U numbering, DOMAIN §1.4].

import {criteriaReadable, groupPlace, lotLabel, where} from './award-context.js'
import type {AwardCriterion, CriteriaGroup} from './criteria.js'
import {diagnostic} from './diagnostic.js'
import type {Check, Diagnostic, DraftDossier} from './types.js'

const SUGGESTION =
  "Indiquer dans le RC la pondération de chaque critère (en % ou en points) de sorte que leur total fasse 100 % " +
  "(ou le barème annoncé), et celle des sous-critères de sorte qu'ils totalisent le poids de leur critère " +
  "(art. R2152-11 et R2152-12 du CCP) ; à défaut de pondération possible, les hiérarchiser par ordre décroissant d'importance."

const close = (a: number, b: number) => Math.abs(a - b) < 0.05
const total = (cs: AwardCriterion[]) => cs.reduce((s, c) => s + (c.weight ?? 0), 0)
const fmt = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',')

function unitOf(cs: AwardCriterion[]): string {
  return cs.every((c) => c.unit === 'points') ? 'points' : '%'
}

/** What is wrong with a group's weights, in French, or undefined. */
export function weightProblem(group: CriteriaGroup): string | undefined {
  const top = group.criteria
  if (top.length === 0) return undefined
  const weighted = top.filter((c) => c.weight !== undefined)
  if (weighted.length === 0) {
    if (group.hierarchy || top.length === 1) return undefined
    return `les critères (${top.map((c) => c.name).join(', ')}) ne sont pas pondérés`
  }
  const missing = top.filter((c) => c.weight === undefined)
  if (missing.length > 0) return `critère(s) sans pondération : ${missing.map((c) => c.name).join(', ')}`
  if (!weighted.every((c) => c.unit === 'coefficient')) {
    const sum = total(top)
    const unit = unitOf(top)
    const accepted = unit === 'points' ? (group.scale ? [group.scale] : [100, 20, 10]) : [100]
    if (!accepted.some((a) => close(sum, a))) {
      return `les pondérations totalisent ${fmt(sum)} ${unit}${unit === 'points' && group.scale ? ` pour un barème sur ${group.scale}` : ' au lieu de 100'}`
    }
  }
  for (const c of top) {
    const subs = c.subCriteria
    if (subs.length < 2 || c.weight === undefined || subs.some((s) => s.weight === undefined)) continue
    const sum = total(subs)
    if (!close(sum, c.weight) && !close(sum, 100)) {
      return `les sous-critères de « ${c.name} » totalisent ${fmt(sum)} pour un critère pondéré à ${fmt(c.weight)}`
    }
  }
  return undefined
}

export const awardWeightsInconsistent: Check = {
  id: 'award-weights-inconsistent',
  level: 'warning',
  legal: ['R2152-7', 'R2152-11', 'R2152-12'],
  title: 'Les critères sont pondérés et les pondérations font 100',
  applies: (dossier) => criteriaReadable(dossier),
  run(dossier: DraftDossier): Diagnostic[] {
    const out: Diagnostic[] = []
    for (const group of dossier.criteria.groups) {
      const problem = weightProblem(group)
      if (problem) out.push(diagnostic(this, groupPlace(group), `${where(group)}${lotLabel(group)} : ${problem}.`, SUGGESTION))
    }
    return out
  },
}
