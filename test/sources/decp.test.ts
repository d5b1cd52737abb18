import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {readDecp, type AwardRecord, type DecpItem} from '../../src/sources/decp.js'
import {departementOf, sirenOf} from '../../src/sources/decp-record.js'
import {packItem, unpackItem} from '../../src/sources/decp-worker.js'
import {FIXTURES} from '../helpers/cli.js'

async function collect(file: string): Promise<DecpItem[]> {
  const out: DecpItem[] = []
  for await (const batch of readDecp(file)) out.push(...batch)
  return out
}

const awards = (items: DecpItem[]): AwardRecord[] => items.flatMap((i) => ('award' in i ? [i.award] : []))
const problems = (items: DecpItem[]): string[] => items.flatMap((i) => ('problem' in i ? [i.problem] : []))

function tempFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'clausescope-decp-')), name)
  writeFileSync(file, content)
  return file
}

describe('readDecp, DECP v2 JSON', () => {
  it('reads every marché and concession record and names the bad ones', async () => {
    const items = await collect(join(FIXTURES, 'decp', 'hand-v2.json'))
    // 10 marché records + 1 concession; 2 of them bad.
    expect(items).toHaveLength(11)
    const bad = problems(items)
    expect(bad).toHaveLength(2)
    expect(bad[0]).toMatch(/hand-v2\.json: marches\.marche\[3\].*id X-2024-09: no buyer SIRET/)
    expect(bad[1]).toMatch(/marches\.marche\[7\].*not a JSON object/)
  })

  it('takes the amount of the latest modification stating one, and keeps holders with their type', async () => {
    const list = awards(await collect(join(FIXTURES, 'decp', 'hand-v2.json')))
    const m2 = list.find((a) => a.id === 'A-2023-02')!
    // modification 1 states 60 000; modification 2 (later) states no amount.
    expect(m2.amount).toBe(60000)
    expect(m2.initialAmount).toBe(50000)
    expect(m2.uid).toBe('21590350100017A-2023-02')
    expect(m2.holders).toEqual([
      {idType: 'SIRET', id: '22222222200022', siren: '222222222'},
      {idType: 'SIRET', id: '33333333300033', siren: '333333333'},
    ])
    expect(m2.env).toBe(true)
    expect(m2.social).toBe(false)
    expect(m2.departement).toBe('2A')
    const foreign = list.find((a) => a.id === 'B-2024-02')!
    expect(foreign.holders).toEqual([{idType: 'HORS-UE', id: 'DE123456789', siren: null}])
    expect(foreign.durationMonths).toBeNull() // the bare NaN
  })

  it('reads concessions: authority, signature date, valeurGlobale of the latest modification, réservée', async () => {
    const dsp = awards(await collect(join(FIXTURES, 'decp', 'hand-v2.json'))).find((a) => a.kind === 'concession')!
    expect(dsp).toMatchObject({
      uid: '22590001600013B-DSP-2024', buyerId: '22590001600013', notificationDate: '2024-04-01',
      initialAmount: 1000000, amount: 1200000, social: true, reserved: true, env: false, euCategory: 'concession',
    })
    expect(dsp.holders.map((h) => h.id)).toEqual(['44444444400044'])
  })

  it('orders the publications of one uid by datePublicationDonnees', async () => {
    const versions = awards(await collect(join(FIXTURES, 'decp', 'hand-v2.json')))
      .filter((a) => a.id === 'A-2024-02').map((a) => a.version)
    expect(versions).toHaveLength(3)
    const [first, latest, older] = versions
    expect(latest! > first!).toBe(true)
    expect(older! < first!).toBe(true)
  })
})

describe('readDecp, DECP v1 JSON and decp.info CSV', () => {
  it('reads v1 shapes: flattened acheteur.id, bare holders, French amounts, concessions by _type', async () => {
    const items = await collect(join(FIXTURES, 'decp', 'hand-v1.json'))
    const list = awards(items)
    expect(list.map((a) => a.uid)).toEqual(['215903501000172019-01', '215903501000172019-02', '22590001600013DSP-2019'])
    expect(list[0]).toMatchObject({amount: 165000, format: 'decp-v1', departement: '59'})
    expect(list[1]).toMatchObject({amount: 45000.5, departement: '59'})
    // the French VAT number FR40 555555555 carries the SIREN 555555555
    expect(list[1]!.holders.map((h) => h.siren)).toEqual(['333333333', '555555555'])
    expect(list[2]).toMatchObject({kind: 'concession', amount: 2500000, notificationDate: '2019-12-01'})
    expect(problems(items)).toEqual([expect.stringMatching(/marches\[3\].*no contract identifier/)])
  })

  it('reads decp.info rows, one holder each, and reports a row without identifier with its line', async () => {
    const items = await collect(join(FIXTURES, 'decp', 'decp-info.csv'))
    expect(items).toHaveLength(6)
    expect(problems(items)).toEqual([expect.stringMatching(/decp-info\.csv: line 5: no contract identifier/)])
    const y = awards(items).find((a) => a.id === 'CSV-Y')!
    expect(y).toMatchObject({social: true, reserved: true, env: true, amount: 50000, departement: '62'})
    expect(items.filter((i) => 'merge' in i)).toHaveLength(5)
  })

  it('refuses a CSV that is not a DECP file, naming it', async () => {
    const file = tempFile('other.csv', 'a,b\n1,2\n')
    await expect(collect(file)).rejects.toThrow(/other\.csv: not a DECP file/)
  })
})

describe('reading in a worker thread', () => {
  it('carries every field of every item across the thread boundary unchanged', async () => {
    const items = [...await collect(join(FIXTURES, 'decp', 'hand-v2.json')), ...await collect(join(FIXTURES, 'decp', 'decp-info.csv'))]
    expect(items.map((i) => unpackItem(structuredClone(packItem(i))))).toEqual(items)
  })
})

describe('DECP field helpers', () => {
  it('finds the département of postal, commune, département and region codes', () => {
    expect(departementOf('20167', 'Code postal')).toBe('2A')
    expect(departementOf('20600', 'Code postal')).toBe('2B')
    expect(departementOf('97400', 'Code postal')).toBe('974')
    expect(departementOf('2B033', 'Code commune')).toBe('2B')
    expect(departementOf('1', 'Code département')).toBe('01')
    expect(departementOf('84', 'Code région')).toBeNull()
    expect(departementOf('75056', null)).toBe('75')
  })

  it('derives a SIREN from SIRET, SIREN and French VAT identifiers only', () => {
    expect(sirenOf('SIRET', '11111111100011')).toBe('111111111')
    expect(sirenOf('TVA', 'FR40555555555')).toBe('555555555')
    expect(sirenOf('TVA', 'DE123456789')).toBeNull()
    expect(sirenOf('HORS-UE', '12345678901234')).toBeNull()
  })
})
