import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {extract} from '../../src/extract/index.js'

const NOTICES = join(import.meta.dirname, '../../fixtures/notices')
const read = (name: string) => extract({path: name, bytes: readFileSync(join(NOTICES, name))})

describe('BOAMP reader', () => {
  it('reads the execution conditions, the indexation and the reservation flag', async () => {
    const doc = await read('boamp-16-186394.xml')
    expect(doc.format).toBe('boamp')
    expect(doc.kind).toBe('notice')
    const condition = doc.segments.find((s) => s.role === 'execution-condition')
    expect(condition?.text).toBe("Les marchés comportent des dispositions à caractère environnementale décrites à l'article 1.5.2 du CCAP.")
    expect(condition?.section).toEqual(["Conditions particulières d'exécution"])
    expect(doc.declared?.codes).toEqual([
      {field: 'MARCHE_RESERVE', code: 'non'},
      {field: 'CRITERES_SOCIAUX_ENV', code: 'environnementaux'},
    ])
    expect(doc.declared?.categories).toEqual(['env-execution-condition'])
    expect(doc.facts).toMatchObject({noticeId: '16-186394', buyerName: 'Ville de Paris', cpv: ['50118110'], nature: 'services', departement: '75'})
    expect(doc.facts?.lots?.map((l) => l.id)).toEqual(['1', '2'])
    // addresses and review bodies are not text to analyse
    expect(doc.segments.some((s) => s.text.includes('rue de Jouy'))).toBe(false)
  })

  it('gives lot award criteria their POIDS', async () => {
    const doc = await read('boamp-test-pub-5.xml')
    const lot1 = doc.segments.filter((s) => s.lot === '1' && s.role === 'award-criterion')
    expect(lot1.map((s) => [s.text, s.weight])).toEqual([['Valeur technique de la proposition', 60], ['Prix', 40]])
    expect(lot1[0]!.section).toEqual(['Lot 1', "Critères d'attribution"])
  })
})
