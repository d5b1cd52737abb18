import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {FIXTURES, parseJsonOutput, runCli} from '../helpers/cli.js'
import {noticeStore} from '../stats/notice-store.js'

interface StatsJson {
  groups: Record<string, string | number | null>[]
  total: Record<string, number | null>
}

let db: string
beforeAll(() => {
  db = join(mkdtempSync(join(tmpdir(), 'clausescope-stats-')), 'awards.db')
  for (const [kind, file] of [['decp', 'decp/hand-v2.json'], ['sirene', 'sirene/unites-legales-subset.csv'],
    ['inclusion', 'inclusion/siaes-lemarche-shape.json'], ['inclusion', 'inclusion/esat-ea.csv']]) {
    expect(runCli(['import', kind!, join(FIXTURES, file!), '--db', db, '--json']).status).toBe(0)
  }
})

describe('clausescope stats', () => {
  it('--json --by year prints exactly {groups, total} with the figures of each year', () => {
    const run = runCli(['stats', '--by', 'year', '--db', db, '--json'])
    expect(run.status).toBe(0)
    const out = parseJsonOutput<StatsJson>(run)
    expect(Object.keys(out)).toEqual(['groups', 'total'])
    // hand-computed in test/stats/awards.test.ts
    expect(out.groups.map((g) => [g.year, g.contracts, g.amount, g.social_contracts, g.env_contracts, g.sse_contracts, g.sse_amount]))
      .toEqual([[2023, 2, 160000, 1, 1, 2, 130000], [2024, 5, 1830000, 3, 3, 4, 1645000]])
    expect(out.total).toMatchObject({contracts: 7, amount: 1990000, reserved_contracts: 2, reserved_share: 2 / 7})
  })

  it('combines --by year,buyer with --buyer and --from/--to', () => {
    const out = parseJsonOutput<StatsJson>(runCli(['stats', '--by', 'year,buyer', '--buyer', '22590001600013', '--from', '2024-01-01', '--to', '2024', '--db', db, '--json']))
    // B in 2024: 300 000 + 40 000 + 1 200 000
    expect(out.groups).toHaveLength(1)
    expect(out.groups[0]).toMatchObject({year: 2024, buyer: '22590001600013', contracts: 3, amount: 1540000})
  })

  it('--format csv prints the same figures as a table with a total row', () => {
    const run = runCli(['stats', '--by', 'year', '--format', 'csv', '--db', db])
    const lines = run.stdout.trim().split('\n')
    const header = lines[0]!.split(',')
    expect(header.slice(0, 4)).toEqual(['year', 'contracts', 'amount', 'social_contracts'])
    expect(header).toContain('sse_disability_amount_share')
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3))).toEqual([['2023', '2', '160000'], ['2024', '5', '1830000'], ['total', '7', '1990000']])
  })

  it('prints a readable table by default, and rejects an unknown dimension with exit code 2', () => {
    const table = runCli(['stats', '--by', 'year', '--db', db])
    expect(table.stdout).toMatch(/^year\s+contracts\s+amount/m)
    expect(table.stdout).toMatch(/^total\s+7\s+1 990 000 €/m)
    const bad = runCli(['stats', '--by', 'colour', '--db', db])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/--by colour: unknown dimension/)
  })

  it('--notices gives procedure-level figures from analysed documents', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'clausescope-stats-')), 'notices.db')
    noticeStore(file).close()
    const out = parseJsonOutput<StatsJson>(runCli(['stats', '--notices', '--by', 'year', '--db', file, '--json']))
    expect(out.total).toMatchObject({notices: 4, analysed: 3, not_analysable: 1, 'insertion-clause_notices': 2})
    expect(out.groups.map((g) => g.year)).toEqual([2024, 2025, null])
  })
})
