import {describe, expect, it} from 'vitest'
import {DocumentScan} from '../../src/detect/doc-scan.js'
import {loadRuleBase} from '../../src/detect/engine.js'
import {foldPattern, leadingLiterals} from '../../src/detect/patterns.js'
import {AnchorTable, Sentence} from '../../src/detect/sentence.js'
import {fold} from '../../src/text/normalize.js'

const leads = (src: string) => leadingLiterals(foldPattern(src))?.slice().sort() ?? null

describe('leading literals of a pattern', () => {
  it('are the words every match starts with', () => {
    expect(leads('(palettes?|cartons?) (\\S+ ){0,4}sont repris')).toEqual(['carton', 'palette'])
    expect(leads("heures? (\\S+ ){0,2}d'insertion")).toEqual(['heure'])
    expect(leads('\\bsecteur (du travail )?protege|\\besats?\\b')).toEqual(['esat', 'secteur '])
    expect(leads('(?<!non )réservés? aux')).toEqual(['reserve'])
  })

  it('are unknown when a match may start otherwise', () => {
    expect(leads('(la )?fin de vie')).toBeNull() // optional first word
    expect(leads('(du|des|de) rsa')).toBeNull() // too short to look for
    expect(leads('\\d+ heures')).toBeNull()
    expect(leads('[ée]cologique')).toBeNull()
    expect(leads('insertion|(l|d)?environnement')).toBeNull() // one branch has none
  })
})

describe('document scan', () => {
  it('finds keywords at word starts, others anywhere, and leading words at word starts with their offset', () => {
    const scan = new DocumentScan(
      [[{text: 'insertion', wordStart: true}], [{text: '2113-1', wordStart: false}]],
      [['insertion'], ['2113-1']],
      [['heure'], null],
    )
    const text = "heures d'insertion l2113-12\nreinsertion ; 35 heures"
    const ends = [27, text.length]
    const out = scan.sentences(text, [0, 28], ends, 2)
    // "reinsertion" is no word-start occurrence of "insertion": sentence 1 has no candidate.
    expect(out.candidates).toEqual([[0, [0, 1]]])
    expect([...out.leadsFrom]).toEqual([0, 1, 2])
    expect(out.leadAt).toEqual([0, 17]) // "heures" at 0 in sentence 0, after "reinsertion ; 35 " in sentence 1
  })
})

describe('anchor patterns tried at their leading words', () => {
  it('find the same matches as a search of the whole sentence, on every example of the rule base', () => {
    const base = loadRuleBase()
    const table = new AnchorTable(base.rules.flatMap((r) => r.any))
    const scan = new DocumentScan(base.prefilter.keywordsByRule, table.literals, table.leads)
    const withLeads = new Sentence(table)
    const searched = new Sentence(table)
    const texts = base.rules.flatMap((r) => [...r.examples.match, ...r.examples.nomatch].map((e) => fold(e.text)))
    let tried = 0
    for (const text of texts) {
      const w = scan.sentences(text, [0], [text.length], base.rules.length)
      const all = Int32Array.from({length: table.size}, (_, i) => i)
      withLeads.reset(0, text, 0, text.length, undefined, () => '', w.anchorIds, w.anchorsFrom[0]!, w.anchorsFrom[1]!,
        {ids: w.leadIds, at: w.leadAt, from: w.leadsFrom[0]!, to: w.leadsFrom[1]!})
      // Every pattern marked present: each is searched in full.
      searched.reset(0, text, 0, text.length, undefined, () => '', all, 0, all.length)
      for (let id = 0; id < table.size; id++) {
        if (!table.sticky[id]) continue
        tried++
        expect(withLeads.matches(id, 8), `pattern ${table.regexes[id]!.source} on "${text}"`).toEqual(searched.matches(id, 8))
      }
    }
    expect(tried).toBeGreaterThan(1000)
  })
})
