import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {FIXTURES, parseJsonOutput, runCli} from '../helpers/cli.js'

interface ImportJson {
  counts: {records: number; added: number; replaced: number; superseded: number; merged: number; skipped: number; holders: number}
  contracts: number
  database: string
}

const tempDb = (): string => join(mkdtempSync(join(tmpdir(), 'clausescope-import-')), 'awards.db')

describe('clausescope import decp', () => {
  it('reports counts, keeps one contract per uid, and warns about each bad record by name', () => {
    const db = tempDb()
    const run = runCli(['import', 'decp', join(FIXTURES, 'decp', 'hand-v2.json'), '--db', db, '--json'])
    expect(run.status).toBe(0)
    const out = parseJsonOutput<ImportJson>(run)
    // 11 records: 7 contracts, A-2024-02 published 3 times (1 later replaces, 1 older ignored), 2 bad
    expect(out.counts).toEqual({records: 11, added: 7, replaced: 1, superseded: 1, merged: 0, skipped: 2, holders: 11})
    expect(out.contracts).toBe(7)
    expect(out.database).toBe(db)
    expect(run.stderr).toMatch(/warning: skipped .*hand-v2\.json: marches\.marche\[3\].*id X-2024-09: no buyer SIRET/)
    expect(run.stderr).toMatch(/warning: skipped .*marches\.marche\[7\].*not a JSON object/)
  })

  it('imports the same file twice without duplicating contracts', () => {
    const db = tempDb()
    runCli(['import', 'decp', join(FIXTURES, 'decp', 'hand-v2.json'), '--db', db, '--json'])
    const again = parseJsonOutput<ImportJson>(runCli(['import', 'decp', join(FIXTURES, 'decp', 'hand-v2.json'), '--db', db, '--json']))
    // every valid record but the two older publications of A-2024-02 replaces its stored twin
    expect(again.counts).toMatchObject({added: 0, replaced: 7, superseded: 2, skipped: 2})
    expect(again.contracts).toBe(7)
  })

  it('adds v1 and decp.info CSV files to the same store, and caps the warnings printed', () => {
    const db = tempDb()
    const v1 = parseJsonOutput<ImportJson>(runCli(['import', 'decp', join(FIXTURES, 'decp', 'hand-v1.json'), '--db', db, '--json']))
    expect(v1.counts).toMatchObject({records: 4, added: 3, skipped: 1})
    const csv = runCli(['import', 'decp', join(FIXTURES, 'decp', 'decp-info.csv'), '--db', db, '--json', '--max-warnings', '0'])
    const out = parseJsonOutput<ImportJson>(csv)
    // 6 rows: CSV-X (4 rows: 2 holders × 2 modifications) and CSV-Y, 1 row without identifier
    expect(out.counts).toMatchObject({records: 6, added: 2, skipped: 1})
    expect(out.contracts).toBe(5)
    expect(csv.stderr).toMatch(/… and 1 more skipped records/)
    expect(csv.stderr).not.toMatch(/line 5/)
  })

  it('says which file is missing, and uses CLAUSESCOPE_DB', () => {
    const db = tempDb()
    const missing = runCli(['import', 'decp', join(FIXTURES, 'decp', 'nope.json'), '--db', db])
    expect(missing.status).not.toBe(0)
    expect(missing.stderr).toMatch(/nope\.json: cannot read/)
    const run = runCli(['import', 'decp', join(FIXTURES, 'decp', 'hand-v1.json'), '--json'], {env: {CLAUSESCOPE_DB: db}})
    expect(parseJsonOutput<ImportJson>(run).database).toBe(db)
  })
})

describe('clausescope import sirene and inclusion', () => {
  it('keeps ESS flags and legal units, skipping malformed SIRENs with a warning', () => {
    const db = tempDb()
    const run = runCli(['import', 'sirene', join(FIXTURES, 'sirene', 'unites-legales-subset.csv'), '--db', db, '--json'])
    expect(run.status).toBe(0)
    const out = parseJsonOutput<{counts: Record<string, number>; lists: Record<string, number>}>(run)
    // 6 rows; '12AB' is no SIREN; nothing in the store yet, so only ESS-flagged units (111111111,
    // 066666666) and public bodies (225900016, category 7220) are kept
    expect(out.counts).toEqual({records: 6, kept: 3, ignored: 2, skipped: 1})
    expect(out.lists).toMatchObject({organisations: 3, ess: 2})
    expect(run.stderr).toMatch(/line 6: '12AB' is not a SIREN/)
    const all = parseJsonOutput<{counts: Record<string, number>}>(runCli(['import', 'sirene', join(FIXTURES, 'sirene', 'unites-legales-subset.csv'), '--db', db, '--all', '--json']))
    expect(all.counts).toMatchObject({kept: 5, ignored: 0})
  })

  it('refuses a SIRENE file without the ESS column, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clausescope-import-'))
    writeFileSync(join(dir, 'ul.csv'), 'siren,denominationUniteLegale\n111111111,X\n')
    const run = runCli(['import', 'sirene', join(dir, 'ul.csv'), '--db', join(dir, 'x.db')])
    expect(run.status).not.toBe(0)
    expect(run.stderr.replace(/\s+/g, ' ')).toMatch(/ul\.csv: not a SIRENE legal-units file: it needs the columns 'siren' and 'economieSocialeSolidaireUniteLegale'/)
  })

  it('reads the Marché de l’inclusion shape and CSV lists, with --kind for lists without kinds', () => {
    const db = tempDb()
    const json = parseJsonOutput<{counts: Record<string, number>; lists: Record<string, number>}>(
      runCli(['import', 'inclusion', join(FIXTURES, 'inclusion', 'siaes-lemarche-shape.json'), '--db', db, '--json']))
    // ACI and ETTI kept; a 4-digit SIRET and the SEP kind refused
    expect(json.counts).toMatchObject({records: 4, kept: 2, skipped: 2})
    const csv = parseJsonOutput<{lists: Record<string, number>}>(
      runCli(['import', 'inclusion', join(FIXTURES, 'inclusion', 'esat-ea.csv'), '--db', db, '--json']))
    expect(csv.lists).toMatchObject({structures: 4, insertion: 2, disability: 2})
    const dir = mkdtempSync(join(tmpdir(), 'clausescope-import-'))
    writeFileSync(join(dir, 'esat.csv'), 'siret,nom\n12345678900012,ESAT X\n')
    const noKind = runCli(['import', 'inclusion', join(dir, 'esat.csv'), '--db', db])
    expect(noKind.stderr).toMatch(/esat\.csv: no kind column/)
    const withKind = parseJsonOutput<{lists: Record<string, number>}>(runCli(['import', 'inclusion', join(dir, 'esat.csv'), '--kind', 'esat', '--db', db, '--json']))
    expect(withKind.lists.disability).toBe(3)
  })
})
