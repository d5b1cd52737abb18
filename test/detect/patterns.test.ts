import {describe, expect, it} from 'vitest'
import {compileRegex, compileTerm, foldPattern, requiredLiterals} from '../../src/detect/patterns.js'
import {Prefilter} from '../../src/detect/prefilter.js'

const texts = (src: string) => requiredLiterals(foldPattern(src))?.map((l) => l.text).sort()

describe('patterns', () => {
  it('folds literal characters and keeps escapes', () => {
    expect(foldPattern('Réservé\\s+À\\b\\D\\p{L}')).toBe('reserve\\s+a\\b\\D\\p{L}')
    expect(compileRegex('heures (d’insertion')).toMatch(/Unterminated group/)
  })

  it('finds the literals a pattern cannot match without', () => {
    expect(texts("heures? d'insertion")).toEqual(["d'insertion"])
    expect(texts('clauses? (sociales? )?d\'insertion|actions? d\'insertion')).toEqual(["d'insertion"])
    expect(texts('(marche|lot)s? reserve')).toEqual(['reserve'])
    expect(texts('\\d+ ?h')).toBeUndefined()
    expect(requiredLiterals(foldPattern('\\bl\\.? ?2113-12'))).toEqual([{text: '2113-12', wordStart: false}])
    expect(requiredLiterals(foldPattern('\\beco-?label'))).toEqual([{text: 'eco', wordStart: true}])
  })

  it('compiles terms to stems', () => {
    const t = compileTerm('clauses environnementales')!
    expect(t.stems).toEqual(['claus', 'environnemental'])
  })

  it('prefilters by keywords at word starts and anywhere', () => {
    const pf = new Prefilter([[{text: 'insertion', wordStart: true}], [{text: '2113-12', wordStart: false}], [{text: 'insert', wordStart: true}]])
    const hits: Array<[number, number[]]> = []
    pf.scan("heures d'insertion, l2113-12, reinsertion", (pos, rules) => hits.push([pos, [...rules]]))
    expect(hits).toEqual([[9, [2]], [9, [0]], [21, [1]]])
  })
})

describe('local patterns (a match in a window of a sentence is a match in the sentence)', () => {
  it('are those without anchors, lookarounds or \\B', async () => {
    const {isLocal} = await import('../../src/detect/conditions.js')
    const local = (src: string) => isLocal({source: src, regex: new RegExp(src, 'g')})
    expect(local('\\d+ ?(heures|h)\\b')).toBe(true)
    expect(local('[^.:]{0,60}\\bd\'heures')).toBe(true) // a negated class is no anchor
    expect(local('prix \\$ ht')).toBe(true) // nor an escaped dollar
    expect(local('^\\W*article')).toBe(false)
    expect(local('reserve$')).toBe(false)
    expect(local('(?<!heures? )\\breserve')).toBe(false)
    expect(local('insertion(?! paysag)')).toBe(false)
    expect(local('\\Bsertion')).toBe(false)
  })
})
