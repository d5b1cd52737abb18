// Shared by the award-criteria checks: whether the dossier lets us read its criteria at all,
// and how to name a group of criteria in a message.

import {fold} from '../text/normalize.js'
import {allCriteria, groupSpan, type AwardCriterion, type CriteriaGroup} from './criteria.js'
import {criterionKinds} from './criteria-lexicon.js'
import {findingsOf} from './evidence.js'
import {describePlace, fileName, type Place} from './locate.js'
import type {Applicability, DraftDossier} from './types.js'

/** Award checks need an RC (or criteria stated somewhere). */
export function criteriaReadable(dossier: DraftDossier): Applicability {
  if (dossier.criteria.groups.length > 0) return {applies: true}
  if (dossier.documents.some((d) => d.kind === 'RC')) return {applies: true}
  return {applies: 'undecided', reason: "aucun règlement de la consultation (RC) ni critère d'attribution dans les documents lus"}
}

export function groupPlace(group: CriteriaGroup): Place {
  const place: Place = {path: group.path}
  const page = group.page ?? group.criteria[0]?.page
  if (page !== undefined) place.page = page
  if (group.article) place.article = group.article
  return place
}

export function rcPlace(dossier: DraftDossier): Place | undefined {
  const rc = dossier.documents.find((d) => d.kind === 'RC') ?? dossier.documents[0]
  return rc ? {path: rc.path} : undefined
}

export function lotLabel(group: CriteriaGroup): string {
  return group.lot ? ` (lot ${group.lot})` : ''
}

function weightLabel(c: AwardCriterion): string {
  if (c.weight === undefined) return c.name
  const unit = c.unit === '%' ? ' %' : c.unit === 'points' ? ' points' : ' (coefficient)'
  return `${c.name} ${c.weight}${unit}`
}

/** "Prix 60 %, Valeur technique 40 %" */
export function listCriteria(group: CriteriaGroup): string {
  return group.criteria.map(weightLabel).join(', ')
}

export function where(group: CriteriaGroup): string {
  return describePlace(groupPlace(group))
}

/** Whether a group has a criterion or sub-criterion taking environmental characteristics into account. */
export function hasEnvironmentalCriterion(group: CriteriaGroup): boolean {
  return allCriteria(group).some((c) => c.kinds.includes('environmental'))
}

/**
 * An env-award-criterion finding of the rule base in the document the criteria come from, whose
 * words are environmental by the criteria lexicon too: a finding on a flattened criteria table
 * may quote its neighbours, and must not vouch for a table that has no environmental criterion.
 */
export function environmentalCriterionFinding(dossier: DraftDossier, path: string, group?: CriteriaGroup): boolean {
  // With criteria per lot, a finding vouches only for the lot whose passage it lies in.
  const perLot = group !== undefined && dossier.criteria.groups.filter((g) => g.path === path).length > 1
  const span = group ? groupSpan(group) : undefined
  return findingsOf(dossier, ['env-award-criterion']).some(({doc, item}) =>
    doc.path === path && !/candidature/.test(fold((item.section ?? []).join(' '))) &&
    (!perLot || (span !== undefined && item.start < span.end && item.end > span.start)) &&
    criterionKinds(item.quote).includes('environmental'))
}

export function docName(path: string): string {
  return fileName(path)
}
