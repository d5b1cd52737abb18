import {describe, expect, it} from 'vitest'
import {coefficientTotal, continuesWithWeight, criterionWeight, eformsBlockWeight, statedTotal} from '../../src/detect/weight.js'
import {fold as foldOnly, normalizeText} from '../../src/text/normalize.js'

const fold = (t: string) => foldOnly(normalizeText(t))
/** The weight read next to the given words of the sentence. */
function weightNear(sentence: string, words: string, total?: number, listTotal?: number): number | undefined {
  const text = fold(sentence)
  const at = text.indexOf(fold(words))
  return criterionWeight(text, [at, at + words.length], total, listTotal)
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

  it('reads an eForms weight whose type and figure are run together', () => {
    expect(weightNear("Description : démarche de réduction des déchets Catégorie du critère d'attribution seuil de pondération : Pondération (pourcentage, exact) Critère d'attribution — Nombre : 25", 'dechets')).toBe(25)
  })

  it('reads a pondération written as a share of one', () => {
    expect(weightNear('Performance énergétique des équipements (pondération 0,2', 'energetique')).toBe(20)
    expect(weightNear('Critère environnemental : pondération de 0,35', 'environnemental')).toBe(35)
  })

  it('takes the value next to the sub-criterion in a list of weighted items', () => {
    const s = 'Valeur technique : Moyens matériels 4% - Moyens humains 4% - Moyens de protection de l’environnement 8 % - Rapport type 2%'
    expect(weightNear(s, 'environnement')).toBe(8)
    expect(weightNear('Valeur technique : 25% Constitution des équipes. 15% Moyens techniques. 5% Performances en matière de protection de l’environnement.', 'environnement')).toBe(5)
  })

  it('divides a coefficient by the total the text states, not by the sum with that total', () => {
    expect(weightNear('Critère 4 – Bilan carbone : coefficient 1 (total des coefficients : 10).', 'carbone')).toBe(10)
    expect(weightNear('Gestion des déchets : coeff. 3 (somme des coefficients = 12)', 'dechets')).toBe(25)
  })

  it('takes the scale of the whole mark over a criterion noted on its own points', () => {
    const text = fold('Critère environnemental noté sur 20 points, la note globale étant sur 100.')
    expect(statedTotal(text)).toBe(100)
    expect(weightNear('Critère environnemental noté sur 20 points, la note globale étant sur 100.', 'environnemental', statedTotal(text))).toBe(20)
    expect(statedTotal(fold('Valeur technique notée sur 40 points. Les offres sont notées sur 60 points.'))).toBe(60)
    expect(statedTotal(fold('Les offres sont notées sur 200.'))).toBe(200)
  })

  it('reads a coefficient written with its own total as that share', () => {
    expect(weightNear('Valeur environnementale (coefficient 1 sur 5)', 'environnementale')).toBe(20)
    expect(weightNear('Performance en matière de recyclage : coef. 3/12', 'recyclage')).toBe(25)
    // the own total does not join a list's sum: the other coefficients still add up among themselves
    expect(weightNear('Prix : coeff 6 - Technique : coeff 4 - Déchets : coefficient 1 sur 10', 'dechets')).toBe(10)
  })

  it('divides a lone coefficient by the total of the list it belongs to', () => {
    const list = fold('Critère n°1 – Prix – coefficient 5\nCritère n°2 – Valeur technique – coefficient 3\nCritère n°3 – Développement durable – coefficient 2')
    expect(coefficientTotal(list)).toBe(10)
    expect(weightNear('Critère n°3 – Développement durable – coefficient 2', 'durable', undefined, coefficientTotal(list))).toBe(20)
    // Two lots whose lists do not add up to the same total give no single total.
    expect(coefficientTotal(fold('Lot 1 : prix coef 6, technique coef 4. Lot 2 : prix coef 5, technique coef 3, déchets coef 1.'))).toBeUndefined()
  })

  it('reads the term of a formula whose variable the sentence names before the criterion', () => {
    expect(weightNear('N = 0,6 Np + 0,3 Nt + 0,1 Ne, où Ne est la note environnementale', 'environnementale')).toBe(10)
    expect(weightNear('N = 0,1 Ne + 0,3 Nt + 0,6 Np, où Np est la note prix, Nt la note technique et Ne la note environnementale', 'environnementale')).toBe(10)
    expect(weightNear('Note = 0,50 × Prix + 0,35 × Technique + 0,15 × Environnement', 'environnement')).toBe(15)
  })

  it('recognises a sentence that gives the weight of the criterion before it', () => {
    expect(continuesWithWeight(fold('il compte pour 60 % de la note finale.'))).toBe(true)
    expect(continuesWithWeight(fold('Ce critère représente 15 points sur 100.'))).toBe(true)
    expect(continuesWithWeight(fold('il est rappelé que les offres sont notées sur 100.'))).toBe(false)
  })

  it('reads a bare figure ending a short criterion line on the stated scale, else on 100', () => {
    expect(weightNear('Qualité environnementale de l’offre : 15', 'environnementale')).toBe(15)
    expect(weightNear('Qualité environnementale de l’offre : 5', 'environnementale', 20)).toBe(25)
    // A figure inside the line is not a weight.
    expect(weightNear('Gestion des déchets : 3 bennes minimum sur site', 'dechets')).toBeUndefined()
  })

  it('reads a criteria table whose rows end with bare weights when the table states its total', () => {
    const table = fold('CRITÈRES POIDS\nPrix 60\nQualité technique de l’offre 30\nGestion des déchets 10\nTOTAL 100')
    expect(coefficientTotal(table)).toBe(100)
    expect(weightNear('Gestion des déchets 10', 'dechets', undefined, coefficientTotal(table))).toBe(10)
    // Without a total row, a trailing figure is not read as a weight.
    expect(weightNear('Gestion des déchets 10', 'dechets')).toBeUndefined()
  })

  it('reads the weight cell after the criterion in a table flattened with "|"', () => {
    const row = 'Critère | Poids Prix | 50 Délais | 20 Plan de réduction des émissions de CO2 | 30 Total | 100'
    expect(weightNear(row, 'emissions de co2')).toBe(30)
    // the table's own total row is the scale
    expect(weightNear('Critère | Note Prix | 12 Tri des biodéchets | 4 Technique | 4 Total | 20', 'biodechets')).toBe(20)
    expect(weightNear('Critères | Points Prix | 60 Tri des biodéchets | 15 %', 'biodechets')).toBe(15)
  })

  it('reads a total row without a unit as the scale, when it is a plausible marking scale', () => {
    expect(statedTotal(fold('Critère | Note\nPrix | 24\nTotal | 40'))).toBe(40)
    expect(statedTotal(fold('Critère\nNote\nPrix\n24\nTotal\n40'))).toBe(40)
    // a table of hours or amounts is not a marking scale
    expect(statedTotal(fold('Lot 1 | 420 h\nTotal | 1 260'))).toBeUndefined()
  })

  it('reads a weight line under the criterion, and a bare figure of a weight column', () => {
    for (const line of ['Pondération : 8.', 'Poids : 6 points', '15', '(10 %)', 'Coefficient : 2']) expect(continuesWithWeight(fold(line))).toBe(true)
    expect(continuesWithWeight(fold('Le candidat décrit 3 actions.'))).toBe(false)
    expect(criterionWeight(fold('15'))).toBe(15)
    expect(criterionWeight(fold('6'), undefined, 40)).toBe(15)
    expect(criterionWeight(fold('Pondération : 8.'))).toBe(8)
  })

  it('reads a fraction of the mark', () => {
    expect(weightNear('La performance environnementale compte pour un cinquième de la note finale.', 'environnementale')).toBe(20)
    expect(weightNear('Le bilan carbone représente le quart des points.', 'carbone')).toBe(25)
    expect(weightNear('Un quart des déchets est recyclé.', 'dechets')).toBeUndefined()
  })

  it('reads a coefficient out of a total stated with it', () => {
    expect(weightNear('Critère 3 : performance énergétique, coefficient 1 sur un total de 10.', 'energetique')).toBe(10)
  })
})

describe('a coefficient on the line under the criterion', () => {
  it('is a share of the coefficients the document lists', async () => {
    const {detect, loadRuleBase} = await import('../../src/detect/engine.js')
    const {docOf} = await import('./helpers.js')
    const text = "Critères de jugement des offres :\n1. Prix, coefficient 3\n2. Valeur technique, coefficient 5\n" +
      "3. Performances en matière de protection de l'environnement :\nCoefficient 2"
    const findings = detect(docOf([text], {kind: 'RC'}), loadRuleBase())
    // 2 out of 3 + 5 + 2 = 10 coefficients.
    expect(findings.filter((f) => f.category === 'env-award-criterion').map((f) => f.quantities?.weight)).toEqual([20])
  })
})

describe('an eForms weight on the fields below the criterion', () => {
  const lines = (...ls: string[]) => ls.map(fold)
  it('reads the percentage weight a few fields below', () => {
    expect(eformsBlockWeight(lines('Description : taux de matériaux biosourcés', 'Pondération (pourcentage, exact) : 30'))).toBe(30)
    expect(eformsBlockWeight(lines("Catégorie du critère d'attribution seuil de pondération : Pondération (pourcentage, exact)", "Critère d'attribution — Nombre : 12"))).toBe(12)
  })
  it('stops at the next criterion and ignores a number without a percentage type', () => {
    expect(eformsBlockWeight(lines('Type : Prix', 'Nom : Prix', 'Pondération (pourcentage, exact) : 60'))).toBeUndefined()
    expect(eformsBlockWeight(lines("Critère d'attribution — Nombre : 3"))).toBeUndefined()
    expect(eformsBlockWeight(lines('Pondération (points) : 30'))).toBeUndefined()
  })
})
