// EU procurement thresholds (excl. VAT) by period, to class a contract below or at/above the
// threshold of its kind. 2024-2025 and 2026-2027 values: DOMAIN.md §1.9 [V]. Earlier periods
// (Commission regulations 2015/2170, 2017/2365, 2019/1828, 2021/1952) are from background
// knowledge [U]. Contracting entities (utilities) cannot be told apart in DECP: they are classed
// with other contracting authorities, which understates "at or above" for them.

export interface ThresholdPeriod {
  from: string           // first day of validity, YYYY-MM-DD
  works: number          // works and concessions
  central: number        // supplies and services, central government authorities
  other: number          // supplies and services, other contracting authorities
  defence: number        // supplies and services, defence and security (and utilities)
}

export const EU_THRESHOLDS: ThresholdPeriod[] = [
  {from: '2016-01-01', works: 5_225_000, central: 135_000, other: 209_000, defence: 418_000}, // [U]
  {from: '2018-01-01', works: 5_548_000, central: 144_000, other: 221_000, defence: 443_000}, // [U]
  {from: '2020-01-01', works: 5_350_000, central: 139_000, other: 214_000, defence: 428_000}, // [U]
  {from: '2022-01-01', works: 5_382_000, central: 140_000, other: 215_000, defence: 431_000}, // [U]
  {from: '2024-01-01', works: 5_538_000, central: 143_000, other: 221_000, defence: 443_000},
  {from: '2026-01-01', works: 5_404_000, central: 140_000, other: 216_000, defence: 432_000},
]

/** For notices: the threshold for a nature (works / supplies / services) at a date. */
export function thresholdFor(date: string, nature: 'works' | 'supplies' | 'services'): number {
  const period = [...EU_THRESHOLDS].reverse().find((p) => date >= p.from) ?? EU_THRESHOLDS[0]!
  return nature === 'works' ? period.works : period.other
}

/**
 * SQL expression giving 'below', 'at-or-above' or 'unknown' for an award row aliased `a`. The
 * value compared is the initial amount (the estimated value decides the procedure, not later
 * modifications). Central government = buyer's SIRENE legal category 71xx (État), when SIRENE
 * was imported.
 */
export function thresholdClassSql(): string {
  const periods = [...EU_THRESHOLDS].reverse()
  const pick = (field: keyof Omit<ThresholdPeriod, 'from'>): string =>
    `CASE ${periods.slice(0, -1).map((p) => `WHEN a.notification_date >= '${p.from}' THEN ${p[field]}`).join(' ')} ELSE ${periods.at(-1)![field]} END`
  const central = `EXISTS (SELECT 1 FROM organisations o WHERE o.siren = substr(a.buyer_id, 1, 9) AND o.legal_category LIKE '71%')`
  const threshold = `CASE
      WHEN a.eu_category IN ('works', 'concession') THEN ${pick('works')}
      WHEN a.eu_category = 'defence' THEN ${pick('defence')}
      WHEN ${central} THEN ${pick('central')}
      ELSE ${pick('other')} END`
  const value = 'coalesce(a.initial_amount, a.amount)'
  return `CASE WHEN ${value} IS NULL OR a.notification_date IS NULL THEN 'unknown'
    WHEN ${value} >= (${threshold}) THEN 'at-or-above' ELSE 'below' END`
}
