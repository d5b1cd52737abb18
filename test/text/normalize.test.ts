import {describe, expect, it} from 'vitest'
import {fold, foldedOffset, foldShifts, foldText, normalizeText, originalOffset} from '../../src/text/normalize.js'

describe('foldText', () => {
  it('lower-cases, strips accents and splits œ/æ/ß, with a map back to the original', () => {
    const text = 'Main-d’Œuvre ÉTÉ straße'
    const f = foldText(text)
    expect(f.text).toBe('main-d’oeuvre ete strasse')
    // every folded character maps to the original character it came from
    for (let k = 0; k < f.text.length; k++) expect(fold(text[f.map[k]!]!)).toContain(f.text[k])
    expect(f.map[f.text.length]).toBe(text.length)
  })

  it('keeps the compact offsets consistent with the full map', () => {
    for (const text of ['œuf Ærø ß', 'İstanbul été', 'plain ascii', '😀 œ']) {
      const full = foldText(text)
      const s = foldShifts(text)
      expect(s.text).toBe(full.text)
      for (let k = 0; k <= full.text.length; k++) expect(originalOffset(s, k)).toBe(full.map[k])
      for (let o = 0; o < text.length; o++) expect(full.map[foldedOffset(s, o)]).toBe(o)
    }
  })

  it('normalises apostrophes, spaces and hyphenation', () => {
    expect(normalizeText('l’inser-\ntion\u00a0de 1\u202f250 heures')).toBe("l'insertion de 1 250 heures")
  })
})
