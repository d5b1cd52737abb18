// The RC's award criteria as structure: names, weights (in % or points), sub-criteria, per lot,
// and whether the award is on price alone. Criteria are looked for under an award heading
// ("Critères d'attribution", "Jugement des offres"...) of the RC, or after a sentence announcing them.

import type {Segment} from '../core/model.js'
import {fold} from '../text/normalize.js'
import {criterionKinds, singleCriterion, statesPriceOnly, type CriterionKind} from './criteria-lexicon.js'
import {criterionName, isMarkingScale, isWeightOnly, looksLikeCriterion, splitItems, type Item, type Marker, type TableState} from './criteria-items.js'
import {criteriaPassage, isAwardHeading} from './criteria-passage.js'
import {articleOf, foldedText} from './locate.js'
import type {DraftDocument} from './types.js'

export interface AwardCriterion {
  name: string
  /** The words of the draft the criterion was read from (name, weight, description). */
  text: string
  weight?: number
  unit?: '%' | 'points' | 'coefficient'
  kinds: CriterionKind[]
  subCriteria: AwardCriterion[]
  page?: number
}

export interface CriteriaGroup {
  /** Lot number when the RC gives criteria per lot. */
  lot?: string
  criteria: AwardCriterion[]
  /** A sentence says the award is on price alone. */
  priceOnlyStatement?: {text: string; page?: number}
  /** The criteria are ranked ("par ordre décroissant d'importance") instead of weighted. */
  hierarchy: boolean
  /** The total the weights are expressed on ("noté sur 20 points"). */
  scale?: number
  path: string
  page?: number
  article?: string
}

export interface AwardCriteria {
  groups: CriteriaGroup[]
  /** Paths of the documents the criteria were looked for in. */
  searched: string[]
}

const HIERARCHY = /ordre (?:decroissant|de priorite|d'importance)|par ordre de priorite|hierarchis|classes? par ordre/
const SCALE = /(?:notee?s?|evaluee?s?|sur un total de|note (?:finale|globale)[^.]{0,30}) sur (\d{1,4})(?: points)?|total (?:de )?(\d{1,4}) points/
const LOT = /^lot\s*(?:n\s?[°o]\s*)?(\d{1,3})\b/

function lotOf(segment: Segment): string | undefined {
  for (const h of [...(segment.section ?? [])].reverse()) {
    const m = /\blot\s*(?:n\s?[°o]\s*)?(\d{1,3})\b/.exec(fold(h))
    if (m) return m[1]
  }
  return undefined
}

interface Located extends Item {
  page?: number
}

// Where in its document each group was read (offsets into the full text). Kept out of the group
// itself, which is part of the JSON report.
const SPANS = new WeakMap<CriteriaGroup, {start: number; end: number}>()

function widenSpan(group: CriteriaGroup, seg: Segment): void {
  const span = SPANS.get(group)
  SPANS.set(group, span ? {start: Math.min(span.start, seg.start), end: Math.max(span.end, seg.end)} : {start: seg.start, end: seg.end})
}

/** The offsets of the document a group of criteria was read from, when it was read from a passage. */
export function groupSpan(group: CriteriaGroup): {start: number; end: number} | undefined {
  return SPANS.get(group)
}

/** Read one document's criteria groups (one per lot, or a single group). */
function parseDocument(doc: DraftDocument): CriteriaGroup[] {
  const passage = criteriaPassage(doc)
  const groups = new Map<string, {items: Located[]; group: CriteriaGroup; single?: {text: string; name: string; page?: number}}>()
  const groupFor = (lot: string | undefined, seg: Segment) => {
    const key = lot ?? ''
    let entry = groups.get(key)
    if (!entry) {
      const group: CriteriaGroup = {criteria: [], hierarchy: false, path: doc.path}
      if (lot) group.lot = lot
      if (seg.page !== undefined) group.page = seg.page
      const article = articleOf(seg)
      if (article) group.article = article
      entry = {items: [], group}
      groups.set(key, entry)
    }
    return entry
  }
  const table: TableState = {}
  let currentLot: string | undefined
  let lastSection = ''
  for (const seg of passage) {
    const sectionKey = JSON.stringify(seg.section ?? [])
    if (sectionKey !== lastSection) currentLot = lotOf(seg)
    lastSection = sectionKey
    const heading = (seg.section ?? [])[(seg.section ?? []).length - 1]
    const folded = foldedText(seg)
    const lotStart = LOT.exec(folded)
    if (lotStart) currentLot = lotStart[1]
    const entry = groupFor(currentLot, seg)
    widenSpan(entry.group, seg)
    if (HIERARCHY.test(folded)) entry.group.hierarchy = true
    const scale = SCALE.exec(folded)
    if (scale) entry.group.scale = Number(scale[1] ?? scale[2])
    if (statesPriceOnly(seg.text) && !entry.group.priceOnlyStatement) {
      entry.group.priceOnlyStatement = {text: seg.text, ...(seg.page === undefined ? {} : {page: seg.page})}
    }
    const single = singleCriterion(seg.text)
    if (single && !entry.group.priceOnlyStatement && !entry.single) entry.single = {text: seg.text, name: single, ...(seg.page === undefined ? {} : {page: seg.page})}
    if (heading !== undefined && seg.text.trim() === heading && isAwardHeading(heading)) continue
    const text = lotStart ? seg.text.replace(/^\s*lot\s*(?:n\s?[°o]\s*)?\d{1,3}\s*[:.\-–—]?\s*/iu, '') : seg.text
    for (const item of splitItems(text, table)) entry.items.push({...item, ...(seg.page === undefined ? {} : {page: seg.page})})
  }
  // A price-only sentence outside the criteria passage ("Le marché sera attribué au prix le plus bas").
  if (groups.size === 0) {
    const seg = doc.segments.find((s) => statesPriceOnly(s.text))
    if (seg) groupFor(undefined, seg).group.priceOnlyStatement = {text: seg.text, ...(seg.page === undefined ? {} : {page: seg.page})}
  }
  const result: CriteriaGroup[] = []
  for (const {items, group, single} of groups.values()) {
    group.criteria = buildCriteria(items)
    // A single criterion announced in a sentence ("le seul critère du coût global ...").
    if (group.criteria.length === 0 && single && !group.priceOnlyStatement) {
      const c: AwardCriterion = {name: singleName(single.name), text: single.text, kinds: criterionKinds(single.text), subCriteria: [], weight: 100, unit: '%'}
      if (single.page !== undefined) c.page = single.page
      group.criteria = [c]
    }
    if (group.criteria.length > 0 || group.priceOnlyStatement || group.hierarchy) result.push(group)
  }
  return result
}

/** "coût global, déterminé selon une approche en coût du cycle de vie ..." is named "coût global". */
function singleName(words: string): string {
  const name = words.split(/[,;(:]|\s(?:d[ée]termin|calcul|appr[ée]ci|int[ée]gr|selon|tel que|qui)/u)[0]!.trim()
  return (name.length >= 3 ? name : words).slice(0, 100)
}

function toCriterion(item: Located): AwardCriterion {
  const c: AwardCriterion = {name: criterionName(item), text: item.text, kinds: criterionKinds(item.text), subCriteria: []}
  if (item.weight !== undefined) c.weight = item.weight
  if (item.unit) c.unit = item.unit
  if (item.page !== undefined) c.page = item.page
  return c
}

/** Merge weight-only items into the name before them and drop what is not a criterion. */
function mergeItems(items: Located[]): Located[] {
  const merged: Located[] = []
  for (const item of items) {
    const prev = merged[merged.length - 1]
    if (isWeightOnly(item)) {
      if (prev && prev.weight === undefined) Object.assign(prev, {weight: item.weight, unit: item.unit, text: `${prev.text} ${item.text}`})
      continue
    }
    if (isMarkingScale(item)) continue
    if (item.weight !== undefined || looksLikeCriterion(item)) merged.push({...item})
  }
  return merged.filter((i) => i.weight !== undefined || looksLikeCriterion(i))
}

const ALWAYS_SUB = new Set<Marker>(['sub', 'num2'])

/** Nest sub-criteria: by list markers first, then by weights that add up to their parent's. */
export function buildCriteria(items: Located[]): AwardCriterion[] {
  const merged = mergeItems(items)
  const anyWeighted = merged.some((i) => i.weight !== undefined)
  const top: AwardCriterion[] = []
  let topMarker: Marker | undefined
  for (const item of merged) {
    const parent = top[top.length - 1]
    topMarker ??= ALWAYS_SUB.has(item.marker) ? undefined : item.marker
    const deeper = ALWAYS_SUB.has(item.marker) || (item.marker !== topMarker && item.marker !== 'crit')
    // In a weighted list, an unweighted bullet under a criterion describes it.
    const describes = anyWeighted && item.weight === undefined && !['crit', 'num1'].includes(item.marker)
    if (parent && (deeper || describes)) parent.subCriteria.push(toCriterion(item))
    else top.push(toCriterion(item))
  }
  return nestBySums(top)
}

function sum(criteria: AwardCriterion[]): number {
  return criteria.reduce((s, c) => s + (c.weight ?? 0), 0)
}

/** How far a total is from a plausible full mark: 100, or 20 or 10 for points. */
function offTarget(criteria: AwardCriterion[]): number {
  const total = sum(criteria)
  const targets = criteria.every((c) => c.unit === 'points') ? [100, 20, 10] : [100]
  return Math.min(...targets.map((t) => Math.abs(total - t)))
}

/**
 * Flattened tables and lists lose indentation: "Prix 60, Valeur technique 40, Méthode 20,
 * Environnement 10, Moyens 10". Some criteria then absorb the run of items just after them whose
 * weights add up to theirs; of all such nestings, the one whose top level comes closest to the full
 * mark wins, and among equals the one that nests least (the draft as written, when it adds up).
 */
function nestBySums(top: AwardCriterion[]): AwardCriterion[] {
  if (top.length < 3 || top.length > 16 || top.some((c) => c.weight === undefined)) return top
  if (offTarget(top) < 0.01 || top.every((c) => c.unit === 'coefficient')) return top
  let best: {plan: Array<[number, number]>; off: number; nested: number} | undefined
  // plan: [index of a parent, number of following items it absorbs]
  const search = (i: number, plan: Array<[number, number]>, kept: AwardCriterion[]) => {
    if (i >= top.length) {
      const off = offTarget(kept)
      const nested = plan.reduce((n, [, k]) => n + k, 0)
      if (!best || off < best.off - 0.01 || (Math.abs(off - best.off) < 0.01 && nested < best.nested)) best = {plan: [...plan], off, nested}
      return
    }
    const parent = top[i]!
    search(i + 1, plan, [...kept, parent])
    let acc = sum(parent.subCriteria)
    for (let j = i + 1; j < top.length && acc + top[j]!.weight! <= parent.weight! + 0.01; j++) {
      acc += top[j]!.weight!
      const absorbed = j - i
      if (Math.abs(acc - parent.weight!) < 0.01 && absorbed + parent.subCriteria.length >= 2) {
        search(j + 1, [...plan, [i, absorbed]], [...kept, parent])
      }
    }
  }
  search(0, [], [])
  if (!best || best.plan.length === 0 || best.off >= offTarget(top)) return top
  // Build the chosen nesting on copies: `top` itself is left untouched.
  const out: AwardCriterion[] = []
  const absorbs = new Map(best.plan)
  for (let i = 0; i < top.length; i++) {
    const parent = {...top[i]!, subCriteria: [...top[i]!.subCriteria]}
    const k = absorbs.get(i) ?? 0
    parent.subCriteria.push(...top.slice(i + 1, i + 1 + k))
    out.push(parent)
    i += k
  }
  return out
}

/** The award criteria of a dossier: from its RC, else from any document that states them. */
export function parseAwardCriteria(documents: DraftDocument[]): AwardCriteria {
  const rc = documents.filter((d) => d.kind === 'RC')
  const candidates = rc.length > 0 ? rc : documents.filter((d) => d.kind !== 'CCTP')
  const groups = candidates.flatMap(parseDocument)
  return {groups, searched: candidates.map((d) => d.path)}
}

/** Every criterion and sub-criterion of a group. */
export function allCriteria(group: CriteriaGroup): AwardCriterion[] {
  return group.criteria.flatMap((c) => [c, ...c.subCriteria.flatMap((s) => [s, ...s.subCriteria])])
}
