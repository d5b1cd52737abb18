import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {extract} from '../../src/extract/index.js'

const NOTICES = join(import.meta.dirname, '../../fixtures/notices')
const read = (name: string) => extract({path: name, bytes: readFileSync(join(NOTICES, name))})

describe('eForms reader', () => {
  it('reads BT-774, BT-775, BT-736 codes per lot and the BT-70 conditions', async () => {
    const doc = await read('eforms-sdk-subco_81.xml')
    expect(doc.format).toBe('eforms')
    expect(doc.declared?.codes).toEqual([
      {field: 'BT-774', code: 'circ-econ', lot: 'LOT-0001'},
      {field: 'BT-775', code: 'acc-all', lot: 'LOT-0001'},
      {field: 'BT-71', code: 'none', lot: 'LOT-0001'},
      {field: 'BT-736', code: 'yes', lot: 'LOT-0001'},
    ])
    expect(doc.declared?.categories).toEqual(['reserved-disability', 'social-other-condition', 'env-execution-condition'])
    const condition = doc.segments.find((s) => s.field === 'BT-70')
    expect(condition).toMatchObject({role: 'execution-condition', lot: 'LOT-0001', section: ['Lot 1', "Conditions d'exécution du marché"]})
    const criterion = doc.segments.find((s) => s.role === 'award-criterion')
    expect(criterion).toMatchObject({weight: 100, lot: 'LOT-0001'})
  })

  it('reads BT-71 res-ws as a reservation', async () => {
    const doc = await read('eforms-sdk-pin-cfc-social_24.xml')
    expect(doc.declared?.codes).toContainEqual({field: 'BT-71', code: 'res-ws', lot: 'LOT-0001'})
    expect(doc.declared?.categories).toEqual(['reserved-disability'])
  })

  it('reads French award criteria with their BT-541 weights, per lot', async () => {
    const doc = await read('eforms-sdk-cn_24_FRA_comments.xml')
    const lot2 = doc.segments.filter((s) => s.lot === 'LOT-0002' && s.role === 'award-criterion')
    expect(lot2.map((s) => [s.field, s.text, s.weight])).toEqual([
      ['BT-734', 'Prix', 60],
      ['BT-540', 'Le prix contribue for 40 % …', 60],
      ['BT-734', 'Qualité', 40],
      ['BT-540', 'La valeur technique participle pour 60 % …', 40],
    ])
    expect(lot2[3]!.section).toEqual(['Lot 2', "Critères d'attribution", 'Critère qualité', 'Qualité'])
    expect(doc.facts).toMatchObject({title: "Service d'entretien de remise en état et de nettoyage des espaces verts", cpv: ['77310000'], nature: 'services', dispatchDate: '2019-05-10', buyerName: 'Rouen Habitat', departement: '76'})
  })

  it('reads the facts of a real French notice', async () => {
    const doc = await read('eforms-fr-2024-OJS017-00047522.xml')
    expect(doc.facts).toMatchObject({
      noticeId: '00047522-2024', buyerName: 'Communauté de Communes du Piémont Cévenol', buyerId: '20003441100013',
      departement: '30', nature: 'services', dispatchDate: '2024-01-22',
    })
    expect(doc.facts?.lots?.map((l) => l.id)).toEqual(['LOT-0001', 'LOT-0002'])
    expect(doc.segments.filter((s) => s.role === 'selection').every((s) => s.field === 'BT-750')).toBe(true)
    expect(doc.declared?.categories).toEqual([])
  })

  it('prefers French text in a multilingual notice, else the notice language', async () => {
    const xml = `<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2"
 xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
 <cbc:NoticeLanguageCode>DEU</cbc:NoticeLanguageCode>
 <cac:ProcurementProject>
  <cbc:Name languageID="DEU">Reinigung</cbc:Name><cbc:Name languageID="FRA">Nettoyage</cbc:Name>
  <cbc:Description languageID="ENG">Cleaning</cbc:Description><cbc:Description languageID="DEU">Reinigung der Büros</cbc:Description>
 </cac:ProcurementProject>
 <cac:ProcurementProjectLot><cbc:ID schemeName="Lot">LOT-0003</cbc:ID>
  <cac:TenderingTerms><cac:ContractExecutionRequirement>
   <cbc:ExecutionRequirementCode listName="conditions">performance</cbc:ExecutionRequirementCode>
   <cbc:Description languageID="FRA">Le titulaire réserve 5 % des heures à l'insertion.</cbc:Description>
  </cac:ContractExecutionRequirement></cac:TenderingTerms>
  <cac:ProcurementProject><cac:ProcurementAdditionalType>
   <cbc:ProcurementTypeCode listName="strategic-procurement">soc-obj</cbc:ProcurementTypeCode>
  </cac:ProcurementAdditionalType></cac:ProcurementProject>
 </cac:ProcurementProjectLot>
</ContractNotice>`
    const doc = await extract({path: 'multi.xml', bytes: Buffer.from(xml)})
    expect(doc.segments.map((s) => s.text)).toEqual(['Nettoyage', 'Reinigung der Büros', "Le titulaire réserve 5 % des heures à l'insertion."])
    expect(doc.segments[2]).toMatchObject({lot: 'LOT-0003', section: ['Lot 3', "Conditions d'exécution du marché"]})
    expect(doc.declared?.categories).toEqual(['insertion-clause'])
  })
})
