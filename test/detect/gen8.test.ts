// Round 8 families: a form's question answered "Non", an upper-case title printed one word group
// per line, an ESS reservation stated by the L2113-16 conditions.
import {describe, expect, it} from 'vitest'
import type {DocumentKind} from '../../src/core/model.js'
import {detect, loadRuleBase} from '../../src/detect/engine.js'
import {segmentPages} from '../../src/text/segment.js'
import {docOf} from './helpers.js'

const rules = loadRuleBase()
const categories = (text: string, kind: DocumentKind = 'notice') =>
  [...new Set(detect(docOf([text], {kind}), rules).map((f) => f.category))].sort()

describe('round 8 families', () => {
  it('reads a question answered "Non" as a denial, and one answered "Oui" as a declaration', () => {
    expect(categories('Le marché comporte-t-il une clause environnementale ? Non\nVariantes autorisées : Non')).toEqual([])
    expect(categories('Le marché comporte-t-il une clause sociale ? Non')).toEqual([])
    expect(categories('Le marché comporte-t-il une clause environnementale ?\nNéant')).toEqual([])
    expect(categories('Le marché comporte-t-il des conditions d’exécution environnementales ? Oui, le titulaire trie ses déchets.')).toEqual(['env-execution-condition'])
  })

  it('joins an upper-case title whose lines open on a preposition', () => {
    const {segments} = segmentPages([{text: 'MARCHE RESERVE\nAUX SIAE\n(ARTICLE L.2113-13\nDU CCP)\nDate limite : voir profil acheteur.'}])
    expect(segments[0]!.text).toBe('MARCHE RESERVE AUX SIAE (ARTICLE L.2113-13 DU CCP)')
    expect(categories('Ramassage des encombrants\nLOT RÉSERVÉ\nAUX STRUCTURES D’INSERTION\nPAR L’ACTIVITÉ ÉCONOMIQUE')).toEqual(['reserved-insertion'])
    // two upper-case headings stay apart
    const two = segmentPages([{text: 'PRIX\nVALEUR TECHNIQUE'}]).segments
    expect(two.length).toBe(2)
  })

  it('reads the L2113-16 conditions under a reservation as an ESS reservation, not an EA/ESAT one', () => {
    const text = 'Le marché est réservé aux organismes qui remplissent les conditions suivantes :\n– poursuivre un objectif de service à la collectivité ;\n– réinvestir leurs bénéfices dans cet objectif ;\n– ne pas avoir obtenu de marché réservé du même acheteur depuis trois ans.'
    expect(categories(text, 'RC')).toEqual(['reserved-ess'])
  })
})
