import {describe, expect, it} from 'vitest'
import {baselineFindings, combinedKeywordRegex, keywordSource} from '../../src/eval/baseline.js'
import {segmentPages} from '../../src/text/segment.js'

const categoriesOf = (text: string) => baselineFindings(segmentPages([{text}]).segments).map((f) => f.category)

describe('keyword baseline', () => {
  it('matches case- and accent-insensitively, at a word start', () => {
    const re = new RegExp(keywordSource("eloignees de l'emploi"), 'iu')
    expect(re.test('personnes ÉLOIGNÉES de l’emploi')).toBe(true)
    expect(new RegExp(keywordSource('reserve'), 'iu').test('lot réservé')).toBe(true)
    expect(new RegExp(keywordSource('reserve'), 'iu').test('préservé')).toBe(false)
  })

  it('honours whole-word keywords', () => {
    const ess = new RegExp(keywordSource('ess$'), 'iu')
    expect(ess.test('structures de l’ESS')).toBe(true)
    expect(ess.test('la presse')).toBe(false)
    expect(ess.test('essai')).toBe(false)
  })

  it('is naive on purpose: no negation, no near-miss filtering', () => {
    expect(categoriesOf('Le marché n’est pas réservé.')).toEqual(expect.arrayContaining(['reserved-disability', 'reserved-insertion', 'reserved-ess']))
    expect(categoriesOf("Insertion d'un avenant au marché.")).toContain('insertion-clause')
    expect(categoriesOf('Prix des prestations')).toEqual([])
  })

  it('extracts naive quantities', () => {
    const [f] = baselineFindings(segmentPages([{text: 'Clause d’insertion : 1 200 heures.'}]).segments)
    expect(f).toMatchObject({category: 'insertion-clause', quantities: {hours: 1200}})
    const env = baselineFindings(segmentPages([{text: 'Performance environnementale : 15 points'}]).segments)
      .find((x) => x.category === 'env-award-criterion')
    expect(env?.quantities).toEqual({weight: 15})
  })

  it('combines every keyword into one global regex', () => {
    const re = combinedKeywordRegex()
    expect(re.flags).toContain('g')
    expect('Tri des déchets et Ecolabel européen'.match(re)).toEqual(['déchet', 'Ecolabel'])
  })
})
