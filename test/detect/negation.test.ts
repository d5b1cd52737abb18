import {describe, expect, it} from 'vitest'
import {loadRuleBase} from '../../src/detect/engine.js'
import {NegationScope} from '../../src/detect/negation.js'
import {fold as foldOnly, normalizeText} from '../../src/text/normalize.js'

/** Segments hold normalised text (apostrophes unified): fold what the engine would see. */
const fold = (t: string) => foldOnly(normalizeText(t))

const scope = new NegationScope(loadRuleBase().negation)

/** Whether `words` (first occurrence) is negated in `sentence`; `next` is the following sentence. */
function negated(sentence: string, words: string, next?: string): boolean {
  const text = fold(sentence)
  const start = text.indexOf(fold(words))
  if (start < 0) throw new Error(`"${words}" not in "${sentence}"`)
  return scope.negated({text, segStart: 0, segEnd: text.length, start, end: start + fold(words).length, ...(next ? {next: fold(next)} : {})})
}

describe('negation scope', () => {
  it('sees negations before and inside the matched words', () => {
    expect(negated('Le marché n’est pas réservé.', 'marché n’est pas réservé')).toBe(true)
    expect(negated('Aucune clause d’insertion n’est prévue.', 'clause d’insertion')).toBe(true)
    expect(negated('La consultation ne comporte pas de clause sociale.', 'clause sociale')).toBe(true)
  })

  it('reads a duty to refrain ("s’engage à ne pas recourir") as binding, not as a negation', () => {
    expect(negated('Le titulaire s’engage à ne pas recourir au temps partiel subi.', 'temps partiel subi')).toBe(false)
    expect(negated('Le titulaire ne recourt pas au temps partiel subi.', 'temps partiel subi')).toBe(true)
    // a ceiling is not a negation
    expect(negated('Les agents ne travaillent pas plus de deux dimanches par mois.', 'dimanches par mois')).toBe(false)
  })

  it('stops at the end of the clause and ignores far negations', () => {
    expect(negated('Le marché n’est pas alloti, il comporte une clause sociale.', 'clause sociale')).toBe(false)
    expect(negated('Ne pas oublier que le titulaire réalise pendant toute la durée du marché les heures d’insertion.', 'heures d’insertion')).toBe(false)
  })

  it('sees negations and void values after the matched words', () => {
    expect(negated('Clause sociale : sans objet', 'Clause sociale')).toBe(true)
    expect(negated('Clause sociale : non', 'Clause sociale')).toBe(true)
    expect(negated('La clause d’insertion ne s’applique pas au lot 2.', 'clause d’insertion')).toBe(true)
    expect(negated('Les heures d’insertion ne peuvent pas être inférieures à 350.', 'heures d’insertion')).toBe(false)
    expect(negated('Les heures d’insertion non réalisées sont pénalisées.', 'heures d’insertion')).toBe(false)
  })

  it('reads the next line under a label or a heading', () => {
    expect(negated('Marché réservé :', 'Marché réservé', 'Néant')).toBe(true)
    expect(negated('Article 8 - Clause sociale', 'Clause sociale', 'Sans objet.')).toBe(true)
    expect(negated('Article 8 - Clause sociale', 'Clause sociale', 'Le titulaire réalise 300 heures.')).toBe(false)
  })

  it('does not read the next sentence under a full sentence that ends with a full stop', () => {
    expect(negated('Le traiteur utilise des nappes réutilisables.', 'réutilisables', 'Aucun gobelet jetable n’est admis.')).toBe(false)
    expect(negated('Clauses environnementales', 'Clauses environnementales', 'Aucune.')).toBe(true)
  })

  it('reads ticked boxes in both layouts', () => {
    expect(scope.ticked(fold('☐ Oui ☒ Non'))).toBe('non')
    expect(scope.ticked(fold('☒ Oui ☐ Non'))).toBe('oui')
    expect(scope.ticked(fold('Oui [ ] Non [X]'))).toBe('non')
    expect(scope.ticked(fold('Oui (X) Non ( )'))).toBe('oui')
    expect(scope.ticked(fold('☐ Oui ☐ Non'))).toBeUndefined()
    expect(negated('Marché réservé : ☐ Oui ☒ Non', 'Marché réservé')).toBe(true)
    expect(negated('Marché réservé :', 'Marché réservé', '☒ Oui ☐ Non')).toBe(false)
  })
})
