// Award indicators on the hand-built fixtures, each expected figure computed by hand.
//
// fixtures/decp/hand-v2.json, once the duplicates are resolved (contract: buyer, year, amount,
// considerations, holders):
//   A-2023-01  A 2023  100 000  Clause sociale                                   H1 (ESS)
//   A-2023-02  A 2023   60 000  env (clause + critère); 50 000 → modification 60 000  H2, H3 (ACI)
//   A-2024-01  A 2024  200 000  Marché réservé, Critère environnemental          H4 (ESAT)
//   A-2024-02  A 2024   90 000  Clause environnementale (publication of 05-01 wins
//                               over 03-10 and 01-20)                            H1 (ESS), H5
//   B-2024-01  B 2024  300 000  Critère social + Clause sociale, Clause env.      H1 (ESS), H3 (ACI), H5
//   B-2024-02  B 2024   40 000  none                                             foreign holder
//   B-DSP-2024 B 2024 1 200 000 Concession réservée; 1 000 000 → modif. 1 200 000 H4 (ESAT)
// SSE lists: H1 ESS-flagged in SIRENE; H3's SIREN listed as ACI (through another establishment,
// 33333333300099); H4 listed as ESAT; H2 'N'; H5 no flag.

import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'
import {readDecp} from '../../src/sources/decp.js'
import {readInclusion} from '../../src/sources/inclusion.js'
import {readSirene} from '../../src/sources/sirene.js'
import {awardStats, parseDimensions} from '../../src/stats/awards.js'
import {beginRun, importAwards} from '../../src/store/awards.js'
import {openDatabase} from '../../src/store/db.js'
import {importOrganisations} from '../../src/store/organisations.js'
import type {Database} from '../../src/store/sqlite.js'
import {FIXTURES} from '../helpers/cli.js'

const quiet = {onProblem: () => undefined}

async function load(db: Database, what: ('v2' | 'v1' | 'csv' | 'sirene' | 'siae' | 'esat')[]): Promise<void> {
  for (const w of what) {
    const run = beginRun(db, 'test', [w])
    if (w === 'v2') await importAwards(db, readDecp(join(FIXTURES, 'decp', 'hand-v2.json')), run, quiet)
    if (w === 'v1') await importAwards(db, readDecp(join(FIXTURES, 'decp', 'hand-v1.json')), run, quiet)
    if (w === 'csv') await importAwards(db, readDecp(join(FIXTURES, 'decp', 'decp-info.csv')), run, quiet)
    if (w === 'sirene') await importOrganisations(db, readSirene(join(FIXTURES, 'sirene', 'unites-legales-subset.csv')), run, {...quiet, all: true})
    if (w === 'siae') await importOrganisations(db, readInclusion(join(FIXTURES, 'inclusion', 'siaes-lemarche-shape.json')), run, quiet)
    if (w === 'esat') await importOrganisations(db, readInclusion(join(FIXTURES, 'inclusion', 'esat-ea.csv')), run, quiet)
  }
}

let db: Database
beforeEach(() => {
  db = openDatabase(':memory:')
})

describe('award indicators on hand-v2.json with SIRENE and inclusion lists', () => {
  it('by year: counts, amounts and shares of social, env, reserved and SSE contracts', async () => {
    await load(db, ['v2', 'sirene', 'siae', 'esat'])
    const {groups, total} = awardStats(db, {by: ['year']})
    expect(groups.map((g) => g.year)).toEqual([2023, 2024])
    const [y2023, y2024] = groups
    expect(y2023).toMatchObject({
      contracts: 2, amount: 160000,                     // 100 000 + 60 000
      social_contracts: 1, social_amount: 100000, social_share: 0.5, social_amount_share: 100000 / 160000,
      env_contracts: 1, env_amount: 60000, env_share: 0.5, env_amount_share: 60000 / 160000,
      reserved_contracts: 0, reserved_amount: 0, reserved_share: 0, reserved_amount_share: 0,
      // A-2023-01 all SSE (100 000) + A-2023-02 one holder of two (60 000 / 2 = 30 000)
      sse_contracts: 2, sse_amount: 130000, sse_share: 1, sse_amount_share: 130000 / 160000,
      sse_ess_contracts: 1, sse_ess_amount: 100000,
      sse_insertion_contracts: 1, sse_insertion_amount: 30000,
      sse_disability_contracts: 0, sse_disability_amount: 0,
    })
    expect(y2024).toMatchObject({
      contracts: 5, amount: 1830000,                    // 200 000 + 90 000 + 300 000 + 40 000 + 1 200 000
      social_contracts: 3, social_amount: 1700000,      // A-2024-01 (réservé) + B-2024-01 + B-DSP-2024 (réservée)
      social_share: 3 / 5, social_amount_share: 1700000 / 1830000,
      env_contracts: 3, env_amount: 590000,             // A-2024-01 + A-2024-02 + B-2024-01
      reserved_contracts: 2, reserved_amount: 1400000, // A-2024-01 + B-DSP-2024
      // 200 000 (ESAT) + 90 000 / 2 (ESS) + 300 000 × 2/3 (ESS + ACI) + 1 200 000 (ESAT)
      sse_contracts: 4, sse_amount: 200000 + 45000 + 200000 + 1200000, sse_share: 4 / 5,
      sse_amount_share: 1645000 / 1830000,
      sse_ess_contracts: 2, sse_ess_amount: 45000 + 100000,            // 90 000 / 2 + 300 000 / 3
      sse_insertion_contracts: 1, sse_insertion_amount: 100000,        // 300 000 / 3
      sse_disability_contracts: 2, sse_disability_amount: 1400000,     // 200 000 + 1 200 000
    })
    expect(total).toMatchObject({
      contracts: 7, amount: 1990000, social_contracts: 4, social_amount: 1800000,
      env_contracts: 4, env_amount: 650000, reserved_contracts: 2, reserved_amount: 1400000,
      sse_contracts: 6, sse_amount: 1775000, sse_amount_share: 1775000 / 1990000,
    })
  })

  it('by buyer and year, filtered by buyer and dates', async () => {
    await load(db, ['v2', 'sirene', 'siae', 'esat'])
    const byBuyer = awardStats(db, {by: ['buyer']}).groups
    // A: 100 000 + 60 000 + 200 000 + 90 000; B: 300 000 + 40 000 + 1 200 000
    expect(byBuyer.map((g) => [g.buyer, g.contracts, g.amount])).toEqual([
      ['21590350100017', 4, 450000], ['22590001600013', 3, 1540000]])
    const a2024 = awardStats(db, {by: ['year', 'buyer'], buyers: ['21590350100017'], from: '2024', to: '2024-12'})
    expect(a2024.groups).toHaveLength(1)
    expect(a2024.groups[0]).toMatchObject({year: 2024, buyer: '21590350100017', contracts: 2, amount: 290000,
      sse_amount: 245000}) // 200 000 + 90 000 / 2
    expect(a2024.total.contracts).toBe(2)
  })

  it('counts SSE whatever the import order, and only for the lists loaded', async () => {
    await load(db, ['sirene', 'v2'])
    // Only H1 is known: A-2023-01 (100 000), A-2024-02 (90 000 / 2), B-2024-01 (300 000 / 3).
    expect(awardStats(db).total).toMatchObject({sse_contracts: 3, sse_amount: 245000, sse_insertion_contracts: 0})
    await load(db, ['siae', 'esat'])
    expect(awardStats(db).total).toMatchObject({sse_contracts: 6, sse_amount: 1775000})
  })

  it('groups by CPV division, département, nature and procedure; unknown keys last', async () => {
    await load(db, ['v2'])
    const pairs = (by: Parameters<typeof parseDimensions>[0]) =>
      awardStats(db, {by: parseDimensions(by)}).groups.map((g) => [g[by!], g.contracts])
    // CPV 45: A-2023-01, A-2024-02; 90: A-2023-02, B-2024-01; 30: A-2024-01; 71: B-2024-02; the concession has none
    expect(pairs('cpv')).toEqual([['30', 1], ['45', 2], ['71', 1], ['90', 2], [null, 1]])
    // 59000 postal ×2 and 59 implicit (B-2024-02 default 59000); 2A004 commune; 62 département; région 32 and none: unknown
    expect(pairs('departement')).toEqual([['2A', 1], ['59', 3], ['62', 1], [null, 2]])
    expect(pairs('nature')).toEqual([['Délégation de service public', 1], ['Marché', 6]])
    expect(pairs('procedure')).toEqual([["Appel d'offres ouvert", 2], ['Procédure adaptée', 4], ['Procédure négociée ouverte', 1]])
  })

  it('classes contracts below or at/above the EU threshold of their kind, on the initial amount', async () => {
    await load(db, ['v2'])
    // Only B-2024-01 (services, 300 000 ≥ 221 000 in 2024) is at or above; the concession's initial
    // 1 000 000 is below 5 538 000; A-2024-01 (supplies, 200 000) is below 221 000.
    const classes = () => awardStats(db, {by: ['threshold']}).groups.map((g) => [g.threshold, g.contracts])
    expect(classes()).toEqual([['at-or-above', 1], ['below', 6]])
    // Once SIRENE says buyer A is a State service (legal category 71xx), its supplies contract of
    // 200 000 meets the central-government threshold (143 000 in 2024).
    const file = join(mkdtempSync(join(tmpdir(), 'clausescope-stats-')), 'etat.csv')
    writeFileSync(file, 'siren,economieSocialeSolidaireUniteLegale,categorieJuridiqueUniteLegale\n215903501,N,7120\n')
    await importOrganisations(db, readSirene(file), 0, {...quiet, all: true})
    expect(classes()).toEqual([['at-or-above', 2], ['below', 5]])
  })

  it('reads v1 and decp.info CSV into the same indicators', async () => {
    await load(db, ['v1', 'csv', 'sirene', 'siae'])
    const {groups} = awardStats(db, {by: ['year']})
    expect(groups.map((g) => g.year)).toEqual([2019, 2024])
    // 2019 (v1): 165 000 (after modification) + 45 000.50 + 2 500 000; SSE: 2019-01 all ESS (165 000),
    // 2019-02 one of two holders listed ACI (45 000.50 / 2); no considerations in v1.
    expect(groups[0]).toMatchObject({contracts: 3, amount: 2710000.5, social_contracts: 0, env_contracts: 0,
      sse_contracts: 2, sse_amount: 165000 + 22500.25})
    // 2024 (CSV): CSV-X notified 2024-01-10 (its modification row says 2025-02-01), current amount
    // 120 000, holders H1 (ESS) and H5 → 60 000; CSV-Y 50 000, critère social + marché réservé + env.
    expect(groups[1]).toMatchObject({contracts: 2, amount: 170000, social_contracts: 2, social_amount: 170000,
      env_contracts: 1, env_amount: 50000, reserved_contracts: 1, reserved_amount: 50000,
      sse_contracts: 1, sse_amount: 60000, sse_ess_amount: 60000})
  })

  it('gives the same figures whatever the order of the decp.info rows', async () => {
    // Original contract rows first this time: the modification's rows must replace the amount
    // and holders but keep the notification date and initial amount.
    const [header, ...rows] = readFileSync(join(FIXTURES, 'decp', 'decp-info.csv'), 'utf8').trim().split('\n')
    const modification = (line: string): number => Number(line.replace(/"[^"]*"/g, '').split(',')[15])
    const file = join(mkdtempSync(join(tmpdir(), 'clausescope-stats-')), 'sorted.csv')
    writeFileSync(file, `${[header, ...rows.sort((a, b) => modification(a) - modification(b))].join('\n')}\n`)
    await load(db, ['sirene'])
    await importAwards(db, readDecp(file), beginRun(db, 'test', [file]), quiet)
    // as above: CSV-X notified in 2024 for 120 000 with H1 (ESS) and H5; CSV-Y 50 000
    expect(awardStats(db, {by: ['year']}).groups).toEqual([expect.objectContaining({year: 2024, contracts: 2, amount: 170000, sse_amount: 60000})])
    expect(db.prepare("SELECT initial_amount, holders FROM awards WHERE uid = '21590350100017CSV-X'").get()).toEqual({initial_amount: 100000, holders: 2})
  })

  it('rejects unknown dimensions and malformed dates', () => {
    expect(() => parseDimensions('year,colour')).toThrow(/--by colour: unknown dimension/)
    expect(() => awardStats(db, {from: '2024/01/01'})).toThrow(/--from 2024\/01\/01: expected a year/)
  })
})
