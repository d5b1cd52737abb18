import {mkdtempSync, writeFileSync, cpSync, existsSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {openDatabase} from '../../src/store/db.js'
import {FIXTURES, parseJsonOutput, runCli} from '../helpers/cli.js'

interface ScanJson {
  documents: Array<{path: string; status: string; reason?: string; errorCode?: string; findings: Array<{category: string; page?: number; quote: string}>}>
  summary: {documents: number; analysed: number; not_analysable: number; failed: number; cached: number}
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'clausescope-scan-'))
}

describe('clausescope scan', () => {
  it('prints exactly one JSON value with a status for every document', () => {
    const run = runCli(['scan', join(FIXTURES, 'sample-dce'), '--no-store', '--json'])
    expect(run.status).toBe(0)
    const out = parseJsonOutput<ScanJson>(run)
    expect(out.documents).toHaveLength(3)
    for (const d of out.documents) expect(['analysed', 'not_analysable', 'failed']).toContain(d.status)
    expect(out.summary.documents).toBe(3)
  })

  it('keeps one row per document when the same folder is scanned twice, and reuses stored results', () => {
    const dir = tempDir()
    const db = join(dir, 'scan.db')
    const first = parseJsonOutput<ScanJson>(runCli(['scan', join(FIXTURES, 'sample-dce'), '--db', db, '--json']))
    expect(first.summary.cached).toBe(0)
    const second = parseJsonOutput<ScanJson>(runCli(['scan', join(FIXTURES, 'sample-dce'), '--db', db, '--json']))
    expect(second.summary.cached).toBe(3)
    const conn = openDatabase(db)
    const rows = conn.prepare('SELECT count(*) AS n FROM documents').get() as {n: number}
    conn.close()
    expect(rows.n).toBe(3)
    expect(second.documents.map((d) => d.findings.length)).toEqual(first.documents.map((d) => d.findings.length))
  })

  it('uses CLAUSESCOPE_DB when --db is absent, and --no-store writes nothing', () => {
    const dir = tempDir()
    const db = join(dir, 'env.db')
    runCli(['scan', join(FIXTURES, 'sample-dce'), '--json'], {env: {CLAUSESCOPE_DB: db}})
    expect(existsSync(db)).toBe(true)
    const cwd = tempDir()
    runCli(['scan', join(FIXTURES, 'sample-dce'), '--no-store', '--json'], {cwd, env: {CLAUSESCOPE_DB: ''}})
    expect(existsSync(join(cwd, 'clausescope.db'))).toBe(false)
  })

  it('does not stop a batch on bad documents and says what is wrong with each', () => {
    const dir = tempDir()
    cpSync(join(FIXTURES, 'sample-dce', 'Pieces_techniques'), join(dir, 'good'), {recursive: true})
    writeFileSync(join(dir, 'empty.pdf'), '')
    writeFileSync(join(dir, 'noise.pdf'), Buffer.from(Array.from({length: 4096}, (_, i) => (i * 7919) % 251)))
    writeFileSync(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))
    const run = runCli(['scan', dir, '--no-store', '--json'])
    expect(run.status).toBe(0)
    const out = parseJsonOutput<ScanJson>(run)
    const byName = Object.fromEntries(out.documents.map((d) => [d.path.split('/').pop(), d]))
    expect(byName['CCTP_Clauses_techniques.pdf']?.status).toBe('analysed')
    expect(byName['empty.pdf']).toMatchObject({status: 'not_analysable', errorCode: 'empty'})
    expect(byName['empty.pdf']?.reason).toContain('empty.pdf')
    expect(byName['noise.pdf']?.status).toBe('failed')
    expect(byName['noise.pdf']?.reason).toContain('noise.pdf')
    expect(byName['photo.jpg']).toMatchObject({status: 'not_analysable', errorCode: 'unsupported-format'})
  })

  it('prints a readable summary without --json', () => {
    const run = runCli(['scan', join(FIXTURES, 'sample-dce'), '--no-store'])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/3 document\(s\): 3 analysed, 0 not analysable, 0 failed/)
    expect(run.stdout).toContain('CCAP_Clauses_administratives.docx')
  })

  it('exits 2 with a usage error when no path is given', () => {
    const run = runCli(['scan'])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/path/i)
    const json = runCli(['scan', '--json'])
    expect(json.status).toBe(2)
    expect(parseJsonOutput<{error: {message: string; exit: number}}>(json).error).toMatchObject({exit: 2, message: expect.stringMatching(/path/)})
  })
})
