import {describe, expect, it} from 'vitest'
import {categoriesForCode, decpConsiderationCategories, declareConsiderations, declaredCategories} from '../../src/detect/declared.js'

describe('declared codes -> categories', () => {
  it('maps reservations', () => {
    expect(categoriesForCode({field: 'BT-71', code: 'res-ws'})).toEqual(['reserved-disability'])
    expect(categoriesForCode({field: 'BT-71', code: 'res-pub-ser'})).toEqual(['reserved-ess'])
    expect(categoriesForCode({field: 'BT-71', code: 'none'})).toEqual([])
    expect(categoriesForCode({field: 'BT-736', code: 'yes'})).toEqual(['reserved-disability'])
    expect(categoriesForCode({field: 'BT-736', code: 'not-known'})).toEqual([])
    expect(categoriesForCode({field: 'RESTRICTED_SHELTERED_WORKSHOP', code: 'true'})).toEqual(['reserved-disability'])
    expect(categoriesForCode({field: 'RESERVED_ORGANISATIONS_SERVICE_MISSION', code: 'true'})).toEqual(['reserved-ess'])
  })

  it('maps social and environmental objectives', () => {
    expect(categoriesForCode({field: 'BT-775', code: 'opp'})).toEqual(['insertion-clause'])
    for (const code of ['work-cond', 'gen-eq', 'hum-right', 'acc-all', 'et-eq', 'other']) {
      expect(categoriesForCode({field: 'BT-775', code})).toEqual(['social-other-condition'])
    }
    expect(categoriesForCode({field: 'BT-774', code: 'clim-mitig'})).toEqual(['env-execution-condition'])
    expect(categoriesForCode({field: 'BT-805', code: 'eu'})).toEqual(['env-technical-specification'])
    expect(categoriesForCode({field: 'BT-805', code: 'none'})).toEqual([])
    expect(categoriesForCode({field: 'BT-776', code: 'rd-act'})).toEqual([])
    expect(categoriesForCode({field: 'BT-06', code: 'none'})).toEqual([])
  })

  it('lets BT-775 / BT-774 of the same lot say what BT-06 means', () => {
    expect(declaredCategories([{field: 'BT-06', code: 'soc-obj', lot: 'LOT-0001'}])).toEqual(['insertion-clause'])
    expect(declaredCategories([
      {field: 'BT-06', code: 'soc-obj', lot: 'LOT-0001'},
      {field: 'BT-775', code: 'gen-eq', lot: 'LOT-0001'},
    ])).toEqual(['social-other-condition'])
    // another lot's BT-775 does not explain this lot's BT-06
    expect(declaredCategories([
      {field: 'BT-06', code: 'soc-obj', lot: 'LOT-0001'},
      {field: 'BT-775', code: 'gen-eq', lot: 'LOT-0002'},
    ])).toEqual(['insertion-clause', 'social-other-condition'])
  })

  it('deduplicates codes and orders categories as the taxonomy does', () => {
    const declared = declareConsiderations([
      {field: 'BT-774', code: 'other', lot: 'LOT-0001'},
      {field: 'BT-71', code: 'res-ws', lot: 'LOT-0001'},
      {field: 'BT-71', code: 'res-ws', lot: 'LOT-0001'},
    ])
    expect(declared.codes).toHaveLength(2)
    expect(declared.categories).toEqual(['reserved-disability', 'env-execution-condition'])
  })

  it('maps DECP considerations, arrays or flattened strings', () => {
    expect(decpConsiderationCategories(['Clause sociale', 'Critère social'])).toEqual(['insertion-clause', 'social-award-criterion'])
    expect(decpConsiderationCategories('Marché réservé')).toEqual(['reserved-disability'])
    expect(decpConsiderationCategories('Clause environnementale, Critère environnemental')).toEqual(['env-execution-condition', 'env-award-criterion'])
    expect(decpConsiderationCategories(['Pas de considération sociale'])).toEqual([])
    expect(decpConsiderationCategories('Sans objet')).toEqual([])
    expect(decpConsiderationCategories(null)).toEqual([])
  })
})
