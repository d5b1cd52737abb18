import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {DocumentError} from '../../src/core/errors.js'
import {extract} from '../../src/extract/index.js'
import {extractPdf} from '../../src/extract/pdf.js'

const DOCS = join(import.meta.dirname, '../../fixtures/docs')
const input = (name: string) => ({path: `fixtures/docs/${name}`, bytes: readFileSync(join(DOCS, name))})

async function documentError(promise: Promise<unknown>): Promise<DocumentError> {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(DocumentError)
  return error as DocumentError
}

describe('PDF reader', () => {
  it('reads a text PDF page by page, with sections', async () => {
    const file = input('ccap-3pages.pdf')
    const doc = await extract(file)
    expect(doc.format).toBe('pdf')
    expect(doc.pageCount).toBe(3)
    expect(new Set(doc.segments.map((s) => s.page))).toEqual(new Set([1, 2, 3]))
    const clause = doc.segments.find((s) => s.text.includes("350 heures d'insertion"))
    expect(clause?.page).toBe(2)
    expect(clause?.section).toEqual(["Article 4 – Conditions d'exécution", "4.5 Clause d'insertion professionnelle"])
    const first = doc.segments.find((s) => s.text.startsWith('Article 1'))
    expect(first?.page).toBe(1)
    const penalty = doc.segments.find((s) => s.text.includes('1 250 €'))
    expect(penalty?.page).toBe(3)
    expect(doc.segments.some((s) => s.text.includes('mise en œuvre'))).toBe(true)
    // pdfjs detaches a Uint8Array it is given: the caller's bytes must be left intact.
    expect(file.bytes.length).toBe(readFileSync(join(DOCS, 'ccap-3pages.pdf')).length)
  })

  it('keeps segment offsets ordered and non-overlapping', async () => {
    const doc = await extractPdf(input('ccap-3pages.pdf'))
    for (let i = 1; i < doc.segments.length; i++) expect(doc.segments[i]!.start).toBeGreaterThanOrEqual(doc.segments[i - 1]!.end)
  })

  it('reports a PDF with a user password as not analysable (encrypted)', async () => {
    const e = await documentError(extract(input('encrypted-user-password.pdf')))
    expect(e.status).toBe('not_analysable')
    expect(e.code).toBe('encrypted')
    expect(e.message).toContain('fixtures/docs/encrypted-user-password.pdf')
    expect(e.message).toMatch(/password/)
  })

  it('reports an image-only (scanned) PDF as having no text layer', async () => {
    const e = await documentError(extract(input('scanned-image-only.pdf')))
    expect(e.status).toBe('not_analysable')
    expect(e.code).toBe('no-text-layer')
    expect(e.message).toContain('fixtures/docs/scanned-image-only.pdf')
    expect(e.message).toMatch(/scan/)
  })

  it.each(['truncated.pdf', 'random-bytes.pdf'])('reports %s as an invalid PDF, naming the file', async (name) => {
    const e = await documentError(extractPdf(input(name)))
    expect(e.status).toBe('failed')
    expect(e.code).toBe('invalid-pdf')
    expect(e.message).toContain(`fixtures/docs/${name}`)
    expect(e.message).toMatch(/not a valid PDF or is truncated/)
  })

  it('reports an empty file as not analysable', async () => {
    const e = await documentError(extractPdf(input('empty.pdf')))
    expect(e.status).toBe('not_analysable')
    expect(e.code).toBe('empty')
    expect(e.message).toContain('fixtures/docs/empty.pdf')
  })
})
