import {describe, expect, it} from 'vitest'
import {criterionWeight} from '../../src/detect/quantities.js'
import {fold as foldOnly, normalizeText} from '../../src/text/normalize.js'

const fold = (t: string) => foldOnly(normalizeText(t))
/** The weight read next to the given words of the sentence. */
function weightNear(sentence: string, words: string, total?: number): number | undefined {
  const text = fold(sentence)
  const at = text.indexOf(fold(words))
  return criterionWeight(text, [at, at + words.length], total)
}

describe('criterion weight', () => {
  it('reads coefficients as shares of the coefficients listed together', () => {
    expect(weightNear('Prix : coeff 5 - Délais : coeff 5 - Valeur technique : coeff 3 - Mesures en faveur de l’environnement : coeff 2', 'environnement'))
      .toBeCloseTo(13.33, 1)
    // One coefficient alone says nothing of the total.
    expect(weightNear('Valeur technique et environnementale - Coef. 3', 'environnementale')).toBeUndefined()
  })

  it('reads the coefficients of a scoring formula', () => {
    expect(weightNear('Note finale = 0,55 × note prix + 0,30 × note technique + 0,15 × note environnementale', 'environnementale')).toBe(15)
  })

  it('reads an eForms weighting rendered as text', () => {
    expect(weightNear('Critère : Type : Coût – Description : coût global incluant la consommation énergétique – Pondération (pourcentage, valeur exacte) : 40', 'consommation')).toBe(40)
  })

  it('takes the value next to the sub-criterion in a list of weighted items', () => {
    const s = 'Valeur technique : Moyens matériels 4% - Moyens humains 4% - Moyens de protection de l’environnement 8 % - Rapport type 2%'
    expect(weightNear(s, 'environnement')).toBe(8)
    expect(weightNear('Valeur technique : 25% Constitution des équipes. 15% Moyens techniques. 5% Performances en matière de protection de l’environnement.', 'environnement')).toBe(5)
  })
})
