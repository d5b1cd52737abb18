import {describe, expect, it} from 'vitest'
import {DocumentScan} from '../../src/detect/doc-scan.js'

describe('document scan', () => {
  it('finds word-start keywords at word starts only, the others anywhere, per sentence', () => {
    const scan = new DocumentScan(
      [[{text: 'insertion', wordStart: true}], [{text: '2113-1', wordStart: false}]],
      [['insertion'], ['2113-1']],
    )
    const text = "heures d'insertion l2113-12\nreinsertion ; 35 heures"
    const ends = [27, text.length]
    const out = scan.sentences(text, [0, 28], ends, 2)
    // "reinsertion" is no word-start occurrence of "insertion": sentence 1 has no candidate.
    expect(out.candidates).toEqual([[0, [0, 1]]])
    // Anchor patterns 0 ("insertion") and 1 ("2113-1") have their words in sentence 0, none in sentence 1.
    expect(out.anchorIds).toEqual([0, 1])
    expect([...out.anchorsFrom]).toEqual([0, 2, 2])
  })
})
