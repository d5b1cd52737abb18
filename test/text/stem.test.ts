import {describe, expect, it} from 'vitest'
import {frenchStem, sameStem} from '../../src/text/stem.js'

describe('French stems', () => {
  it('gives one stem to the forms of a word, folded', () => {
    expect(frenchStem('réservées')).toBe(frenchStem('réservé'))
    expect(frenchStem('environnementaux')).toBe('environnemental')
    expect(frenchStem('Clauses')).toBe('claus')
  })

  it('tolerates unaccented spellings but not other words', () => {
    expect(sameStem(frenchStem('reservee'), frenchStem('réservée'))).toBe(true)
    expect(sameStem(frenchStem('environnement'), frenchStem('environnementale'))).toBe(false)
  })
})
