// The amount rule on modifications ("the montant of its latest modification that states one, else
// its montant"), end to end from the file to the indicators, for the edge cases a held-out check
// found: a modification stating 0, a concession modification writing montant, and decp.info rows
// whose current modification row states no amount (rows in either order).

import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {readDecp} from '../../src/sources/decp.js'
import {awardStats} from '../../src/stats/awards.js'
import {beginRun, importAwards} from '../../src/store/awards.js'
import {openDatabase} from '../../src/store/db.js'
import {FIXTURES} from '../helpers/cli.js'

async function amountsOf(file: string): Promise<Record<string, number | null>> {
  const db = openDatabase(':memory:')
  await importAwards(db, readDecp(join(FIXTURES, 'decp', file), {worker: false}), beginRun(db, 'test', [file]), {onProblem: () => undefined})
  const rows = db.prepare('SELECT record_id, amount FROM awards ORDER BY record_id').all() as {record_id: string; amount: number | null}[]
  const total = awardStats(db, {by: ['buyer']}).total
  db.close()
  return {...Object.fromEntries(rows.map((r) => [r.record_id, r.amount])), total: total.amount ?? null}
}

describe('amount of the latest modification stating one', () => {
  it('DECP v2: a modification stating 0 states none; a concession modification may write montant', async () => {
    expect(await amountsOf('modification-amounts.json')).toEqual({
      'MOD-ZERO': 95000,     // modification 2 (montant 0, duration only) does not erase modification 1
      'DSP-MONTANT': 650000, // valeurGlobale 500 000, then a modification writing montant 650 000
      total: 745000,
    })
  })

  it('decp.info CSV: the current row without amount keeps the latest amount stated, rows in any order', async () => {
    expect(await amountsOf('modification-rows.csv')).toEqual({
      'UP-1': 110000,   // rows 0, 1 (110 000), 2 (current, empty)
      'DOWN-1': 70000,  // rows 2 (current, empty), 1 (70 000), 0 (60 000)
      'ZERO-1': 45000,  // row 1 (current) states 0
      total: 225000,
    })
  })
})
