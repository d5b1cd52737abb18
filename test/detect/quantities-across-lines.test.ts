// Quantities read across lines: criteria tables flattened by PDF converters, sub-criteria named
// after their parent's weight, per-lot hour breakdowns with a total (paraphrased wordings).
import {describe, expect, it} from 'vitest'
import {detect, loadRuleBase} from '../../src/detect/engine.js'
import {docOf} from './helpers.js'

const base = loadRuleBase()
const quantitiesOf = (text: string, kind: 'RC' | 'CCAP' = 'RC', category?: string) =>
  detect(docOf([text], {kind}), base)
    .filter((f) => !category || f.category === category)
    .map((f) => f.quantities ?? {})

describe('quantities across lines', () => {
  it('reads the weight cell under a criterion when the PDF put figure and unit on their own lines', () => {
    const table = ['8. Jugement des offres', 'Critère', 'Barème', '1 – Coût global', '60', 'points',
      '2 – Mémoire technique', '30', 'points', '3 – Performance en matière de réduction des déchets',
      'de chantier', '10', 'points', 'Total', '100', 'points'].join('\n')
    expect(quantitiesOf(table, 'RC', 'env-award-criterion')).toEqual([{weight: 10}])
  })

  it('gives a sub-criterion introduced by "dont" its own figure, not its parent\'s', () => {
    const doc = docOf(['Qualité technique : pondération 70 dont recours à des produits écolabellisés : 20'], {kind: 'RC'})
    const env = detect(doc, base).filter((f) => f.category === 'env-award-criterion')
    expect(env.map((f) => f.quantities?.weight)).toEqual([20])
  })

  it('reads the total of a per-lot breakdown that follows the sentence announcing it, not the first lot', () => {
    const text = ['Article 12 – Clause sociale d\'insertion', 'Le nombre d\'heures d\'insertion à réaliser se répartit ainsi :',
      'Lot 2 – Couverture : 420 h', 'Lot 5 – Peinture : 180 h', 'soit au total 600 heures sur l\'ensemble des lots.'].join('\n')
    const hours = quantitiesOf(text, 'CCAP', 'insertion-clause').map((q) => q.hours).filter((h) => h !== undefined)
    expect(hours).not.toContain(420)
    expect(hours).toContain(600)
  })

  it('reads the total row of a Markdown hours table whose cells are bold', () => {
    const text = ['ARTICLE 9 – HEURES D\'INSERTION', '| Lot | Désignation | Heures |', '|---|---|---|',
      '| 1 | Terrassement | 300 |', '| 2 | Charpente | 150 |', '| | **Total** | **450** |'].join('\n')
    expect(quantitiesOf(text, 'CCAP', 'insertion-clause').map((q) => q.hours)).toContain(450)
  })

  it('reads a criterion\'s bare trailing figure when the list writes the price weight bare too', () => {
    const text = 'Critères : Prix 60 ; Valeur technique 30 ;\nPart des déchets de chantier valorisés par le titulaire 10.'
    expect(quantitiesOf(text, 'RC', 'env-award-criterion')).toEqual([{weight: 10}])
  })
})
