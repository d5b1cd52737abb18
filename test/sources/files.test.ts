import {copyFileSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {isInputProblem, type InputFile, type InputProblem} from '../../src/extract/types.js'
import {readInputs} from '../../src/sources/files.js'

const DOCS = join(import.meta.dirname, '../../fixtures/docs')

async function collect(paths: string[]) {
  const files: InputFile[] = []
  const problems: InputProblem[] = []
  for await (const x of readInputs(paths)) (isInputProblem(x) ? problems : files).push(x as never)
  return {files, problems}
}

describe('readInputs', () => {
  it('walks folders in a stable order and expands ZIP archives into their members', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clausescope-files-'))
    mkdirSync(join(dir, 'b-sous-dossier'))
    mkdirSync(join(dir, '__MACOSX'))
    copyFileSync(join(DOCS, 'ccap-3pages.pdf'), join(dir, 'b-sous-dossier', 'CCAP.pdf'))
    copyFileSync(join(DOCS, 'dce-nested.zip'), join(dir, 'a-DCE.zip'))
    copyFileSync(join(DOCS, 'avis-cp1252.html'), join(dir, 'c-avis.html'))
    writeFileSync(join(dir, '__MACOSX', '._CCAP.pdf'), 'junk')
    writeFileSync(join(dir, '~$CCAP.docx'), 'Office lock file')
    const {files, problems} = await collect([dir])
    expect(problems).toEqual([])
    const zip = join(dir, 'a-DCE.zip')
    expect(files.map((f) => f.path)).toEqual([
      `${zip}!/DCE/Annexes.zip!/Annexes/annexe-1.html`,
      `${zip}!/DCE/Annexes.zip!/Annexes/Plans/lisez-moi.txt`,
      `${zip}!/DCE/Pieces_techniques/CCTP.odt`,
      `${zip}!/DCE/Pieces_administratives/CCAP.pdf`,
      `${zip}!/DCE/Pieces_administratives/CCAP.docx`,
      join(dir, 'b-sous-dossier', 'CCAP.pdf'),
      join(dir, 'c-avis.html'),
    ])
    expect(files.filter((f) => f.path.startsWith(`${zip}!/`)).every((f) => f.container === zip)).toBe(true)
    expect(files.find((f) => f.path.endsWith('c-avis.html'))?.container).toBeUndefined()
  })

  it('turns a hostile archive into problems without stopping the walk', async () => {
    const {files, problems} = await collect([join(DOCS, 'zip-bomb.zip'), join(DOCS, 'zip-slip.zip'), join(DOCS, 'ccap.docx')])
    expect(problems.map((p) => p.errorCode)).toEqual(['zip-bomb', 'unsafe-path', 'unsafe-path', 'unsafe-path', 'unsafe-path'])
    expect(files.map((f) => f.path)).toEqual([
      `${join(DOCS, 'zip-slip.zip')}!/ok/avis.txt`, `${join(DOCS, 'zip-slip.zip')}!/ok/Pièces.txt`, join(DOCS, 'ccap.docx'),
    ])
  })

  it('reports a missing path as a problem naming it', async () => {
    const {files, problems} = await collect(['/nonexistent/DCE.zip'])
    expect(files).toEqual([])
    expect(problems).toEqual([expect.objectContaining({path: '/nonexistent/DCE.zip', status: 'failed', errorCode: 'not-found'})])
    expect(problems[0]?.reason).toContain('/nonexistent/DCE.zip')
  })
})
