// Pipe tables (Markdown, or text written "Lot | Objet | Réservation"): each row is a sentence of
// its own, read under the header row that names the columns.

import {describe, expect, it} from 'vitest'
import {detect, loadRuleBase} from '../../src/detect/engine.js'
import {segmentPages} from '../../src/text/segment.js'
import {docOf} from '../detect/helpers.js'

describe('pipe tables', () => {
  it('makes each row a sentence under the header row, separator rows left out', () => {
    const text = 'ARTICLE 3 – LOTS\n| Lot | Objet | Réservation |\n|---|---|---|\n| 1 | Nettoyage des locaux | ESAT / EA |\n| 2 | Espaces verts | Non |\nLes lots sont attribués séparément.'
    const {fullText, segments} = segmentPages([{text}])
    expect(segments.map((s) => s.text)).toEqual([
      'ARTICLE 3 – LOTS', '| Lot | Objet | Réservation |', '| 1 | Nettoyage des locaux | ESAT / EA |', '| 2 | Espaces verts | Non |', 'Les lots sont attribués séparément.',
    ])
    expect(segments[2]!.section).toEqual(['ARTICLE 3 – LOTS', 'Lot | Objet | Réservation'])
    expect(segments[4]!.section).toEqual(['ARTICLE 3 – LOTS'])
    for (const s of segments) expect(fullText.slice(s.start, s.end)).toBe(s.text)
  })

  it('reads a reserved lot in its row, whatever the other rows say', () => {
    const base = loadRuleBase()
    const text = 'Lot | Désignation | Réservation\n1 | Entretien des berges | L. 2113-13 (SIAE)\n2 | Travaux de clôture | Non réservé\n3 | Fourniture de mobilier | Sans objet'
    const found = detect(docOf([text], {kind: 'RC'}), base)
    expect(found.map((f) => [f.category, f.quote])).toEqual([['reserved-insertion', '1 | Entretien des berges | L. 2113-13 (SIAE)']])
  })
})
