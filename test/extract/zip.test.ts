import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {isInputProblem, type InputFile, type InputProblem} from '../../src/extract/types.js'
import {expandZip, ZIP_LIMITS, type ZipLimits} from '../../src/extract/zip.js'
import {writeZip} from './zip-writer.js'

const DOCS = join(import.meta.dirname, '../../fixtures/docs')
const fixture = (name: string) => readFileSync(join(DOCS, name))

async function expand(path: string, bytes: Buffer, limits?: Partial<ZipLimits>) {
  const files: InputFile[] = []
  const problems: InputProblem[] = []
  for await (const x of expandZip({path, bytes}, {...ZIP_LIMITS, ...limits})) {
    if (isInputProblem(x)) problems.push(x)
    else files.push(x)
  }
  return {files, problems}
}

const text = (s: string) => Buffer.from(s, 'utf8')

describe('ZIP expansion', () => {
  it('yields every member of a DCE with nested folders and a nested ZIP, skipping folders and __MACOSX', async () => {
    const {files, problems} = await expand('in/DCE.zip', fixture('dce-nested.zip'))
    expect(problems).toEqual([])
    expect(files.map((f) => f.path).sort()).toEqual([
      'in/DCE.zip!/DCE/Annexes.zip!/Annexes/Plans/lisez-moi.txt',
      'in/DCE.zip!/DCE/Annexes.zip!/Annexes/annexe-1.html',
      'in/DCE.zip!/DCE/Pieces_administratives/CCAP.docx',
      'in/DCE.zip!/DCE/Pieces_administratives/CCAP.pdf',
      'in/DCE.zip!/DCE/Pieces_techniques/CCTP.odt',
    ])
    for (const f of files) expect(f.container).toBe('in/DCE.zip')
    const pdf = files.find((f) => f.path.endsWith('CCAP.pdf'))
    expect(pdf?.bytes.equals(fixture('ccap-3pages.pdf'))).toBe(true)
    expect(files.find((f) => f.path.endsWith('annexe-1.html'))?.bytes.equals(fixture('avis-latin1.html'))).toBe(true)
  })

  it('refuses members whose names climb out, and still reads the others', async () => {
    const {files, problems} = await expand('zip-slip.zip', fixture('zip-slip.zip'))
    expect(files.map((f) => f.path)).toEqual(['zip-slip.zip!/ok/avis.txt', 'zip-slip.zip!/ok/Pièces.txt'])
    expect(files[0]?.bytes.toString('utf8')).toContain("heures d’insertion")
    expect(problems).toHaveLength(4)
    for (const p of problems) {
      expect(p).toMatchObject({status: 'failed', errorCode: 'unsafe-path', container: 'zip-slip.zip'})
      expect(p.reason.startsWith(`${p.path}:`)).toBe(true)
    }
    expect(problems.map((p) => p.path)).toEqual([
      'zip-slip.zip!/../../x.txt', 'zip-slip.zip!//etc/cron.d/evil.txt', 'zip-slip.zip!/../../windows.txt', 'zip-slip.zip!/C:/Users/evil.txt',
    ])
  })

  it('refuses a zip bomb (1.1 GB declared, 17 KB on disk) without inflating it', async () => {
    const {files, problems} = await expand('zip-bomb.zip', fixture('zip-bomb.zip'))
    expect(files).toEqual([])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({path: 'zip-bomb.zip', status: 'failed', errorCode: 'zip-bomb'})
    expect(problems[0]?.reason).toMatch(/^zip-bomb\.zip: .*1\.1 GB.*limit of 500\.0 MB/)
  })

  it('refuses one member above the compression-ratio limit and keeps the good one', async () => {
    const bytes = writeZip([{name: 'zeros.txt', data: Buffer.alloc(2 * 1024 * 1024)}, {name: 'avis.txt', data: text('Avis.')}])
    const {files, problems} = await expand('a.zip', bytes)
    expect(files.map((f) => f.path)).toEqual(['a.zip!/avis.txt'])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({path: 'a.zip!/zeros.txt', errorCode: 'zip-bomb'})
    expect(problems[0]?.reason).toMatch(/ratio \d+:1, limit 100:1/)
  })

  it('stops a member that inflates past its recorded size (sizes that lie)', async () => {
    const bytes = writeZip([{name: 'petit.txt', data: Buffer.alloc(300_000, 0x41), declaredSize: 100}, {name: 'avis.txt', data: text('Avis.')}])
    const {files, problems} = await expand('lie.zip', bytes)
    expect(problems.map((p) => [p.path, p.errorCode])).toEqual([['lie.zip!/petit.txt', 'zip-bomb']])
    expect(files.map((f) => f.path)).toEqual(['lie.zip!/avis.txt'])
  })

  it('counts inflated bytes across members and nested archives against the total limit', async () => {
    const inner = writeZip([{name: 'b.txt', data: Buffer.alloc(600, 0x42)}])
    const bytes = writeZip([{name: 'a.txt', data: Buffer.alloc(600, 0x41)}, {name: 'inner.zip', data: inner, method: 0}])
    const {files, problems} = await expand('t.zip', bytes, {maxTotalBytes: 1200})
    expect(files.map((f) => f.path)).toEqual(['t.zip!/a.txt'])
    expect(problems.map((p) => [p.path, p.errorCode])).toEqual([['t.zip!/inner.zip', 'zip-bomb']])
  })

  it('refuses an archive with more members than the limit', async () => {
    const bytes = writeZip(Array.from({length: 5}, (_, i) => ({name: `f${i}.txt`, data: text('x')})))
    const {files, problems} = await expand('many.zip', bytes, {maxMembers: 4})
    expect(files).toEqual([])
    expect(problems[0]).toMatchObject({path: 'many.zip', errorCode: 'zip-bomb'})
    expect(problems[0]?.reason).toMatch(/5 members, more than the limit of 4/)
  })

  it('expands nested archives up to three levels and refuses deeper ones', async () => {
    const {files, problems} = await expand('deep.zip', fixture('zip-nested-too-deep.zip'))
    expect(files).toEqual([])
    expect(problems).toEqual([expect.objectContaining({
      path: 'deep.zip!/niveau-2.zip!/niveau-3.zip!/niveau-4.zip', errorCode: 'zip-bomb', container: 'deep.zip',
    })])
    const ok = await expand('deep.zip', fixture('zip-nested-too-deep.zip'), {maxDepth: 4})
    expect(ok.files.map((f) => f.path)).toEqual(['deep.zip!/niveau-2.zip!/niveau-3.zip!/niveau-4.zip!/fond.txt'])
  })

  it('reports a truncated archive as one problem naming it', async () => {
    const {files, problems} = await expand('fixtures/docs/truncated.zip', fixture('truncated.zip'))
    expect(files).toEqual([])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({path: 'fixtures/docs/truncated.zip', status: 'failed', errorCode: 'invalid-zip'})
    expect(problems[0]?.reason).toMatch(/^fixtures\/docs\/truncated\.zip: this file is not a valid ZIP archive or is truncated/)
  })

  it('reports encrypted, unreadable-format and badly compressed members, and reads the rest', async () => {
    const bytes = writeZip([
      {name: 'secret.pdf', data: text('%PDF-1.4 ...'), method: 0, encrypted: true},
      {name: 'plan.dwg', data: text('AC1027')},
      {name: 'cctp.pdf', data: text('%PDF-1.4 x'), method: 9},
      {name: 'Pièces/lisez-moi', data: text('Bonjour')},
    ])
    const {files, problems} = await expand('m.zip', bytes)
    expect(problems.map((p) => [p.path, p.status, p.errorCode])).toEqual([
      ['m.zip!/secret.pdf', 'not_analysable', 'encrypted'],
      ['m.zip!/plan.dwg', 'not_analysable', 'unsupported-format'],
      ['m.zip!/cctp.pdf', 'failed', 'unsupported-compression'],
    ])
    expect(files.map((f) => [f.path, f.bytes.toString('utf8')])).toEqual([['m.zip!/Pièces/lisez-moi', 'Bonjour']])
  })

  it('reports an archive without documents as not analysable', async () => {
    const bytes = writeZip([{name: 'vide/'}, {name: '__MACOSX/._x'}])
    const {files, problems} = await expand('vide.zip', bytes)
    expect(files).toEqual([])
    expect(problems).toEqual([expect.objectContaining({path: 'vide.zip', status: 'not_analysable', errorCode: 'empty'})])
  })
})
