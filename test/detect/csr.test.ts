// CSR ("RSE") and sustainable development as award criteria (TAXONOMY borderline rule): both
// social and environmental when the text names both aspects or neither, otherwise the aspect it
// names; "développement durable" alone is environmental.

import {describe, expect, it} from 'vitest'
import {detect, loadRuleBase} from '../../src/detect/engine.js'
import {docOf} from './helpers.js'

const base = loadRuleBase()
const AWARD = ['env-award-criterion', 'social-award-criterion']
const criteria = (text: string) =>
  [...new Set(detect(docOf([text], {kind: 'notice', role: 'award-criterion'}), base).map((f) => f.category))].filter((c) => AWARD.includes(c)).sort()
const rcCriteria = (text: string) =>
  [...new Set(detect(docOf([text], {kind: 'RC', section: ['Article 6 – Critères d’attribution']}), base).map((f) => f.category))].filter((c) => AWARD.includes(c)).sort()

describe('CSR and sustainable development criteria', () => {
  it('counts a bare CSR criterion for both sides', () => {
    expect(criteria('Démarche RSE de l’entreprise (10 %)')).toEqual(AWARD)
    expect(rcCriteria('Sous-critère 2.4 : politique RSE du soumissionnaire – 5 points')).toEqual(AWARD)
  })

  it('counts a CSR criterion for the only aspect it names', () => {
    expect(criteria('Démarche RSE – volet social (5 %)')).toEqual(['social-award-criterion'])
    expect(criteria('Démarche RSE : volet environnemental (5 %)')).toEqual(['env-award-criterion'])
    expect(rcCriteria('Critère RSE (8 %) : politique environnementale appliquée au marché (tri des déchets, véhicules propres).')).toEqual(['env-award-criterion'])
    expect(rcCriteria('Engagements RSE en matière d’emploi local et d’insertion : 6 points')).toEqual(['social-award-criterion'])
    expect(rcCriteria('Volet écologique de la démarche RSE du candidat : 4 %')).toEqual(['env-award-criterion'])
  })

  it('counts a CSR criterion for both sides when it names both', () => {
    expect(rcCriteria('Démarche RSE (volet social et volet environnemental) : 10 %')).toEqual(AWARD)
    expect(criteria('Responsabilité sociale et environnementale du candidat (5 %)')).toEqual(AWARD)
  })

  it('reads sustainable development alone as environmental, and as social when only that side is named', () => {
    expect(criteria('Développement durable (10 %)')).toEqual(['env-award-criterion'])
    expect(criteria('Développement durable : volet social (insertion des publics éloignés de l’emploi) 10 %')).toEqual(['social-award-criterion'])
    expect(criteria('Performances en matière de développement durable (insertion, environnement) 15 %')).toEqual(AWARD)
  })
})
