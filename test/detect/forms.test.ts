// Check-box forms read box by box: each question takes the answer group that follows it, each
// option the box that belongs to it, whatever the glyphs, the side the boxes stand on, and whether
// the options share one line or not.

import {describe, expect, it} from 'vitest'
import type {DocumentKind} from '../../src/core/model.js'
import {formPieces} from '../../src/text/form.js'
import {categoriesIn} from './helpers.js'

const categories = (text: string, kind: DocumentKind = 'notice') => categoriesIn(text, {kind})

describe('questions answered by boxes', () => {
  it('gives nothing when every question on the line is answered "Non"', () => {
    expect(categories('Clause environnementale d’exécution ? ☐ Oui ☒ Non Clause sociale d’exécution ? ☐ Oui ☒ Non')).toEqual([])
    expect(categories('L’accord-cadre prévoit-il une clause sociale ? [ ] oui [X] non\nPrévoit-il une clause environnementale ? [ ] oui [X] non')).toEqual([])
    expect(categories('Clause sociale : Oui ( ) Non (x) Clause environnementale : Oui ( ) Non (x)')).toEqual([])
  })

  it('reads each answer for its own question', () => {
    expect(categories('Clause sociale ? ☑ Oui ☐ Non Clause environnementale ? ☐ Oui ☑ Non')).toEqual(['insertion-clause'])
    expect(categories('Clause sociale ? ☐ Oui ✓ Non\nClause environnementale ? ✓ Oui ☐ Non')).toEqual(['env-execution-condition'])
    expect(categories('Clause sociale d’insertion : X Oui   Non')).toEqual(['insertion-clause'])
    expect(categories('Clause sociale d’insertion : Oui   Non X')).toEqual([])
  })

  it('reads the answer on the line under the question', () => {
    expect(categories('Le marché comporte-t-il une clause sociale ?\n☐ Oui ☒ Non')).toEqual([])
  })

  it('gives nothing when no answer is ticked or both words are left (the unused one struck out)', () => {
    expect(categories('Clause sociale d’insertion : ☐ Oui ☐ Non')).toEqual([])
    expect(categories('Clause sociale d’insertion : OUI / NON')).toEqual([])
  })
})

describe('lists of options with boxes', () => {
  it('keeps only the ticked option, boxes before the options, one per line', () => {
    const text = '☐ Lot réservé aux entreprises adaptées et ESAT (art. L. 2113-12)\n☒ Lot réservé aux SIAE (art. L. 2113-13)\n☐ Lot réservé aux entreprises de l’ESS (art. L. 2113-15)'
    expect(categories(text)).toEqual(['reserved-insertion'])
  })

  it('keeps only the ticked option when the options share one line', () => {
    expect(categories('Réservation du marché : ☒ réservé ESS (L2113-15) ☐ réservé EA/ESAT (L2113-12) ☐ SIAE (L2113-13)')).toEqual(['reserved-ess'])
    expect(categories('Marché réservé : ☐ ESS ☒ SIAE ☐ EA/ESAT')).toEqual(['reserved-insertion'])
    expect(categories('(x) Lot réservé aux entreprises adaptées ( ) Lot réservé aux structures d’insertion par l’activité économique')).toEqual(['reserved-disability'])
  })

  it('reads boxes that follow their options', () => {
    expect(categories('Marché réservé aux EA/ESAT (L2113-12) [ ] Marché réservé aux SIAE (L2113-13) [X]')).toEqual(['reserved-insertion'])
    expect(categories('Lot réservé : ESS [ ] SIAE [X] EA/ESAT [ ]')).toEqual(['reserved-insertion'])
  })

  it('reads options listed under their label, one per line', () => {
    expect(categories('Marché réservé :\n☐ aux entreprises adaptées (L. 2113-12)\n☒ aux SIAE (L. 2113-13)')).toEqual(['reserved-insertion'])
  })

  it('keeps an answer and its follow-up with the question', () => {
    expect(categories('Le lot est-il réservé ? Oui ☒ Non ☐ Si oui, à quelles structures : SIAE (article L. 2113-13)')).toEqual(['reserved-insertion'])
  })

  it('gives nothing for a list of options none of which is ticked', () => {
    expect(categories('Marché réservé : ☐ ESS ☐ EA/ESAT ☐ SIAE')).toEqual([])
    expect(categories('□ Lot réservé aux SIAE (L. 2113-13)')).toEqual([])
  })

  it('does not take bullets for boxes', () => {
    expect(categories('■ Le titulaire réalise 350 heures d’insertion. ■ Le titulaire trie les déchets de chantier.', 'RC'))
      .toEqual(['env-execution-condition', 'insertion-clause'])
    expect(categories('○ Le titulaire réalise 350 heures d’insertion', 'RC')).toEqual(['insertion-clause'])
  })
})

describe('form lines as sentences', () => {
  it('cuts after each answered question, not inside an answer group or a list of options', () => {
    const text = 'Clause sociale ? ☐ Oui ☒ Non Clause environnementale ? ☒ Oui ☐ Non'
    expect(formPieces(text, 0, text.length).map(([a, b]) => text.slice(a, b).trim())).toEqual(['Clause sociale ? ☐ Oui ☒ Non', 'Clause environnementale ? ☒ Oui ☐ Non'])
    const options = 'Réservation : ☒ ESS ☐ SIAE'
    expect(formPieces(options, 0, options.length)).toEqual([[0, options.length]])
  })
})

describe('questions answered in words', () => {
  it('reads a question answered "Non" as a denial, and one answered "Oui" as a declaration', () => {
    expect(categories('Le marché comporte-t-il une clause environnementale ? Non\nVariantes autorisées : Non')).toEqual([])
    expect(categories('Le marché comporte-t-il une clause sociale ? Non')).toEqual([])
    expect(categories('Le marché comporte-t-il une clause environnementale ?\nNéant')).toEqual([])
    expect(categories('Le marché comporte-t-il des conditions d’exécution environnementales ? Oui, le titulaire trie ses déchets.')).toEqual(['env-execution-condition'])
  })
})
