import {describe, expect, it} from 'vitest'
import {segmentPages} from '../../src/text/segment.js'

const sentences = (text: string) => segmentPages([{text}]).segments.map((s) => s.text)

describe('dot-leader rows', () => {
  it('ends a row at its value after leaders, however long the row', () => {
    const text = [
      'Critères de jugement',
      'Prix ............................................................ 60 %',
      "Valeur technique de l'offre (méthodologie, moyens) ............... 30 %",
      "Engagements en faveur de l'apprentissage ......................... 10 %",
    ].join('\n')
    expect(sentences(text)).toEqual([
      'Critères de jugement',
      'Prix ............................................................ 60 %',
      "Valeur technique de l'offre (méthodologie, moyens) ............... 30 %",
      "Engagements en faveur de l'apprentissage ......................... 10 %",
    ])
  })

  it('keeps a wrapped row together up to its value', () => {
    const text = "Conditions sociales de fabrication des articles (audits,\nrespect des conventions de l'OIT) ........ 15 %\nPrix ........ 85 %"
    expect(sentences(text)).toEqual([
      "Conditions sociales de fabrication des articles (audits, respect des conventions de l'OIT) ........ 15 %",
      'Prix ........ 85 %',
    ])
  })
})
