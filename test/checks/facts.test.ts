import {describe, expect, it} from 'vitest'
import {aboveEuThreshold, reform2026} from '../../src/checks/applicability.js'
import {inferFacts, readDate} from '../../src/checks/facts.js'
import type {DossierFacts} from '../../src/checks/types.js'
import {draftDocument} from './helpers.js'

const today = '2026-11-21'

describe('fact inference', () => {
  it('reads French dates in three forms', () => {
    expect(readDate('envoye le 1er septembre 2026')).toBe('2026-09-01')
    expect(readDate('date : 21/08/2026')).toBe('2026-08-21')
    expect(readDate('le 2026-10-02 a midi')).toBe('2026-10-02')
    expect(readDate('aucune date')).toBeUndefined()
  })

  it('reads the dispatch date, the estimated value and the nature, saying where', () => {
    const rc = draftDocument('RC.txt', 'RC', `--- Page 1 ---
Article 2 - Montant
Le montant estimé du marché est de 1 250 000,00 € HT.
Date d'envoi de l'avis à la publication : 3 octobre 2026.
`)
    const ccap = draftDocument('CCAP.txt', 'CCAP', `Article 2 - Pièces\nLe CCAG-Travaux de 2021 s'applique.\n`)
    const facts = inferFacts([rc, ccap], {today})
    expect(facts.consultationDate).toMatchObject({value: '2026-10-03', source: 'document', from: {path: 'RC.txt', page: 1}})
    expect(facts.estimatedValue).toMatchObject({value: 1_250_000, source: 'document'})
    expect(facts.nature).toMatchObject({value: 'works', from: {path: 'CCAP.txt'}})
  })

  it('adds up per-lot values when no total is stated, and prefers a stated total', () => {
    const lots = draftDocument('RC.txt', 'RC', `Lot 1 : montant estimé 120 000 € HT.\nLot 2 : montant estimé 150 000 € HT.\n`)
    expect(inferFacts([lots], {today}).estimatedValue?.value).toBe(270_000)
    const total = draftDocument('RC.txt', 'RC', `Lot 1 : montant estimé 120 000 € HT.\nLot 2 : montant estimé 150 000 € HT.\nMontant total estimé, tous lots confondus : 300 000 € HT.\n`)
    expect(inferFacts([total], {today}).estimatedValue?.value).toBe(300_000)
  })

  it('reads abbreviated months and short years, not article numbers', () => {
    expect(readDate('le 3 sept. 2026')).toBe('2026-09-03')
    expect(readDate('avis du 15/09/26')).toBe('2026-09-15')
    expect(readDate('date : 09.11.2026.')).toBe('2026-11-09')
    expect(readDate('articles r2161-2 a r2161-5, point 4.1.26')).toBeUndefined()
  })

  it('reads dispatch sentences that name the journals before the date', () => {
    const rc = draftDocument('RC.txt', 'RC', "L'avis d'appel public à la concurrence a été envoyé au JOUE et au BOAMP le 3 septembre 2026.\nLa consultation a été mise en ligne sur le profil d'acheteur le 4 septembre 2026.")
    expect(inferFacts([rc], {today}).consultationDate).toMatchObject({value: '2026-09-03', source: 'document'})
    const both = draftDocument('RC.txt', 'RC', "Date limite de réception des offres : 4 décembre 2026, date d'envoi de l'avis : 26 octobre 2026.")
    expect(inferFacts([both], {today})).toMatchObject({consultationDate: {value: '2026-10-26'}})
  })

  it('reads amounts in millions, lot amounts listed in one sentence, and annual amounts in their own clause', () => {
    expect(inferFacts([draftDocument('RC.txt', 'RC', "Estimation : 1,5 million d'euros HT pour quatre ans.")], {today}).estimatedValue?.value).toBe(1_500_000)
    const lots = draftDocument('RC.txt', 'RC', 'Lot 1 : espaces verts nord – montant estimé 180 000 € HT\nLot 2 : espaces verts sud – montant estimé 150 000 € HT\nLot 3 : abords – montant estimé 90 000 € HT\n')
    expect(inferFacts([lots], {today}).estimatedValue?.value).toBe(420_000)
    const annual = draftDocument('RC.txt', 'RC', "L'accord-cadre est conclu pour une durée d'un an reconductible trois fois, sans montant minimum, avec un montant maximum de 1 500 000 € HT par an.")
    const fact = inferFacts([annual], {today}).estimatedValue!
    expect(fact.value).toBe(6_000_000)
    expect(fact.from!.quote).toContain('1 500 000 € HT par an')
  })

  it('takes the buyer from the cover, not from "l\'état des heures" in the body', () => {
    const rc = draftDocument('RC.txt', 'RC', 'RÉGION OCCITANIE-SUD\nRèglement de la consultation')
    const ccap = draftDocument('CCAP.txt', 'CCAP', "Le titulaire transmet chaque mois l'état des heures réalisées.")
    expect(inferFacts([ccap, rc], {today}).buyer).toMatchObject({value: 'local', from: {path: 'RC.txt'}})
    const state = draftDocument('RC.txt', 'RC', 'PRÉFECTURE DE LA MARNE\nDirection départementale des territoires')
    expect(inferFacts([state], {today}).buyer?.value).toBe('central')
  })

  it('infers supplies or services from the CCAG-FCS, services from the CCAG-PI', () => {
    expect(inferFacts([draftDocument('CCAP.txt', 'CCAP', 'Le CCAG-FCS est applicable.')], {today}).nature?.value).toBe('supplies-or-services')
    expect(inferFacts([draftDocument('CCAP.txt', 'CCAP', 'Le CCAG-PI est applicable.')], {today}).nature?.value).toBe('services')
  })

  it('lets flags win, and defaults the date to today when the documents say nothing', () => {
    const doc = draftDocument('RC.txt', 'RC', "Date d'envoi de l'avis : 3 octobre 2026. Montant estimé : 90 000 € HT.")
    const facts = inferFacts([doc], {today, consultationDate: '2026-05-01', estimatedValue: 500_000, nature: 'services', buyer: 'central'})
    expect(facts.consultationDate).toEqual({value: '2026-05-01', source: 'flag'})
    expect(facts.estimatedValue).toEqual({value: 500_000, source: 'flag'})
    expect(inferFacts([draftDocument('RC.txt', 'RC', 'Objet : nettoyage.')], {today}).consultationDate).toEqual({value: today, source: 'default'})
  })

  it('uses a past deadline for offers as an upper bound of the launch date', () => {
    const doc = draftDocument('RC.txt', 'RC', 'Date limite de réception des offres : 15 juin 2026 à 12 h.')
    const facts = inferFacts([doc], {today})
    expect(facts.consultationDate).toBeUndefined()
    expect(facts.launchedBy?.value).toBe('2026-06-15')
    expect(reform2026(facts).applies).toBe(false)
  })
})

describe('applicability', () => {
  const facts = (f: Partial<Record<'date' | 'value' | 'nature' | 'buyer', string | number>>): DossierFacts => ({
    ...(f.date ? {consultationDate: {value: String(f.date), source: 'flag' as const}} : {}),
    ...(f.value ? {estimatedValue: {value: Number(f.value), source: 'flag' as const}} : {}),
    ...(f.nature ? {nature: {value: f.nature as 'works', source: 'flag' as const}} : {}),
    ...(f.buyer ? {buyer: {value: f.buyer as 'local', source: 'flag' as const}} : {}),
  })

  it('switches the 2026 obligations on from 21 August 2026', () => {
    expect(reform2026(facts({date: '2026-08-20'})).applies).toBe(false)
    expect(reform2026(facts({date: '2026-08-21'})).applies).toBe(true)
    expect(reform2026({}).applies).toBe('undecided')
  })

  it('compares the estimated value with the 2026-2027 EU thresholds', () => {
    expect(aboveEuThreshold(facts({value: 5_404_000, nature: 'works'})).applies).toBe(true)
    expect(aboveEuThreshold(facts({value: 5_403_999, nature: 'works'})).applies).toBe(false)
    expect(aboveEuThreshold(facts({value: 150_000, nature: 'services', buyer: 'central'})).applies).toBe(true)
    expect(aboveEuThreshold(facts({value: 150_000, nature: 'services', buyer: 'local'})).applies).toBe(false)
    expect(aboveEuThreshold(facts({value: 216_000, nature: 'supplies', buyer: 'local'})).applies).toBe(true)
    expect(aboveEuThreshold(facts({value: 400_000, nature: 'services', buyer: 'utility'})).applies).toBe(false)
  })

  it('says what is missing rather than guessing, unless every threshold gives the same answer', () => {
    expect(aboveEuThreshold(facts({nature: 'works'}))).toMatchObject({applies: 'undecided', reason: expect.stringContaining('--estimated-value')})
    expect(aboveEuThreshold(facts({value: 300_000}))).toMatchObject({applies: 'undecided', reason: expect.stringContaining('--nature')})
    expect(aboveEuThreshold(facts({value: 300_000, nature: 'services'}))).toMatchObject({applies: 'undecided', reason: expect.stringContaining('--buyer')})
    expect(aboveEuThreshold(facts({value: 100_000})).applies).toBe(false)
    expect(aboveEuThreshold(facts({value: 6_000_000})).applies).toBe(true)
  })
})
