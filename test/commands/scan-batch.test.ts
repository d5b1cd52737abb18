// One batch with every kind of bad input a DCE folder can hold, next to good documents:
// each bad one ends with the right status and a reason naming it; the good ones are analysed.
import {cpSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {FIXTURES, parseJsonOutput, runCli} from '../helpers/cli.js'

interface Doc {path: string; status: string; errorCode?: string; reason?: string; findings: Array<{category: string; page?: number}>}

const BAD: Array<[string, string, string]> = [
  ['docs/empty.pdf', 'not_analysable', 'empty'],
  ['docs/encrypted-user-password.pdf', 'not_analysable', 'encrypted'],
  ['docs/scanned-image-only.pdf', 'not_analysable', 'no-text-layer'],
  ['docs/truncated.pdf', 'failed', 'invalid-pdf'],
  ['docs/random-bytes.pdf', 'failed', 'invalid-pdf'],
  ['docs/truncated.zip', 'failed', 'invalid-zip'],
  ['docs/zip-bomb.zip', 'failed', 'zip-bomb'],
  ['notices/entity-bomb.xml', 'failed', 'xml-entities'],
]
const GOOD = ['docs/ccap-3pages.pdf', 'docs/ccap.docx', 'docs/avis-cp1252.html', 'docs/dce-nested.zip', 'notices/ted-f02-reserved-workshop-028434-2020.xml']

describe('scan on a batch with broken, encrypted, scanned and hostile documents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clausescope-batch-'))
  for (const f of [...BAD.map((b) => b[0]), ...GOOD, 'docs/zip-slip.zip']) cpSync(join(FIXTURES, f), join(dir, f.replace('/', '-')))
  const run = runCli(['scan', dir, '--no-store', '--json'])
  const docs = parseJsonOutput<{documents: Doc[]}>(run).documents
  const byName = (name: string) => docs.filter((d) => d.path.includes(name))

  it('runs to the end and exits 0', () => {
    expect(run.status).toBe(0)
  })

  it.each(BAD)('%s ends %s (%s) with a reason naming the file', (file, status, code) => {
    const name = file.replace('/', '-')
    const [doc] = byName(name)
    expect(doc).toMatchObject({status, errorCode: code})
    expect(doc?.reason).toContain(name)
  })

  it('refuses the members of a ZIP whose names climb out, and still reads its good member', () => {
    const members = byName('zip-slip.zip!')
    const refused = members.filter((d) => d.errorCode === 'unsafe-path')
    expect(refused.length).toBeGreaterThanOrEqual(2)
    expect(refused.some((d) => d.path.includes('../../x.txt'))).toBe(true)
    expect(members.some((d) => d.status === 'analysed' && d.path.endsWith('ok/avis.txt'))).toBe(true)
  })

  it('analyses the good documents, nested archive members included, with page numbers for PDFs', () => {
    for (const g of GOOD.filter((g) => !g.endsWith('.zip'))) expect(byName(g.replace('/', '-'))[0]?.status).toBe('analysed')
    const nested = byName('dce-nested.zip!')
    expect(nested.some((d) => d.path.includes('Annexes.zip!/'))).toBe(true)
    expect(nested.every((d) => d.status === 'analysed')).toBe(true)
    const pdf = byName('ccap-3pages.pdf')[0]
    expect(pdf?.findings.some((f) => typeof f.page === 'number' && f.page > 1)).toBe(true)
  })
})
