// Award indicators (SPASER, OECP): per group of contracts, how many and how much carry social
// or environmental considerations, are reserved, and reach SSE providers — in number and in euros.
//
// Definitions (DOMAIN.md §7): social = Clause sociale, Critère social or Marché/Concession réservé(e);
// env = Clause environnementale or Critère environnemental; reserved = Marché/Concession réservé(e);
// sse = at least one holder whose SIREN is ESS-flagged 'O' in SIRENE or listed as an inclusion or
// disability structure, its amount counted in proportion to its SSE holders (2 holders, 1 SSE: half).
// A contract without amount counts in numbers, not in euros; shares of nothing are null.

import {UsageError} from '../core/errors.js'
import {INDICATOR_INDEX} from '../store/awards.js'
import type {Database} from '../store/sqlite.js'
import {thresholdClassSql} from './thresholds.js'

export const AWARD_DIMENSIONS = ['year', 'buyer', 'cpv', 'departement', 'nature', 'procedure', 'threshold'] as const
export type AwardDimension = (typeof AWARD_DIMENSIONS)[number]

export interface AwardStatsOptions {
  by?: AwardDimension[]
  /** Buyer SIRETs. */
  buyers?: string[]
  /** Notification date bounds, inclusive: YYYY, YYYY-MM or YYYY-MM-DD. */
  from?: string
  to?: string
}

export type Figures = Record<string, number | null>
export type Group = Record<string, string | number | null>

export interface AwardStats {
  groups: Group[]
  total: Figures
}

/**
 * The indicator families: whether a contract counts (0/1), and the euros it brings. Written as
 * plain arithmetic over 0/1 columns (no CASE): the aggregation runs over every award.
 */
const MEASURES: {name: string; counts: string; amount: string}[] = [
  {name: 'social', counts: 'a.social', amount: 'a.amount * a.social'},
  {name: 'env', counts: 'a.env', amount: 'a.amount * a.env'},
  {name: 'reserved', counts: 'a.reserved', amount: 'a.amount * a.reserved'},
  {name: 'sse', counts: 'a.sse_holders > 0', amount: 'a.amount * a.sse_holders / a.holders'},
  {name: 'sse_ess', counts: 'a.ess_holders > 0', amount: 'a.amount * a.ess_holders / a.holders'},
  {name: 'sse_insertion', counts: 'a.insertion_holders > 0', amount: 'a.amount * a.insertion_holders / a.holders'},
  {name: 'sse_disability', counts: 'a.disability_holders > 0', amount: 'a.amount * a.disability_holders / a.holders'},
]

export const FIGURE_NAMES: string[] = ['contracts', 'amount',
  ...MEASURES.flatMap((m) => [`${m.name}_contracts`, `${m.name}_amount`, `${m.name}_share`, `${m.name}_amount_share`])]

const KEY_SQL: Record<AwardDimension, string> = {
  year: 'a.year',
  buyer: 'a.buyer_id',
  cpv: 'a.cpv_division',
  departement: 'a.departement',
  nature: 'a.nature',
  procedure: 'a.procedure',
  threshold: thresholdClassSql(),
}

const AGGREGATES = [
  'count(*) AS contracts',
  'total(a.amount) AS amount',
  ...MEASURES.flatMap((m) => [
    `sum(${m.counts}) AS ${m.name}_contracts`,
    // amount is REAL (column affinity), so the division is not an integer one; holders = 0 gives NULL, skipped
    `total(${m.amount}) AS ${m.name}_amount`,
  ]),
].join(',\n  ')

export function parseDimensions(value: string | undefined): AwardDimension[] {
  if (!value) return []
  const dims = value.split(',').map((s) => s.trim()).filter(Boolean)
  for (const d of dims) {
    if (!(AWARD_DIMENSIONS as readonly string[]).includes(d)) {
      throw new UsageError(`--by ${d}: unknown dimension; use any of ${AWARD_DIMENSIONS.join(', ')}, comma-separated.`)
    }
  }
  return [...new Set(dims)] as AwardDimension[]
}

/** Inclusive date bounds from YYYY, YYYY-MM or YYYY-MM-DD. */
export function dateBound(value: string, end: boolean, flag: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value.trim())
  if (!m) throw new UsageError(`${flag} ${value}: expected a year (2024), a month (2024-06) or a date (2024-06-30).`)
  return `${m[1]}-${m[2] ?? (end ? '12' : '01')}-${m[3] ?? (end ? '31' : '01')}`
}

function whereClause(options: AwardStatsOptions): {sql: string; params: string[]} {
  const clauses: string[] = []
  const params: string[] = []
  if (options.buyers && options.buyers.length > 0) {
    clauses.push(`a.buyer_id IN (${options.buyers.map(() => '?').join(', ')})`)
    params.push(...options.buyers)
  }
  if (options.from) {
    clauses.push('a.notification_date >= ?')
    params.push(dateBound(options.from, false, '--from'))
  }
  if (options.to) {
    clauses.push('a.notification_date <= ?')
    params.push(dateBound(options.to, true, '--to'))
  }
  return {sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params}
}

/** Writes the counts, amounts and shares of one SQL row into `out` (built in place: fast for 100k groups). */
function withShares<T extends Record<string, unknown>>(row: Record<string, unknown>, out: T): T & Figures {
  const o = out as Record<string, unknown>
  const contracts = Number(row.contracts ?? 0), amount = Number(row.amount ?? 0)
  o.contracts = contracts
  o.amount = amount
  for (const m of MEASURE_KEYS) {
    const n = Number(row[m.contracts] ?? 0), eur = Number(row[m.amount] ?? 0)
    o[m.contracts] = n
    o[m.amount] = eur
    o[m.share] = contracts > 0 ? n / contracts : null
    o[m.amountShare] = amount > 0 ? eur / amount : null
  }
  return out as T & Figures
}

const MEASURE_KEYS = MEASURES.map((m) => ({
  contracts: `${m.name}_contracts`, amount: `${m.name}_amount`, share: `${m.name}_share`, amountShare: `${m.name}_amount_share`,
}))

export function awardStats(db: Database, options: AwardStatsOptions = {}): AwardStats {
  db.exec(INDICATOR_INDEX) // a no-op, unless a bulk import was interrupted before rebuilding it
  const by = options.by ?? []
  const where = whereClause(options)
  if (by.length === 0) {
    const row = db.prepare(`SELECT ${AGGREGATES} FROM awards a ${where.sql}`).get(...where.params) as Record<string, unknown>
    return {groups: [], total: withShares(row, {})}
  }
  const keys = by.map((d) => `${KEY_SQL[d]} AS k_${d}`).join(', ')
  const groupBy = by.map((d) => `k_${d}`).join(', ')
  // Raw rows (arrays) and sorting here rather than in SQL: a national file has 100k+ groups.
  const rows = db.prepare(`SELECT ${keys},\n  ${AGGREGATES}\nFROM awards a ${where.sql}\nGROUP BY ${groupBy}`)
    .raw().all(...where.params) as unknown[][]
  rows.sort(compareKeys(by.length))
  const toGroup = groupBuilder(by)
  const sums = new Float64Array(SUMMED.length)
  const groups = rows.map((row) => toGroup(row, sums))
  // The total is the sum of the groups: one pass over the awards instead of two.
  const total: Record<string, unknown> = {}
  SUMMED.forEach((f, j) => (total[f] = sums[j]))
  return {groups, total: withShares(total, {})}
}

/**
 * A function turning one raw SQL row (keys, then the SUMMED figures) into a group object and
 * adding its figures to `sums`. Generated once per query so that every group is built by one
 * object literal: with 100k+ groups of 30 figures, property-by-property building and its garbage
 * cost more than the SQL. Only constant names (dimensions, figure names) go into the code.
 */
function groupBuilder(by: AwardDimension[]): (row: unknown[], sums: Float64Array) => Group {
  const n = by.length
  const lines: string[] = []
  SUMMED.forEach((_, j) => lines.push(`const v${j} = +(r[${n + j}] ?? 0); s[${j}] += v${j};`))
  const fields: string[] = by.map((d, i) => `${JSON.stringify(d)}: r[${i}]`)
  fields.push('contracts: v0', 'amount: v1')
  MEASURE_KEYS.forEach((m, k) => {
    const c = `v${2 + 2 * k}`, a = `v${3 + 2 * k}`
    fields.push(`${JSON.stringify(m.contracts)}: ${c}`, `${JSON.stringify(m.amount)}: ${a}`,
      `${JSON.stringify(m.share)}: v0 > 0 ? ${c} / v0 : null`, `${JSON.stringify(m.amountShare)}: v1 > 0 ? ${a} / v1 : null`)
  })
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('r', 's', `${lines.join('\n')}\nreturn {${fields.join(', ')}}`) as (row: unknown[], sums: Float64Array) => Group
}

/** Orders rows by their first `n` cells, nulls last. */
function compareKeys(n: number): (a: unknown[], b: unknown[]) => number {
  return (a, b) => {
    for (let i = 0; i < n; i++) {
      const x = a[i] as string | number | null, y = b[i] as string | number | null
      if (x === y) continue
      if (x === null) return 1
      if (y === null) return -1
      return x < y ? -1 : 1
    }
    return 0
  }
}

/** The additive figures (counts and amounts), from which shares are derived. */
const SUMMED = ['contracts', 'amount', ...MEASURE_KEYS.flatMap((m) => [m.contracts, m.amount])]
