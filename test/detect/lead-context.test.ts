import {describe, expect, it} from 'vitest'
import {detect, loadRuleBase} from '../../src/detect/engine.js'
import {docOf, ruleDir, ruleYaml} from './helpers.js'

// A rule that only applies to the items of a list introduced as award criteria.
const RULE = ruleYaml('env-award-criterion/lead-test', `match:
  any: ["environnementale"]
where:
  - lead: ["criteres suivants"]
examples:
  match: ["x environnementale"]
  nomatch: ["y"]
`)

async function findings(text: string) {
  const base = await loadRuleBase(ruleDir({'env-award-criterion/lead-test.yml': RULE}))
  return detect(docOf([text], {kind: 'RC'}), base).map((f) => f.quote)
}

describe('where.lead (the sentences leading into a list)', () => {
  it('sees the lead-in sentence over short list items', async () => {
    const text = 'Les offres sont jugées sur les critères suivants :\n– Prix : 50 %\n– Valeur technique : 40 %\n– Performance environnementale : 10 %'
    expect(await findings(text)).toEqual(['– Performance environnementale : 10 %'])
  })

  it('stops at a long sentence or at an earlier list lead-in', async () => {
    const long = `Les critères suivants ont été retenus lors du précédent marché. Le titulaire exécute les prestations ${'avec soin, dans le respect des délais contractuels fixés par le bon de commande, '.repeat(3)}et en informe l'acheteur.`
    expect(await findings(`${long}\nLa démarche environnementale est décrite au CCTP.`)).toEqual([])
    const other = 'Les critères suivants :\n– Prix : 60 %\nLe titulaire fournit les pièces suivantes :\n– Note environnementale du fabricant'
    expect(await findings(other)).toEqual([])
  })
})
