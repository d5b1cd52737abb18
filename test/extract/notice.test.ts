import {describe, expect, it} from 'vitest'
import {DocumentError} from '../../src/core/errors.js'
import {extract} from '../../src/extract/index.js'
import {
  cleanOrganisationId, departementFromPostalCode, NoticeText, parseWeighting, weightsInPercent,
} from '../../src/extract/notice.js'

async function documentError(promise: Promise<unknown>): Promise<DocumentError> {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(DocumentError)
  return error as DocumentError
}

describe('notice dispatch', () => {
  it('says which root element an unknown XML has', async () => {
    const xml = '<?xml version="1.0"?><gc:CodeList xmlns:gc="urn:x"><Identification/></gc:CodeList>'
    const error = await documentError(extract({path: 'codes.gc', bytes: Buffer.from(xml)}))
    expect(error.status).toBe('not_analysable')
    expect(error.code).toBe('unknown-xml')
    expect(error.message).toContain('codes.gc')
    expect(error.message).toContain('<CodeList>')
  })

  it('reports an eForms notice without any text or code as empty, not as "no clause"', async () => {
    const xml = '<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2"><ID>x</ID></ContractNotice>'
    const error = await documentError(extract({path: 'vide.xml', bytes: Buffer.from(xml)}))
    expect(error.status).toBe('not_analysable')
    expect(error.code).toBe('empty')
  })
})

describe('NoticeText', () => {
  it('gives every field its segments with offsets into one full text', () => {
    const text = new NoticeText()
    text.add({text: 'Nettoyage des locaux', role: 'title', field: 'TITLE', section: ['Intitulé']})
    text.add({text: '   ', role: 'other', field: 'INFO_ADD', section: ['Informations complémentaires']})
    text.add({
      text: "Le titulaire s'engage à réaliser 350 heures d'insertion. Un bilan est remis.",
      role: 'execution-condition', field: 'PERFORMANCE_CONDITIONS', section: ['Lot 2', "Conditions d'exécution"], lot: '2',
    })
    text.add({text: 'Valeur technique', role: 'award-criterion', field: 'AC_QUALITY', section: ['Lot 2', "Critères d'attribution"], lot: '2', weight: 60})
    expect(text.segments.map((s) => s.text)).toEqual([
      'Nettoyage des locaux',
      "Le titulaire s'engage à réaliser 350 heures d'insertion.",
      'Un bilan est remis.',
      'Valeur technique',
    ])
    for (const s of text.segments) expect(text.fullText.slice(s.start, s.end)).toBe(s.text)
    expect(text.segments[1]).toMatchObject({role: 'execution-condition', lot: '2', section: ['Lot 2', "Conditions d'exécution"]})
    expect(text.segments[3]).toMatchObject({role: 'award-criterion', weight: 60, field: 'AC_QUALITY'})
    expect(text.segments[0]!.weight).toBeUndefined()
  })
})

describe('fact and weight helpers', () => {
  it('reads stated weightings', () => {
    expect(parseWeighting('40 %')).toEqual({value: 40, unit: 'percent'})
    expect(parseWeighting('12,5%')).toEqual({value: 12.5, unit: 'percent'})
    expect(parseWeighting('20 points')).toEqual({value: 20, unit: 'points'})
    expect(parseWeighting('60')).toEqual({value: 60, unit: 'number'})
    expect(parseWeighting('Voir le règlement de consultation')).toBeUndefined()
  })

  it('turns a set of weights into percentages of the total', () => {
    const w = (v: number, unit: 'percent' | 'points' | 'number') => ({value: v, unit})
    expect(weightsInPercent([w(60, 'number'), w(40, 'number')])).toEqual([60, 40])
    expect(weightsInPercent([w(6, 'points'), w(4, 'points')])).toEqual([60, 40])
    expect(weightsInPercent([w(30, 'percent'), undefined])).toEqual([30, undefined])
    // points with a criterion lacking a weight: the total is unknown
    expect(weightsInPercent([w(6, 'points'), undefined])).toEqual([undefined, undefined])
  })

  it('derives the département from a French postal code', () => {
    expect(departementFromPostalCode('75639')).toBe('75')
    expect(departementFromPostalCode('97440')).toBe('974')
    expect(departementFromPostalCode('20000')).toBe('2A')
    expect(departementFromPostalCode('20200')).toBe('2B')
    expect(departementFromPostalCode('B-1000')).toBeUndefined()
  })

  it('keeps SIRET and SIREN as digits only', () => {
    expect(cleanOrganisationId('219 740 099 00011')).toBe('21974009900011')
    expect(cleanOrganisationId('77886008000010APE990Z')).toBe('77886008000010')
    expect(cleanOrganisationId('123 456 789')).toBe('123456789')
    expect(cleanOrganisationId('BE0248.399.380')).toBe('BE0248.399.380')
    expect(cleanOrganisationId('  ')).toBeUndefined()
  })
})
