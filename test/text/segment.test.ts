import {describe, expect, it} from 'vitest'
import {isHeading, segmentPages} from '../../src/text/segment.js'

describe('segment headings', () => {
  it('keeps numbered titles as headings', () => {
    expect(isHeading('ARTICLE 11 – CLAUSE SOCIALE D’INSERTION')).toBe(true)
    expect(isHeading('4.5.1 Actions d’insertion :')).toBe(true)
  })

  it('reads a numbered table row ending with a quantity or "sans objet" as a row, not a heading', () => {
    expect(isHeading('01 Gros œuvre – maçonnerie 910 h')).toBe(false)
    expect(isHeading('02 Charpente bois 12 %')).toBe(false)
    expect(isHeading('04 Menuiseries extérieures sans objet')).toBe(false)
  })

  it('keeps the annex heading as the section of the rows below it', () => {
    const text = 'ANNEXE 3 – RÉPARTITION DES HEURES D’INSERTION PAR LOT\n01 Gros œuvre 910 h\n02 Charpente 210 h\nTOTAL OPÉRATION 1 120 h'
    const {segments} = segmentPages([{text}])
    const total = segments.find((s) => s.text.startsWith('TOTAL'))
    expect(total?.section?.at(-1)).toMatch(/^ANNEXE 3 – RÉPARTITION DES HEURES/)
  })

  it('keeps dot leaders before a quantity and a parenthesised weight inside their sentence', () => {
    const texts = (text: string) => segmentPages([{text}]).segments.map((s) => s.text)
    expect(texts('Lot 1 Voirie ........ 800 heures')).toEqual(['Lot 1 Voirie ........ 800 heures'])
    expect(texts('Prix : 60 %. Perf. insertion pro. (10 %)')).toEqual(['Prix : 60 %.', 'Perf. insertion pro. (10 %)'])
    expect(texts('Les délais sont tenus... Le titulaire remet le bilan.')).toHaveLength(2)
    // "éq." (équivalent) in a carbon unit is an abbreviation, not a sentence end
    expect(texts('Impact inférieur à 220 kg éq. CO2 par m³. Une FDES est fournie.')).toEqual(['Impact inférieur à 220 kg éq. CO2 par m³.', 'Une FDES est fournie.'])
  })

  it('starts a sentence at each bullet, whatever glyph the word processor printed', () => {
    const texts = (text: string) => segmentPages([{text}]).segments.map((s) => s.text)
    expect(texts('Mesures à mettre en œuvre\n➢ tri des emballages sur site\n► reprise des palettes\n❖ bilan annuel'))
      .toEqual(['Mesures à mettre en œuvre', '➢ tri des emballages sur site', '► reprise des palettes', '❖ bilan annuel'])
  })
})
