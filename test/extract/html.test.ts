import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {DocumentError} from '../../src/core/errors.js'
import {extract} from '../../src/extract/index.js'
import {extractHtml} from '../../src/extract/html.js'

const DOCS = join(import.meta.dirname, '../../fixtures/docs')
const input = (name: string) => ({path: `fixtures/docs/${name}`, bytes: readFileSync(join(DOCS, name))})
const html = (body: string, head = '') => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`
const texts = async (bytes: Buffer) => (await extractHtml({path: 'page.html', bytes})).segments.map((s) => s.text)

describe('HTML reader', () => {
  it('decodes a windows-1252 page declared with http-equiv (’ € œ é)', async () => {
    const doc = await extract(input('avis-cp1252.html'))
    expect(doc.format).toBe('html')
    const all = doc.segments.map((s) => s.text).join('\n')
    // ’ (0x92) is normalised to ' — it would stay a C1 control if decoded as Latin-1
    expect(all).toContain("Avis d'appel public à la concurrence")
    expect(all).toContain('Montant estimé : 450 000 € HT.')
    expect(all).toContain("Qualité de l'œuvre culinaire 30 %")
    expect(all).toContain('Grand Cœur')
    expect(all).not.toMatch(/[\u0080-\u009f\ufffd]/)
  })

  it('reads a page labelled iso-8859-1 as windows-1252, as browsers do', async () => {
    const all = (await extract(input('avis-latin1.html'))).segments.map((s) => s.text).join('\n')
    expect(all).toContain('Montant : 80 000 €.')
    expect(all).toContain("structures d'insertion par l'activité économique")
    expect(all).toContain('Réalisé à Besançon, élève, cœur.')
  })

  it('drops scripts, styles, hidden elements and the head', async () => {
    const all = (await extract(input('avis-cp1252.html'))).segments.map((s) => s.text).join('\n')
    expect(all).not.toContain('tracker')
    expect(all).not.toContain('font-family')
    expect(all).not.toContain('Restauration scolaire') // the <title>
    const hidden = await texts(Buffer.from(html('<p>Visible.</p><div hidden>Caché.</div><p style="display: none">Masqué.</p>')))
    expect(hidden).toEqual(['Visible.'])
  })

  it('keeps h1-h6 as sections and block elements as separate lines', async () => {
    const doc = await extract(input('avis-cp1252.html'))
    const cond = doc.segments.find((s) => s.text.startsWith("Le titulaire s'engage à servir"))
    expect(cond?.section).toEqual(["Avis d'appel public à la concurrence", "Conditions d'exécution"])
    expect(doc.segments.map((s) => s.text)).toContain('Réduction du gaspillage alimentaire')
    expect(doc.segments.map((s) => s.text)).toContain('Suppression des contenants en plastique')
    const weight = doc.segments.find((s) => s.text.startsWith('Performance environnementale'))
    expect(weight?.text).toBe("Performance environnementale de l'offre 30 %") // a table row stays one line
    expect(weight?.section?.at(-1)).toBe("Critères d'attribution")
    expect(weight?.page).toBeUndefined()
  })

  it('reads UTF-8 without any charset as UTF-8, not as windows-1252', async () => {
    expect(await texts(Buffer.from(html('<p>Clause d’insertion : 1 250 € pour l’œuvre.</p>'), 'utf8')))
      .toEqual(["Clause d'insertion : 1 250 € pour l'œuvre."])
  })

  it('reads UTF-8 bytes even when the page wrongly declares windows-1252', async () => {
    const page = html('<p>Marché réservé.</p>', '<meta charset="windows-1252">')
    expect(await texts(Buffer.from(page, 'utf8'))).toEqual(['Marché réservé.'])
  })

  it('reads windows-1252 bytes in a page that wrongly declares UTF-8', async () => {
    const page = html('<p>Marché réservé : 5 000 €.</p>', '<meta charset="utf-8">')
    expect(await texts(iconv.encode(page, 'windows-1252'))).toEqual(['Marché réservé : 5 000 €.'])
  })

  it('reports a page without visible text as not analysable, naming it', async () => {
    const e = await extractHtml({path: 'vide.html', bytes: Buffer.from(html('<script>x()</script>'))}).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(DocumentError)
    expect((e as DocumentError).status).toBe('not_analysable')
    expect((e as DocumentError).code).toBe('empty')
    expect((e as DocumentError).message).toContain('vide.html')
  })
})
