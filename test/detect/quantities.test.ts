import {describe, expect, it} from 'vitest'
import {frenchNumberWords} from '../../src/detect/numbers.js'
import {insertionHours, insertionShare} from '../../src/detect/quantities.js'
import {criterionWeight, statedTotal} from '../../src/detect/weight.js'
import {fold as foldOnly, normalizeText} from '../../src/text/normalize.js'

/** Segments hold normalised text (apostrophes unified): fold what the engine would see. */
const fold = (t: string) => foldOnly(normalizeText(t))

const hours = (t: string) => insertionHours(fold(t))
const share = (t: string) => insertionShare(fold(t))
const weight = (t: string, total?: number) => criterionWeight(fold(t), undefined, total)

describe('quantities', () => {
  it('reads insertion hours in French number formats', () => {
    expect(hours('Le titulaire réalise 1 250 heures d’insertion.')).toBe(1250)
    expect(hours('Volume d’insertion : 350 h.')).toBe(350)
    expect(hours('soit 1.800 heures de travail réservées')).toBe(1800)
  })

  it('leaves out rates, weekly hours and deadlines, and prefers a stated total', () => {
    expect(hours('35 H par tranche de 100 000 € de commandes')).toBeUndefined()
    expect(hours('accueil en immersion (35 heures minimum par immersion)')).toBeUndefined()
    expect(hours('des contrats d’une durée hebdomadaire au moins égale à 26 heures hebdomadaires')).toBeUndefined()
    expect(hours('remise du bilan dans un délai de 48 heures')).toBeUndefined()
    expect(hours('accueillir en immersion une personne sur une durée minimum de 35 heures')).toBeUndefined()
    expect(hours('soit environ 520 heures par an')).toBe(520)
    expect(hours('Lot 01 : 910 h ; Lot 02 : 350 h ; TOTAL OPÉRATION 1 260 h')).toBe(1260)
  })

  it('skips times of day and short action lengths', () => {
    expect(hours('Accueil de 9 h à 17 h, du lundi au vendredi.')).toBeUndefined()
    expect(hours('Ouverture à 8 h 30.')).toBeUndefined()
    expect(hours('Animer une demi-journée (3h) de face à face.')).toBeUndefined()
  })

  it('reads a labelled number of hours, and leaves per-lot lists without a total', () => {
    expect(hours('Nombre minimum d’heures estimé : 900.')).toBe(900)
    expect(hours('Volume horaire d’insertion à réaliser : 1 200')).toBe(1200)
    expect(hours('Nombre d’heures d’insertion : 35 par tranche de 100 000 € HT')).toBeUndefined()
    expect(hours('Nombre d’heures de retard constatées : 3')).toBeUndefined()
    expect(hours('1 | Tonte | 350 h 2 | Haies | 180 h 3 | Élagage | 120 h')).toBeUndefined()
    expect(hours('1 | Tonte | 350 h 2 | Haies | 180 h 3 | Élagage | 120 h TOTAL | | 650 h')).toBe(650)
    expect(hours('Ouverture de 14 h 30 à 18 h.')).toBeUndefined()
    expect(hours('Le nombre d’heures d’insertion à réaliser est fixé à 800.')).toBe(800)
    expect(hours('Le volume d’heures à réaliser s’élève à 700 heures.')).toBe(700)
  })

  it('prefers the hours stated as insertion hours', () => {
    expect(hours('Sur un marché de 12 000 heures de travail, 600 heures d’insertion sont réservées.')).toBe(600)
  })

  it('reads a share of hours, in digits or words, and ignores other percentages', () => {
    expect(share('au moins 5 % des heures travaillées')).toBe(5)
    expect(share('cinq pour cent du nombre total d’heures')).toBe(5)
    expect(share('six pour-cent des heures travaillées')).toBe(6)
    expect(share('7,5 % de la main-d’œuvre')).toBe(7.5)
    expect(share('une pénalité de 10 % du montant du marché')).toBeUndefined()
    expect(share('le titulaire affecte au moins un cinquième des heures d’entretien')).toBe(20)
    expect(share('20 % du volume total des heures nécessaires')).toBe(20)
    expect(share('un quart du montant facturé')).toBeUndefined()
    expect(share('La part des heures de travail réservée aux publics éligibles est de 6 %.')).toBe(6)
    expect(share('La part du montant sous-traitée à des SIAE est de 6 %.')).toBeUndefined()
  })

  it('reads criterion weights in %, points out of a total, and fractions', () => {
    expect(weight('20 points sur 100')).toBe(20)
    expect(weight('pondération : 15 %')).toBe(15)
    expect(weight('pondération : 15')).toBe(15)
    expect(weight('40 pts', 200)).toBe(20)
    expect(weight('note : 12/20')).toBe(60)
    expect(weight('Prix')).toBeUndefined()
  })

  it('reads a stated marking scale', () => {
    expect(statedTotal(fold('Les offres sont notées sur 60 points.'))).toBe(60)
    expect(statedTotal(fold('Total : 200 points'))).toBe(200)
    expect(statedTotal(fold('Prix 60 %'))).toBeUndefined()
  })

  it('reads French number words', () => {
    expect(frenchNumberWords('cinq')).toBe(5)
    expect(frenchNumberWords('vingt-cinq')).toBe(25)
    expect(frenchNumberWords('quatre-vingt-dix')).toBe(90)
    expect(frenchNumberWords('soixante et onze')).toBe(71)
    expect(frenchNumberWords('beaucoup')).toBeUndefined()
    expect(frenchNumberWords('deux cent quarante')).toBe(240)
    expect(frenchNumberWords('mille deux cents')).toBe(1200)
    expect(frenchNumberWords('trois mille cinq cents')).toBe(3500)
  })

  it('reads hours written in words, with or without the figure in brackets', () => {
    expect(hours('Le volume s’élève à quatre cent vingt (420) heures.')).toBe(420)
    expect(hours('le titulaire réalise mille huit cents heures d’insertion')).toBe(1800)
    expect(hours('trois cent cinquante heures de travail réservées aux publics éligibles')).toBe(350)
    expect(hours('un volume de 1 500 (mille cinq cents) heures')).toBe(1500)
    // a few hours are the length of an action, a rate is not a volume
    expect(hours('une session de deux heures par semaine')).toBeUndefined()
    expect(hours('trente-cinq heures par tranche de 100 000 € HT')).toBeUndefined()
  })

  it('reads totals stated over the contract period, after a comma, or as a bare total row', () => {
    expect(hours('Le volume d’heures à confier est fixé à 640 heures pour toute la durée de l’accord-cadre.')).toBe(640)
    expect(hours('35 heures pour toute tranche de 100 000 € HT facturée')).toBeUndefined()
    expect(hours('L’entreprise effectue, sur la durée du chantier, 260 heures de travail au bénéfice de demandeurs d’emploi.')).toBe(260)
    expect(hours('Stage d’une durée minimale de 70 heures')).toBeUndefined()
    expect(hours('TOTAL GÉNÉRAL 1 120')).toBe(1120)
    expect(hours('Total | | 830')).toBe(830)
  })

  it('reads a share whose figure is repeated in brackets', () => {
    expect(share('Dix pour cent (10 %) au moins du temps de travail sont confiés à des personnes en insertion')).toBe(10)
    expect(share('6 % (six pour cent) des heures de main-d’œuvre')).toBe(6)
  })

  it('reads a coefficient out of a stated sum of coefficients', () => {
    expect(weight('Démarche d’insertion — coefficient 2. La somme des coefficients des quatre critères est égale à 20.')).toBe(10)
  })
})
