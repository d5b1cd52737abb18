// The matcher, through the public API: what a user sees in the findings.

import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {detect, loadRuleBase} from '../../src/detect/engine.js'
import {segmentPages} from '../../src/text/segment.js'
import {splitPages} from '../../src/extract/txt.js'
import {docOf, ruleDir, ruleYaml} from './helpers.js'

const base = loadRuleBase()
const EX = `examples:\n  match: ["x"]\n  nomatch: ["y"]\n`

function testBase(id: string, body: string) {
  return loadRuleBase(ruleDir({[`${id}.yml`]: ruleYaml(id, body + EX)}))
}

describe('detect', () => {
  it('matches accent- and case-insensitively and quotes the sentence as written', () => {
    const doc = docOf(['ARTICLE 7 - CLAUSE SOCIALE\nLE TITULAIRE S’ENGAGE À RÉALISER 1 250 HEURES D’INSERTION AU PROFIT DE PUBLICS ÉLOIGNÉS DE L’EMPLOI.'])
    const [f] = detect(doc, base)
    expect(f).toMatchObject({
      category: 'insertion-clause', rule: 'insertion-clause/heures-insertion', page: 1,
      quote: "LE TITULAIRE S'ENGAGE À RÉALISER 1 250 HEURES D'INSERTION AU PROFIT DE PUBLICS ÉLOIGNÉS DE L'EMPLOI.",
      quantities: {hours: 1250}, legal: ['L2112-2'], section: ['ARTICLE 7 - CLAUSE SOCIALE'],
    })
    expect(f!.codes).toEqual({
      label: expect.any(String), decp: 'Clause sociale', eforms: ['BT-06 soc-obj', 'BT-775 opp'],
      ocds: {goal: 'social.disadvantagedEmploymentOpportunities', strategy: 'contractPerformanceConditions'},
    })
    const segment = doc.segments.find((s) => s.text === f!.quote)!
    expect([f!.start, f!.end]).toEqual([segment.start, segment.end])
  })

  it('gives at most one finding per category per sentence', () => {
    const doc = docOf(["Le titulaire s'engage à réaliser 350 heures d'insertion par le biais du facilitateur de la clause sociale d'insertion."])
    const findings = detect(doc, base)
    expect(findings.filter((f) => f.category === 'insertion-clause')).toHaveLength(1)
  })

  it('handles negation, void fields and ticked answers', () => {
    const negated = [
      'Le présent marché n’est pas réservé.',
      'Clause sociale : sans objet',
      'Aucune clause d’insertion n’est prévue au présent marché.',
      'Marché réservé : ☐ Oui ☒ Non',
      'Clause d’insertion : Oui [ ] Non [X]',
    ]
    for (const text of negated) expect(detect(docOf([text]), base), text).toEqual([])
    expect(detect(docOf(['Marché réservé :\nNéant']), base)).toEqual([])
    expect(detect(docOf(['Marché réservé : ☒ Oui ☐ Non']), base).map((f) => f.category)).toEqual(['reserved-disability'])
  })

  it('does not let a negation cancelled by its verb hide a clause', () => {
    const doc = docOf(["Le titulaire ne pourra pas se soustraire à l'obligation de réaliser 400 heures d'insertion."])
    expect(detect(doc, base).map((f) => f.quantities)).toEqual([{hours: 400}])
  })

  it('suppresses boilerplate', () => {
    const doc = docOf([
      "Le titulaire s'engage à remettre l'attestation de vigilance URSSAF et à respecter l'obligation d'emploi des travailleurs handicapés, notamment pour l'insertion professionnelle.",
      'Le titulaire s’engage à respecter la réglementation environnementale en vigueur et la protection de l’environnement.',
    ])
    expect(detect(doc, base)).toEqual([])
  })

  it('looks for award criteria only in criteria contexts and keeps notice weights', () => {
    const rc = docOf(['ARTICLE 6 - CRITÈRES D’ATTRIBUTION\nPrix : 60 %\nValeur technique : 25 %\nPerformance environnementale : 15 %'], {kind: 'RC'})
    expect(detect(rc, base).map((f) => [f.category, f.quantities?.weight])).toEqual([['env-award-criterion', 15]])
    const ccap = docOf(['ARTICLE 6 - CONDITIONS D’EXÉCUTION\nPerformance environnementale : 15 %'], {kind: 'CCAP'})
    expect(detect(ccap, base).filter((f) => f.category === 'env-award-criterion')).toEqual([])
    const notice = docOf(['Qualité environnementale des prestations'], {kind: 'notice', role: 'award-criterion', weight: 30})
    expect(detect(notice, base).map((f) => [f.category, f.quantities])).toEqual([['env-award-criterion', {weight: 30}]])
  })

  it('reads the weight an eForms rendering states fields below the criterion', () => {
    const notice = docOf(["Critère d'attribution\nType : Qualité\nNom : Impact environnemental des prestations\nDescription : Mesures de réduction des déplacements et des emballages, appréciées sur le mémoire.\nPondération (pourcentage, exact) : 25\nCritère d'attribution\nType : Prix\nNom : Prix\nPondération (pourcentage, exact) : 75"], {kind: 'notice'})
    const found = detect(notice, base)
    expect(found.length).toBeGreaterThan(0)
    expect(new Set(found.map((f) => `${f.category} ${f.quantities?.weight}`))).toEqual(new Set(['env-award-criterion 25']))
  })

  it('converts points to a weight with the total stated in the document', () => {
    const rc = docOf(['ARTICLE 9 - JUGEMENT DES OFFRES\nLes offres sont notées sur 200 points.\nPrix : 120 pts\nValeur technique : 60 pts\nCritère social (insertion) : 20 pts'], {kind: 'RC'})
    expect(detect(rc, base).map((f) => [f.category, f.quantities?.weight])).toEqual([['social-award-criterion', 10]])
  })

  it('checks require conditions within a window of words', () => {
    const narrow = testBase('insertion-clause/fenetre', 'match:\n  any: ["clause sociale"]\n  require: ["@obligation"]\n  window: 3\n')
    expect(detect(docOf(['La clause sociale doit être respectée.']), narrow)).toHaveLength(1)
    expect(detect(docOf(['La clause sociale décrite à l’article 12 du cahier des charges ci-annexé, que le titulaire doit respecter.']), narrow)).toHaveLength(0)
  })

  it('matches terms by French stems, including plurals and feminines', () => {
    const stems = testBase('env-execution-condition/termes', 'match:\n  terms: ["clause environnementale"]\n  require: ["@obligation"]\n')
    expect(detect(docOf(['Le titulaire doit respecter les clauses environnementales.']), stems)).toHaveLength(1)
    expect(detect(docOf(['Le titulaire doit respecter la clause environnement.']), stems)).toHaveLength(0)
  })

  it('finds the insertion clause (art. 4.5) and the environmental clause (art. 5) of a real CCAP', () => {
    const text = readFileSync(new URL('../../fixtures/detect/aquareel-ccap-excerpt.md', import.meta.url), 'utf8')
    const {segments} = segmentPages(splitPages(text))
    const doc = {...docOf(['']), kind: 'CCAP' as const, segments}
    const findings = detect(doc, base)
    const insertion = findings.filter((f) => f.category === 'insertion-clause')
    expect(insertion.length).toBeGreaterThan(0)
    expect(insertion.every((f) => f.section?.some((h) => h.startsWith('4.5')))).toBe(true)
    // "35 H par tranche de 100 000 €" is a rate, not a volume: the gold README leaves rates out.
    expect(insertion.some((f) => f.quantities?.hours !== undefined)).toBe(false)
    const env = findings.filter((f) => f.category === 'env-execution-condition')
    expect(env.map((f) => f.section?.at(-1))).toContain('ARTICLE 5 CLAUSES ENVIRONNEMENTALES')
    expect(env.some((f) => f.page === 9 && f.quote.startsWith('Le présent marché intègre des clauses environnementales'))).toBe(true)
  })

  it('reads a heading that only names a topic as context, not as a clause', () => {
    const categoriesOf = (text: string) => detect(docOf([text], {kind: 'CCTP'}), base).map((f) => [f.category, f.quote])
    // the heading's words ("Exigences environnementales") are not the duty; the sentences under it are
    expect(categoriesOf('4.2 Exigences environnementales applicables\nLes postes de travail livrés sont certifiés TCO Certified ou équivalent.'))
      .toEqual([['env-technical-specification', 'Les postes de travail livrés sont certifiés TCO Certified ou équivalent.']])
    expect(categoriesOf('ARTICLE 6 – PRESCRIPTIONS ENVIRONNEMENTALES\n\nARTICLE 7 – PRIX')).toEqual([])
    // a heading line that states something is still read: here a reservation with its legal basis
    const reserved = detect(docOf(['5.1 Conditions de participation (lot réservé aux ESAT et EA – art. L. 2113-12 du CCP)'], {kind: 'RC'}), base)
    expect(reserved.map((f) => f.category)).toContain('reserved-disability')
  })

  it('returns nothing for an empty document', () => {
    expect(detect({...docOf(['']), segments: []}, base)).toEqual([])
  })
})
