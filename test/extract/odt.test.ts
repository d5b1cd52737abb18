import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {DocumentError} from '../../src/core/errors.js'
import {extract} from '../../src/extract/index.js'
import {extractOdt} from '../../src/extract/odt.js'
import {ODF_NS, odtPackage} from './office-parts.js'

const DOCS = join(import.meta.dirname, '../../fixtures/docs')
const content = (body: string, doctype = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>${doctype}<office:document-content ${ODF_NS}><office:body><office:text>${body}</office:text></office:body></office:document-content>`

async function documentError(promise: Promise<unknown>): Promise<DocumentError> {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(DocumentError)
  return error as DocumentError
}

describe('ODT reader', () => {
  it('reads a LibreOffice document with its outline headings as sections', async () => {
    const doc = await extract({path: 'ccap.odt', bytes: readFileSync(join(DOCS, 'ccap.odt'))})
    expect(doc.format).toBe('odt')
    const clause = doc.segments.find((s) => s.text.includes("350 heures d'insertion"))
    expect(clause?.section?.slice(1)).toEqual(["Article 4 – Conditions d'exécution", "4.5 Clause d'insertion professionnelle"])
    expect(clause?.page).toBeUndefined()
    expect(doc.segments.some((s) => s.text === 'Le montant de la pénalité pour défaut de tri est fixé à 1 250 € par constat.')).toBe(true)
  })

  it('decodes predefined entities and spaces, keeps table rows on one line, skips the table of contents', async () => {
    const body =
      '<text:table-of-content><text:index-body><text:p>Sommaire 4</text:p></text:index-body></text:table-of-content>' +
      '<text:h text:outline-level="1">Critères d&apos;attribution</text:h>' +
      '<table:table><table:table-row><table:table-cell><text:p>Valeur technique</text:p></table:table-cell>' +
      '<table:table-cell><text:p>60<text:s/>%</text:p></table:table-cell></table:table-row></table:table>' +
      '<text:p>Prix &amp; d&#233;lais<text:line-break/>Suite.</text:p>'
    const doc = await extractOdt({path: 'x.odt', bytes: odtPackage(content(body))})
    expect(doc.segments.map((s) => s.text)).toEqual(["Critères d'attribution", 'Valeur technique 60 %', 'Prix & délais', 'Suite.'])
    expect(doc.segments[1]?.section).toEqual(["Critères d'attribution"])
  })

  it('never expands entities declared in a DOCTYPE', async () => {
    const doctype = '<!DOCTYPE office:document-content [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    const doc = await extractOdt({path: 'x.odt', bytes: odtPackage(content('<text:p>Texte &b; fin.</text:p>', doctype))})
    expect(doc.segments.map((s) => s.text).join(' ')).not.toContain('AAAA')
  })

  it('reports a password-protected ODT as encrypted and a ZIP without content.xml as invalid', async () => {
    const manifest = '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>'
    const locked = await documentError(extractOdt({path: 'protege.odt', bytes: odtPackage('garbage', manifest)}))
    expect([locked.status, locked.code]).toEqual(['not_analysable', 'encrypted'])
    expect(locked.message).toContain('protege.odt')
    const notOdt = await documentError(extractOdt({path: 'faux.odt', bytes: readFileSync(join(DOCS, 'zip-slip.zip'))}))
    expect([notOdt.status, notOdt.code]).toEqual(['failed', 'invalid-odt'])
    expect(notOdt.message).toContain('faux.odt')
  })
})
