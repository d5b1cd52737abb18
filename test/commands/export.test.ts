import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import ExcelJS from 'exceljs'
import {beforeAll, describe, expect, it} from 'vitest'
import {FIXTURES, parseJsonOutput, runCli} from '../helpers/cli.js'
import {noticeStore} from '../stats/notice-store.js'

let dir: string
let awardsDb: string
let noticesDb: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clausescope-export-'))
  awardsDb = join(dir, 'awards.db')
  noticesDb = join(dir, 'notices.db')
  runCli(['import', 'decp', join(FIXTURES, 'decp', 'hand-v2.json'), '--db', awardsDb, '--json'])
  runCli(['import', 'sirene', join(FIXTURES, 'sirene', 'unites-legales-subset.csv'), '--db', awardsDb, '--json'])
  noticeStore(noticesDb).close()
})

describe('clausescope export', () => {
  it('writes awards as CSV, one row per contract, with the holders and SSE figures', () => {
    const out = join(dir, 'awards.csv')
    const run = runCli(['export', 'awards', '--format', 'csv', '--out', out, '--db', awardsDb, '--json'])
    expect(parseJsonOutput(run)).toEqual({kind: 'awards', format: 'csv', out, rows: {awards: 7}})
    const lines = readFileSync(out, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(8)
    const header = lines[0]!.split(',')
    const b1 = lines.find((l) => l.startsWith('22590001600013B-2024-01,'))!
    // the buyer's name comes from SIRENE; holders are listed as type:identifier
    expect(b1).toContain('DEPARTEMENT DU NORD')
    expect(b1).toContain('SIRET:11111111100011; SIRET:33333333300033; SIRET:55555555500055')
    expect(header).toContain('sse_amount')
  })

  it('writes NDJSON with the same columns', () => {
    const out = join(dir, 'awards.ndjson')
    runCli(['export', 'awards', '--out', out, '--db', awardsDb])
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(rows).toHaveLength(7)
    expect(rows.find((r) => r.uid === '21590350100017A-2023-02')).toMatchObject({amount: 60000, initial_amount: 50000, holders: 2, env: 1})
  })

  it('writes XLSX with one sheet per entity and a sheet describing the columns', async () => {
    const out = join(dir, 'awards.xlsx')
    const run = parseJsonOutput<{rows: Record<string, number>}>(runCli(['export', 'awards', '--out', out, '--db', awardsDb, '--json']))
    expect(run.rows).toEqual({awards: 7, holders: 11})
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    expect(wb.worksheets.map((s) => s.name)).toEqual(['awards', 'holders', 'columns'])
    const awards = wb.getWorksheet('awards')!
    expect(awards.rowCount).toBe(8)
    expect(awards.getRow(2).getCell(3).value).toBe('21590350100017') // SIRET kept as text
    const columns = wb.getWorksheet('columns')!
    expect(columns.getRow(1).values).toEqual([undefined, 'sheet', 'column', 'description', 'source'])
    expect(columns.rowCount).toBeGreaterThan(30)
  })

  it('exports notices and findings of analysed documents', () => {
    const notices = join(dir, 'notices.csv'), findings = join(dir, 'findings.csv')
    runCli(['export', 'notices', '--out', notices, '--db', noticesDb])
    runCli(['export', 'findings', '--out', findings, '--db', noticesDb])
    expect(readFileSync(notices, 'utf8').trim().split('\n')).toHaveLength(7) // 6 documents
    const f = readFileSync(findings, 'utf8')
    expect(f.trim().split('\n')).toHaveLength(6) // 5 findings
    expect(f).toContain('350 heures d’insertion')
  })

  it('writes OCDS releases with the sustainability extension fields', () => {
    const out = join(dir, 'ocds.json')
    const run = parseJsonOutput<{rows: Record<string, number>}>(runCli(['export', 'ocds', '--out', out, '--db', noticesDb, '--ocid-prefix', 'ocds-test00', '--json']))
    expect(run.rows).toEqual({releases: 4})
    const pkg = JSON.parse(readFileSync(out, 'utf8')) as {extensions: string[]; releases: {ocid: string; tender: Record<string, unknown>}[]}
    expect(pkg.extensions[0]).toMatch(/ocds_sustainability_extension/)
    const dce = pkg.releases.find((r) => r.ocid === 'ocds-test00-dce1-zip')!
    expect(dce.tender.hasSustainability).toBe(true)
    expect((dce.tender.sustainability as {goal: string; strategies: string[]}[]).map((s) => [s.goal, s.strategies])).toEqual([
      ['environmental', ['awardCriteria', 'contractPerformanceConditions']],
      ['social.disadvantagedEmploymentOpportunities', ['contractPerformanceConditions']],
    ])
  })

  it('refuses a format that does not fit the kind', () => {
    const run = runCli(['export', 'ocds', '--format', 'xlsx', '--out', join(dir, 'x.xlsx'), '--db', noticesDb])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/export ocds --format xlsx: use json or ndjson/)
  })
})
