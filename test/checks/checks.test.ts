import {describe, expect, it} from 'vitest'
import {runChecks} from '../../src/checks/run.js'
import type {CheckId, DraftDocument} from '../../src/checks/types.js'
import {dossierOf, draftDocument, findingOn} from './helpers.js'

const RC_OK = `--- Page 1 ---
Article 1 - Objet
Commune de Valbrune. Marché de services de collecte des encombrants. Montant estimé : 600 000 € HT.
Date d'envoi de l'avis : 5 octobre 2026.
--- Page 2 ---
Article 5 - Critères d'attribution
Prix : 60 %
Valeur environnementale de l'offre : 40 %
`

const CCAP = `--- Page 1 ---
Article 1 - Objet
Le CCAG-FCS s'applique.
--- Page 3 ---
Article 7 - Conditions d'exécution
Le titulaire s'engage à réaliser 400 heures d'insertion au profit de personnes éloignées de l'emploi.
Le titulaire assure la valorisation des encombrants collectés.
`

function fired(docs: DraftDocument[], flags = {}): CheckId[] {
  return [...new Set(runChecks(dossierOf(docs, flags)).diagnostics.map((d) => d.check))].sort()
}

function ccapWith(text: string, findings: Array<[Parameters<typeof findingOn>[1], string]>): DraftDocument {
  const doc = draftDocument('CCAP.txt', 'CCAP', text)
  doc.findings = findings.map(([category, words]) => findingOn(doc, category, words))
  return doc
}

describe('execution-condition checks on findings', () => {
  const rc = () => draftDocument('RC.txt', 'RC', RC_OK)

  it('are satisfied by an insertion clause and an environmental condition', () => {
    const ccap = ccapWith(CCAP, [['insertion-clause', '400 heures'], ['env-execution-condition', 'valorisation']])
    expect(fired([rc(), ccap])).toEqual([])
  })

  it('report the missing social condition above the threshold, at the CCAP execution article', () => {
    const ccap = ccapWith(CCAP, [['env-execution-condition', 'valorisation']])
    const report = runChecks(dossierOf([rc(), ccap]))
    const d = report.diagnostics.find((x) => x.check === 'social-execution-condition-missing')
    expect(d).toMatchObject({level: 'error', path: 'CCAP.txt', page: 3, article: "Article 7 - Conditions d'exécution", legal: ['L2112-2-1']})
    expect(d!.message).toContain('600 000 € HT')
    expect(d!.suggestion).toContain('L2112-2-1')
  })

  it('accept any binding social condition, a reservation of the whole contract, or a justified exception', () => {
    expect(fired([rc(), ccapWith(CCAP, [['social-other-condition', '400 heures'], ['env-execution-condition', 'valorisation']])])).toEqual([])
    const reserved = ccapWith(`${CCAP}\nArticle 8 - Réservation\nLe marché est réservé aux structures d'insertion par l'activité économique en application de l'article L2113-13 du CCP.\n`,
      [['reserved-insertion', 'réservé aux structures'], ['env-execution-condition', 'valorisation']])
    expect(fired([rc(), reserved])).toEqual([])
    const exception = ccapWith(`${CCAP}\nArticle 8 - Clause sociale\nAucune clause sociale n'est prévue car elle aurait pour effet de restreindre la concurrence (article L2112-2-1 du CCP).\n`,
      [['env-execution-condition', 'valorisation']])
    expect(fired([rc(), exception])).toEqual([])
  })

  it('do not count a contract as reserved when only some of its lots are', () => {
    const rcLots = draftDocument('RC.txt', 'RC', `${RC_OK}\nArticle 2 - Allotissement\nLot n° 1 : collecte.\nLot n° 2 : tri.\n`)
    const ccap = ccapWith(`${CCAP}\nArticle 8 - Réservation\nLe lot n° 2 est réservé aux ESAT et aux entreprises adaptées (article L2113-12 du CCP).\n`,
      [['reserved-disability', 'lot n° 2 est réservé'], ['env-execution-condition', 'valorisation']])
    const report = runChecks(dossierOf([rcLots, ccap]))
    const d = report.diagnostics.find((x) => x.check === 'social-execution-condition-missing')
    expect(d?.message).toContain('Seul le lot 2 est réservé')
  })

  it('read the reserved lots in the list item that reserves them, and "lots 1 et 2" as two lots', () => {
    // A lot list run into one sentence with the reservation, as the segmenter leaves unpunctuated lines.
    const listed = `${RC_OK}\nArticle 2 - Allotissement\nLot 1 : collecte nord Lot 2 : collecte sud Lot 3 : tri ; le lot 3 est réservé aux structures d'insertion (article L2113-13 du CCP).\n`
    const some = draftDocument('RC.txt', 'RC', listed)
    some.findings = [findingOn(some, 'reserved-insertion', 'est réservé aux structures')]
    const ccap = ccapWith(CCAP, [['env-execution-condition', 'valorisation']])
    const d = runChecks(dossierOf([some, ccap])).diagnostics.find((x) => x.check === 'social-execution-condition-missing')
    expect(d?.message).toContain('Seul le lot 3 est réservé')
    const all = draftDocument('RC.txt', 'RC', `${listed}Les lots 1 et 2 sont réservés aux ESAT et entreprises adaptées (article L2113-12 du CCP).\n`)
    all.findings = [findingOn(all, 'reserved-insertion', 'est réservé aux structures'), findingOn(all, 'reserved-disability', 'Les lots 1 et 2')]
    expect(fired([all, ccap])).toEqual([])
  })

  it('do not count a form line answered "non" as a reservation', () => {
    const answered = draftDocument('RC.txt', 'RC', `${RC_OK}\nMarché réservé (articles L2113-12 et L2113-13 du CCP) : non.\n`)
    answered.findings = [findingOn(answered, 'reserved-disability', 'Marché réservé')]
    expect(fired([answered, ccapWith(CCAP, [['env-execution-condition', 'valorisation']])])).toEqual(['social-execution-condition-missing'])
  })

  it('do not apply below the threshold or before 21 August 2026, and say so', () => {
    const ccap = ccapWith(CCAP, [])
    const below = runChecks(dossierOf([rc(), ccap], {estimatedValue: 100_000}))
    expect(below.checks.find((c) => c.check === 'social-execution-condition-missing')).toMatchObject({status: 'not-applicable'})
    const before = runChecks(dossierOf([rc(), ccap], {consultationDate: '2026-08-20'}))
    expect(before.summary.errors).toBe(0)
    expect(before.checks.filter((c) => c.status === 'not-applicable').map((c) => c.check)).toEqual(
      ['env-award-criterion-missing', 'price-only-award', 'env-execution-condition-missing', 'social-execution-condition-missing'])
  })

  it('leave the social check undecided when the value is unknown', () => {
    const rcNoValue = draftDocument('RC.txt', 'RC', RC_OK.replace('Montant estimé : 600 000 € HT.', ''))
    const report = runChecks(dossierOf([rcNoValue, ccapWith(CCAP, [['env-execution-condition', 'valorisation']])]))
    expect(report.checks.find((c) => c.check === 'social-execution-condition-missing')).toMatchObject({status: 'undecided', reason: expect.stringContaining('--estimated-value')})
    expect(report.diagnostics.map((d) => d.check)).not.toContain('social-execution-condition-missing')
  })
})

describe('award checks', () => {
  const ccap = () => ccapWith(CCAP, [['insertion-clause', '400 heures'], ['env-execution-condition', 'valorisation']])

  it('report price-only drafts with both errors, and nothing when criteria are sound', () => {
    const priceOnly = draftDocument('RC.txt', 'RC', RC_OK.replace(/Prix : 60 %\nValeur environnementale de l'offre : 40 %/, 'Le marché est attribué au prix le plus bas.'))
    expect(fired([priceOnly, ccap()])).toEqual(['env-award-criterion-missing', 'price-only-award'])
  })

  it('report a missing environmental criterion with the criteria read', () => {
    const rc = draftDocument('RC.txt', 'RC', RC_OK.replace("Valeur environnementale de l'offre", 'Valeur technique'))
    const d = runChecks(dossierOf([rc, ccap()])).diagnostics
    expect(d).toHaveLength(1)
    expect(d[0]).toMatchObject({check: 'env-award-criterion-missing', path: 'RC.txt', page: 2})
    expect(d[0]!.message).toContain('Prix 60 %, Valeur technique 40 %')
  })

  it('report weights that do not add up, unweighted criteria, and sub-criteria that do not match', () => {
    const msg = (criteria: string) => runChecks(dossierOf([draftDocument('RC.txt', 'RC', RC_OK.replace(/Prix : 60 %\nValeur environnementale de l'offre : 40 %/, criteria)), ccap()]))
      .diagnostics.filter((d) => d.check === 'award-weights-inconsistent').map((d) => d.message)
    expect(msg('Prix : 60 %\nValeur environnementale : 50 %')[0]).toContain('110')
    expect(msg('1. Prix\n2. Valeur environnementale')[0]).toContain('ne sont pas pondérés')
    expect(msg("Prix : 60 %\nValeur technique et environnementale : 40 %, dont :\n- méthode : 20 %\n- bilan carbone : 10 %")[0]).toContain('30')
    expect(msg('Par ordre décroissant d\'importance :\n1. Valeur environnementale\n2. Prix')).toEqual([])
    expect(msg('Les offres sont notées sur 20 points.\nPrix : 12 points\nValeur environnementale : 8 points')).toEqual([])
  })

  it('leave award checks undecided without an RC', () => {
    const report = runChecks(dossierOf([ccap()]))
    expect(report.checks.find((c) => c.check === 'env-award-criterion-missing')).toMatchObject({status: 'undecided'})
  })
})

describe('text checks', () => {
  const doc = (text: string) => draftDocument('CCTP.txt', 'CCTP', text)

  it('map obsolete references to the current CCP article', () => {
    const report = runChecks(dossierOf([doc(`--- Page 2 ---\nArticle 3 - Critères\nConformément à l'article 53 du Code des marchés publics, ...\nEn application de l'article 38 de l'ordonnance n° 2015-899 du 23 juillet 2015.\nVu le décret n° 2016-360.\n`)]))
    const d = report.diagnostics.filter((x) => x.check === 'obsolete-legal-reference')
    expect(d.map((x) => x.suggestion)).toEqual([
      expect.stringContaining('L2152-7 et R2152-7'),
      expect.stringContaining('L2112-2 et L2112-3'),
      expect.stringContaining('partie réglementaire'),
    ])
    expect(d[0]).toMatchObject({level: 'warning', page: 2})
  })

  it('take "CMP" for the code des marchés publics only where it is cited as a legal text', () => {
    expect(fired([doc("Conformément à l'article 53 du CMP, les offres sont classées.")])).toContain('obsolete-legal-reference')
    expect(fired([doc('Nettoyage du centre médico-psychologique (CMP). Le CMP est ouvert du lundi au vendredi.')])).not.toContain('obsolete-legal-reference')
    expect(fired([doc('Les locaux du CMP sont situés au rez-de-chaussée.')])).not.toContain('obsolete-legal-reference')
  })

  it('leave historical mentions of repealed texts alone', () => {
    expect(fired([doc("L'ancien article 15 du code des marchés publics est devenu l'article L2113-12 du CCP.")])).not.toContain('obsolete-legal-reference')
  })

  it('want "ou équivalent" after a required label, on the same line or the next', () => {
    expect(fired([doc('Les papiers fournis sont certifiés FSC ou PEFC.')])).toContain('label-without-equivalent')
    expect(fired([doc('Les papiers fournis sont certifiés FSC ou PEFC\n(ou équivalent).')])).not.toContain('label-without-equivalent')
    expect(fired([doc("Le candidat justifie d'une certification ISO 14001.")])).not.toContain('label-without-equivalent')
    expect(fired([doc("Aucun label n'est exigé pour les fournitures.")])).not.toContain('label-without-equivalent')
  })

  it('want a quantity in an insertion clause, read in the clause or its article', () => {
    const text = `Article 7 - Clause d'insertion\nLe titulaire met en œuvre une action d'insertion.\nLe volume est de 350 heures.\n`
    const withArticle = ccapWith(text, [['insertion-clause', "action d'insertion"]])
    expect(fired([withArticle])).not.toContain('insertion-clause-without-quantity')
    const vague = ccapWith(`Article 7 - Clause d'insertion\nLe titulaire met en œuvre une action d'insertion selon des modalités à définir.\n`, [['insertion-clause', "action d'insertion"]])
    expect(fired([vague])).toContain('insertion-clause-without-quantity')
  })

  it('want a reservation to cite its legal basis, an obsolete one not counting', () => {
    const r = (text: string) => ccapWith(text, [['reserved-disability', 'réservé']])
    expect(fired([r('Le marché est réservé aux ESAT et EA.')])).toContain('reserved-without-legal-basis')
    expect(fired([r("Le marché est réservé aux ESAT et EA (article L. 2113-12 du CCP).")])).not.toContain('reserved-without-legal-basis')
    expect(fired([r("Le marché est réservé aux ESAT et EA en application de l'article 15 du CMP.")])).toEqual(
      expect.arrayContaining(['obsolete-legal-reference', 'reserved-without-legal-basis']))
  })
})

describe('report', () => {
  it('silences ignored checks, counts by level and lists errors first within a document', () => {
    const rc = draftDocument('RC.txt', 'RC', RC_OK.replace(/Prix : 60 %\nValeur environnementale de l'offre : 40 %/, 'Prix : 60 %\nValeur technique : 50 %'))
    const report = runChecks(dossierOf([rc, ccapWith(CCAP, [['insertion-clause', '400 heures'], ['env-execution-condition', 'valorisation']])]))
    expect(report.summary).toMatchObject({errors: 1, warnings: 1})
    expect(report.diagnostics.map((d) => d.level)).toEqual(['error', 'warning'])
    const quiet = runChecks(dossierOf([rc]), {ignore: ['award-weights-inconsistent']})
    expect(quiet.checks.find((c) => c.check === 'award-weights-inconsistent')?.status).toBe('ignored')
    expect(quiet.diagnostics.map((d) => d.check)).not.toContain('award-weights-inconsistent')
  })
})

describe('environmental execution-condition probe', async () => {
  const {isEnvExecutionSentence} = await import('../../src/checks/probes.js')
  it('reads binding performance sentences, not specifications, void or generic statements', () => {
    for (const yes of ['Les déchets de chantier sont triés sur place et évacués vers des filières agréées.',
      "Le titulaire veille à réduire les consommations d'énergie des équipements pendant l'exécution.",
      'Le titulaire reprend les emballages et en assure le recyclage.']) expect(isEnvExecutionSentence(yes)).toBe(true)
    for (const no of ["Le titulaire respecte la réglementation en vigueur en matière d'environnement.", 'Clause environnementale : sans objet.',
      'Le mobilier fourni contient au moins 30 % de matériaux recyclés.', 'La gestion des déchets est une compétence de la commune.']) expect(isEnvExecutionSentence(no)).toBe(false)
  })

  it('keeps env-execution-condition-missing silent when the rule base misses a plain waste clause', () => {
    const rc = draftDocument('RC.txt', 'RC', RC_OK)
    const ccap = ccapWith(CCAP.replace('Le titulaire assure la valorisation des encombrants collectés.', 'Le titulaire assure le tri et la valorisation des déchets collectés.'), [['insertion-clause', '400 heures']])
    expect(fired([rc, ccap])).toEqual([])
    const none = ccapWith(CCAP.replace('Le titulaire assure la valorisation des encombrants collectés.', ''), [['insertion-clause', '400 heures']])
    expect(fired([rc, none])).toEqual(['env-execution-condition-missing'])
  })
})
