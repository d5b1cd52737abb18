import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {DocumentError} from '../../src/core/errors.js'
import {extractDocx} from '../../src/extract/docx.js'
import {extract} from '../../src/extract/index.js'
import {docxPackage, wordParagraph} from './office-parts.js'

const DOCS = join(import.meta.dirname, '../../fixtures/docs')

async function documentError(promise: Promise<unknown>): Promise<DocumentError> {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(DocumentError)
  return error as DocumentError
}

describe('DOCX reader', () => {
  it('reads paragraphs with their heading styles as sections, without pages', async () => {
    const doc = await extract({path: 'ccap.docx', bytes: readFileSync(join(DOCS, 'ccap.docx'))})
    expect(doc.format).toBe('docx')
    expect(doc.pageCount).toBeUndefined()
    const clause = doc.segments.find((s) => s.text.includes("350 heures d'insertion"))
    expect(clause?.text).toBe("Le titulaire s'engage à réaliser 350 heures d'insertion au cours de l'exécution du marché, soit environ 7 % des heures travaillées.")
    expect(clause?.section).toEqual([
      'Cahier des clauses administratives particulières (CCAP)',
      "Article 4 – Conditions d'exécution",
      "4.5 Clause d'insertion professionnelle",
    ])
    expect(doc.segments.every((s) => s.page === undefined)).toBe(true)
    expect(doc.segments.some((s) => s.text.includes('1 250 € par constat'))).toBe(true)
  })

  it('takes unnumbered headings from the heading styles, including French "Titre N" styles', async () => {
    const styles = '<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="Titre 1"/></w:style>'
    const bytes = docxPackage(
      wordParagraph('Clauses environnementales', 'Titre1') + wordParagraph('Le titulaire trie ses déchets.'), styles)
    const doc = await extractDocx({path: 'titre.docx', bytes})
    expect(doc.segments.map((s) => [s.text, s.section])).toEqual([
      ['Clauses environnementales', ['Clauses environnementales']],
      ['Le titulaire trie ses déchets.', ['Clauses environnementales']],
    ])
  })

  it('refuses a DOCX whose document part is a zip bomb, before mammoth inflates it', async () => {
    const bytes = docxPackage(wordParagraph('x'), '', [{name: 'word/bomb.xml', data: Buffer.alloc(3 * 1024 * 1024, 0x20)}])
    const e = await documentError(extractDocx({path: 'bomb.docx', bytes}))
    expect(e.status).toBe('failed')
    expect(e.code).toBe('zip-bomb')
    expect(e.message).toContain('bomb.docx')
    expect(e.message).toMatch(/ratio/)
  })

  it('refuses a DOCX part that inflates past its recorded size', async () => {
    const bytes = docxPackage(wordParagraph('x'), '', [{name: 'word/lie.xml', data: Buffer.alloc(200_000, 0x41), declaredSize: 100}])
    const e = await documentError(extractDocx({path: 'lie.docx', bytes}))
    expect(e.code).toBe('zip-bomb')
    expect(e.message).toMatch(/recorded size/)
  })

  it('reports random bytes and a ZIP without a Word document as invalid, naming the file', async () => {
    const random = await documentError(extractDocx({path: 'faux.docx', bytes: readFileSync(join(DOCS, 'random-bytes.pdf'))}))
    expect([random.status, random.code]).toEqual(['failed', 'invalid-docx'])
    expect(random.message).toMatch(/^faux\.docx: this file is not a valid DOCX/)
    const zip = await documentError(extractDocx({path: 'archive.docx', bytes: readFileSync(join(DOCS, 'zip-slip.zip'))}))
    expect([zip.status, zip.code]).toEqual(['failed', 'invalid-docx'])
    expect(zip.message).toContain('archive.docx')
  })

  it('tells an old .doc or a password-protected Word file from a DOCX', async () => {
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])
    const old = await documentError(extractDocx({path: 'ancien.docx', bytes: cfb}))
    expect([old.status, old.code]).toEqual(['not_analysable', 'unsupported-format'])
    const locked = await documentError(extractDocx({path: 'protege.docx', bytes: Buffer.concat([cfb, Buffer.from('EncryptedPackage', 'utf16le')])}))
    expect([locked.status, locked.code]).toEqual(['not_analysable', 'encrypted'])
    expect(locked.message).toContain('protege.docx')
  })

  it('reports a DOCX without text as not analysable', async () => {
    const e = await documentError(extractDocx({path: 'vide.docx', bytes: docxPackage('<w:p/>')}))
    expect([e.status, e.code]).toEqual(['not_analysable', 'empty'])
  })
})
