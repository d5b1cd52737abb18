// Reserved contracts and the layers that keep them (and every category) from false findings:
// fallback rules (`unless_found`), denied reservations, field-role boilerplate, non-binding
// wording, check boxes that open a form line, and labels whose value follows a cut-off word.

import {describe, expect, it} from 'vitest'
import {detect, loadRuleBase} from '../../src/detect/engine.js'
import {segmentPages} from '../../src/text/segment.js'
import {categoriesIn, docOf, ruleDir, ruleYaml} from './helpers.js'

const categories = categoriesIn

describe('reserved contracts', () => {
  it('tells the three reservations apart by their beneficiaries or their article', () => {
    expect(categories('Le lot 4 est réservé aux établissements et services d’aide par le travail.')).toEqual(['reserved-disability'])
    expect(categories('Lot 2 réservé aux ateliers et chantiers d’insertion.')).toEqual(['reserved-insertion'])
    expect(categories('Ce lot est réservé aux entreprises de l’ESS.')).toEqual(['reserved-ess'])
    expect(categories('Réservation : Oui – art. L2113-13 CCP')).toEqual(['reserved-insertion'])
    expect(categories('Marché réservé en application de l’article L. 2113-14 du CCP.')).toEqual(['reserved-disability', 'reserved-insertion'])
    expect(categories('Le marché est réservé à des opérateurs qui emploient des travailleurs handicapés ou défavorisés.'))
      .toEqual(['reserved-disability', 'reserved-insertion'])
  })

  it('reads a bare "marché réservé" as EA/ESAT only when the document names no other beneficiary', () => {
    expect(categories('Marché réservé : oui.')).toEqual(['reserved-disability'])
    expect(categories(['Marché réservé : oui.', 'Le marché est réservé aux entreprises de l’économie sociale et solidaire.'])).toEqual(['reserved-ess'])
    expect(categories(['ARTICLE 9 – SUIVI (marché réservé)', 'Le présent marché étant réservé aux SIAE, le titulaire rend compte des parcours.']))
      .toEqual(['reserved-insertion'])
  })

  it('ignores denied reservations even when the articles are cited', () => {
    expect(categories('Le présent marché n’est pas réservé aux opérateurs mentionnés aux articles L. 2113-12 à L. 2113-15 du code de la commande publique.')).toEqual([])
    expect(categories('Participation réservée : la participation n’est pas réservée.')).toEqual([])
    expect(categories('Lot 1 – Maçonnerie : non réservé')).toEqual([])
  })

  it('is not fooled by reservations to a profession or by reserved hours', () => {
    expect(categories('Marché réservé à la profession d’architecte.')).toEqual([])
    expect(categories('La prestation est réservée aux seuls titulaires de la carte professionnelle.')).toEqual([])
    expect(categories('Le titulaire réserve 5 % des heures travaillées à des salariés mis à disposition par une ETTI.')).not.toContain('reserved-insertion')
  })

  it('drops a fallback rule when the document has a finding of the categories it names', () => {
    const id = 'reserved-disability/fallback'
    const body = 'match:\n  any: ["marche reserve"]\nunless_found: [reserved-ess]\n'
    const ess = 'reserved-ess/ess-test'
    const rules = loadRuleBase(ruleDir({
      [`${id}.yml`]: ruleYaml(id, body + 'examples:\n  match: ["Marché réservé."]\n  nomatch: ["Marché public."]\n'),
      [`${ess}.yml`]: ruleYaml(ess, 'match:\n  any: ["economie sociale"]\nexamples:\n  match: ["économie sociale"]\n  nomatch: ["x"]\n'),
    }))
    expect(detect(docOf(['Marché réservé.']), rules).map((f) => f.rule)).toEqual([id])
    expect(detect(docOf(['Marché réservé.', 'Entreprises de l’économie sociale.']), rules).map((f) => f.rule)).toEqual([ess])
  })
})

describe('negation and boilerplate layers', () => {
  it('reads a label’s value after a pattern that stops inside a word', () => {
    expect(categories('Critères environnementaux : néant.', {kind: 'RC', section: ['Article 6 – Critères d’attribution']})).toEqual([])
  })

  it('reads "absence de clause" as a negation, but not the absence of what a clause requires', () => {
    expect(categories('Absence de clause sociale d’insertion dans le présent marché.')).toEqual([])
    expect(categories('En l’absence de réalisation des heures d’insertion, le titulaire subit une pénalité de 50 euros par heure.')).toEqual(['insertion-clause'])
  })

  it('does not count a form line that starts with an empty box', () => {
    expect(categories('☐ Le marché est réservé à des ateliers protégés (art. L. 2113-12 du CCP).')).toEqual([])
    expect(categories('☒ Le marché est réservé à des ateliers protégés (art. L. 2113-12 du CCP).')).toEqual(['reserved-disability'])
    expect(categories('☐ L’exécution du marché est restreinte dans le cadre de programmes d’emplois protégés.')).toEqual([])
  })

  it('splits form rows answered "non" and sentences ending in "-ée."', () => {
    const text = 'Participation réservée : la participation n’est pas réservée.\nLe marché sera exécuté dans le cadre de programmes d’emplois protégés : non\nCritères de marchés publics écologiques : non'
    expect(docOf([text]).segments.map((s) => s.text)).toEqual([
      'Participation réservée : la participation n\'est pas réservée.',
      'Le marché sera exécuté dans le cadre de programmes d\'emplois protégés : non',
      'Critères de marchés publics écologiques : non',
    ])
    expect(categories(text, {kind: 'notice'})).toEqual([])
  })

  it('does not take a line opening with a quantity for a numbered heading', () => {
    const segments = docOf(['Volumes :\n350 heures d’insertion\nLe titulaire transmet un bilan.\n4.5 Clause d’insertion\nLe titulaire s’engage.']).segments
    expect(segments.map((s) => [s.text, s.section ?? []])).toEqual([
      ['Volumes :', []],
      ['350 heures d\'insertion', []],
      ['Le titulaire transmet un bilan.', []],
      ['4.5 Clause d\'insertion', ['4.5 Clause d\'insertion']],
      ['Le titulaire s\'engage.', ['4.5 Clause d\'insertion']],
    ])
  })

  it('gives no finding for encouragements, progress clauses or unscored elements', () => {
    const texts = [
      'La collectivité encourage les candidats à recourir à des structures d’insertion par l’activité économique ou du secteur protégé.',
      'Clause de progrès : le titulaire est invité à proposer des produits écolabellisés.',
      'Le pouvoir adjudicateur attire l’attention des candidats sur l’intérêt de proposer des produits écolabellisés ;',
    ]
    for (const t of texts) expect(categories(t, {kind: 'RC'}), t).toEqual([])
  })

  it('keeps selection-stage notice fields out of every category but reservations', () => {
    const sa8000 = 'Certification en matière de responsabilité sociale (norme SA 8000), attestant que le candidat s’engage à respecter les conventions de l’OIT.'
    expect(categories(sa8000, {kind: 'notice', role: 'selection'})).toEqual([])
    expect(categories('Le marché est réservé aux entreprises adaptées et aux ESAT.', {kind: 'notice', role: 'selection'})).toEqual(['reserved-disability'])
  })
})

describe('reservations written in titles and conditions', () => {
  it('joins an upper-case title whose lines open on a preposition', () => {
    const {segments} = segmentPages([{text: 'MARCHE RESERVE\nAUX SIAE\n(ARTICLE L.2113-13\nDU CCP)\nDate limite : voir profil acheteur.'}])
    expect(segments[0]!.text).toBe('MARCHE RESERVE AUX SIAE (ARTICLE L.2113-13 DU CCP)')
    expect(categories('Ramassage des encombrants\nLOT RÉSERVÉ\nAUX STRUCTURES D’INSERTION\nPAR L’ACTIVITÉ ÉCONOMIQUE', {kind: 'notice'})).toEqual(['reserved-insertion'])
    // two upper-case headings stay apart
    const two = segmentPages([{text: 'PRIX\nVALEUR TECHNIQUE'}]).segments
    expect(two.length).toBe(2)
  })

  it('reads the L2113-16 conditions under a reservation as an ESS reservation, not an EA/ESAT one', () => {
    const text = 'Le marché est réservé aux organismes qui remplissent les conditions suivantes :\n– poursuivre un objectif de service à la collectivité ;\n– réinvestir leurs bénéfices dans cet objectif ;\n– ne pas avoir obtenu de marché réservé du même acheteur depuis trois ans.'
    expect(categories(text, {kind: 'RC'})).toEqual(['reserved-ess'])
  })
})
