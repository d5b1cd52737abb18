// Award indicators (SPASER, OECP): per group of contracts, how many and how much carry social
// or environmental considerations, are reserved, and reach SSE providers — in number and in euros.
//
// Definitions (DOMAIN.md §7): social = Clause sociale, Critère social or Marché/Concession réservé(e);
// env = Clause environnementale or Critère environnemental; reserved = Marché/Concession réservé(e);
// sse = at least one holder whose SIREN is ESS-flagged 'O' in SIRENE or listed as an inclusion or
// disability structure, its amount counted in proportion to its SSE holders (2 holders, 1 SSE: half).
// A contract without amount counts in numbers, not in euros; shares of nothing are null.

import {UsageError} from '../core/errors.js'
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

/** The indicator families, and the SQL telling whether (and how much of) a contract counts. */
const MEASURES: {name: string; counts: string; share: string}[] = [
  {name: 'social', counts: 'a.social = 1', share: '1'},
  {name: 'env', counts: 'a.env = 1', share: '1'},
  {name: 'reserved', counts: 'a.reserved = 1', share: '1'},
  {name: 'sse', counts: 'a.sse_holders > 0', share: '1.0 * a.sse_holders / a.holders'},
  {name: 'sse_ess', counts: 'a.ess_holders > 0', share: '1.0 * a.ess_holders / a.holders'},
  {name: 'sse_insertion', counts: 'a.insertion_holders > 0', share: '1.0 * a.insertion_holders / a.holders'},
  {name: 'sse_disability', counts: 'a.disability_holders > 0', share: '1.0 * a.disability_holders / a.holders'},
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
    `total(CASE WHEN ${m.counts} THEN a.amount * ${m.share} END) AS ${m.name}_amount`,
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
  const by = options.by ?? []
  const where = whereClause(options)
  if (by.length === 0) {
    const row = db.prepare(`SELECT ${AGGREGATES} FROM awards a ${where.sql}`).get(...where.params) as Record<string, unknown>
    return {groups: [], total: withShares(row, {})}
  }
  const keys = by.map((d) => `${KEY_SQL[d]} AS k_${d}`).join(', ')
  const groupBy = by.map((d) => `k_${d}`).join(', ')
  const orderBy = by.map((d) => `k_${d} IS NULL, k_${d}`).join(', ')
  const rows = db.prepare(`SELECT ${keys},\n  ${AGGREGATES}\nFROM awards a ${where.sql}\nGROUP BY ${groupBy}\nORDER BY ${orderBy}`)
    .all(...where.params) as Record<string, unknown>[]
  // The total is the sum of the groups: one pass over the awards instead of two.
  const sums: Record<string, number> = {}
  for (const row of rows) for (const f of SUMMED) sums[f] = (sums[f] ?? 0) + Number(row[f] ?? 0)
  const keyColumns = by.map((d) => [d, `k_${d}`] as const)
  const groups = rows.map((row) => {
    const group: Group = {}
    for (const [d, k] of keyColumns) group[d] = row[k] as string | number | null
    return withShares(row, group)
  })
  return {groups, total: withShares(sums, {})}
}

/** The additive figures (counts and amounts), from which shares are derived. */
const SUMMED = ['contracts', 'amount', ...MEASURE_KEYS.flatMap((m) => [m.contracts, m.amount])]
