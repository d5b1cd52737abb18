import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {extract} from '../../src/extract/index.js'

const NOTICES = join(import.meta.dirname, '../../fixtures/notices')
const read = (name: string) => extract({path: name, bytes: readFileSync(join(NOTICES, name))})

function ordered(segments: Array<{start: number; end: number}>): boolean {
  return segments.every((s, i) => s.end > s.start && (i === 0 || s.start > segments[i - 1]!.end))
}

describe('TED legacy reader', () => {
  it('reads the sheltered-workshop flag and the performance conditions of an F02', async () => {
    const doc = await read('ted-f02-reserved-workshop-028434-2020.xml')
    expect(doc.format).toBe('ted-xml')
    expect(doc.kind).toBe('notice')
    expect(doc.declared?.codes).toEqual([{field: 'RESTRICTED_SHELTERED_WORKSHOP', code: 'true'}])
    expect(doc.declared?.categories).toEqual(['reserved-disability'])
    const conditions = doc.segments.filter((s) => s.role === 'execution-condition')
    expect(conditions.length).toBeGreaterThan(0)
    expect(conditions.every((s) => s.field === 'PERFORMANCE_CONDITIONS')).toBe(true)
    expect(conditions.some((s) => s.text.includes('clausola sociale'))).toBe(true)
    expect(doc.facts).toMatchObject({noticeId: '028434-2020', buyerName: 'ASL Pescara', nature: 'services', dispatchDate: '2020-01-17'})
    expect(ordered(doc.segments)).toBe(true)
  })

  it('gives award criteria their weight in % and keeps price and quality apart', async () => {
    const doc = await read('ted-f02-performance-conditions-371398-2021.xml')
    const criteria = doc.segments.filter((s) => s.role === 'award-criterion')
    expect(criteria.map((s) => [s.text, s.weight, s.field])).toEqual([
      ["Valeur technique de l'offre", 70, 'AC_QUALITY'],
      ['Prix', 30, 'AC_PRICE'],
    ])
    expect(criteria[0]!.section).toEqual(["Critères d'attribution"])
    expect(doc.segments.find((s) => s.role === 'title')?.text).toBe("Prestations de services pour le Helpdesk de l'EDQM")
    expect(doc.declared).toBeUndefined()
    expect(doc.facts).toMatchObject({noticeId: '371398-2021', buyerId: '77886008000010', departement: '67'})
  })

  it('reads lots, both reservation flags and buyer facts of an F21', async () => {
    const doc = await read('ted-f21-reserved-210534-2022.xml')
    expect(doc.declared?.categories).toEqual(['reserved-disability', 'reserved-ess'])
    const lot2 = doc.segments.filter((s) => s.lot === '2')
    expect(lot2.map((s) => s.role)).toEqual(['title', 'description'])
    expect(lot2[0]!.section).toEqual(['Lot 2', 'Intitulé'])
    expect(doc.facts).toMatchObject({buyerName: 'ville de Calais', departement: '62', estimatedValue: 1500000, nature: 'services'})
    expect(doc.facts?.lots?.map((l) => l.id)).toEqual(['1', '2', '3'])
  })

  it('takes the text of the French form and the codes of the original one', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<TED_EXPORT xmlns="http://publications.europa.eu/resource/schema/ted/R2.0.9/publication" DOC_ID="123456-2020">
<FORM_SECTION>
 <F02_2014 CATEGORY="ORIGINAL" FORM="F02" LG="DE"><OBJECT_CONTRACT><TITLE><P>Reinigung</P></TITLE><TYPE_CONTRACT CTYPE="SERVICES"/>
  <OBJECT_DESCR ITEM="1"><LOT_NO>1</LOT_NO><AC><AC_QUALITY><AC_CRITERION>Qualität</AC_CRITERION><AC_WEIGHTING>6</AC_WEIGHTING></AC_QUALITY>
  <AC_PRICE><AC_WEIGHTING>4</AC_WEIGHTING></AC_PRICE></AC></OBJECT_DESCR></OBJECT_CONTRACT>
  <LEFTI><RESTRICTED_SHELTERED_PROGRAM/></LEFTI></F02_2014>
 <F02_2014 CATEGORY="TRANSLATION" FORM="F02" LG="FR"><OBJECT_CONTRACT><TITLE><P>Nettoyage</P></TITLE><TYPE_CONTRACT CTYPE="SERVICES"/>
  <OBJECT_DESCR ITEM="1"><LOT_NO>1</LOT_NO><AC><AC_QUALITY><AC_CRITERION>Qualité</AC_CRITERION><AC_WEIGHTING>6</AC_WEIGHTING></AC_QUALITY>
  <AC_PRICE><AC_WEIGHTING>4</AC_WEIGHTING></AC_PRICE></AC></OBJECT_DESCR></OBJECT_CONTRACT></F02_2014>
</FORM_SECTION></TED_EXPORT>`
    const doc = await extract({path: 'bilingue.xml', bytes: Buffer.from(xml)})
    expect(doc.segments.map((s) => s.text)).toEqual(['Nettoyage', 'Qualité', 'Prix'])
    expect(doc.segments.filter((s) => s.role === 'award-criterion').map((s) => [s.lot, s.weight])).toEqual([['1', 60], ['1', 40]])
    expect(doc.declared?.codes).toEqual([{field: 'RESTRICTED_SHELTERED_PROGRAM', code: 'true'}])
    expect(doc.facts).toMatchObject({noticeId: '123456-2020', title: 'Nettoyage', nature: 'services'})
  })
})
