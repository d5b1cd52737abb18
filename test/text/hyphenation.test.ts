// Line-end hyphens: a break inside a word is re-joined, in lower case and in capitals; the hyphen
// of a compound broken where it stands is kept (names, pronouns, "non-", article numbers, and
// compounds the same text writes with their hyphen elsewhere).

import {describe, expect, it} from 'vitest'
import {normalizeText} from '../../src/text/normalize.js'
import {segmentPages} from '../../src/text/segment.js'

describe('words hyphenated across a line break', () => {
  it('re-joins words broken in lower case, title case or capitals', () => {
    expect(normalizeText('les heures d’inser-\ntion')).toBe("les heures d'insertion")
    expect(normalizeText('Réser-\nvée aux SIAE')).toBe('Réservée aux SIAE')
    expect(normalizeText('MARCHÉ RÉSER-\nVÉ AUX ENTREPRISES ADAP-  \n  TÉES')).toBe('MARCHÉ RÉSERVÉ AUX ENTREPRISES ADAPTÉES')
    expect(normalizeText('GESTION DES DÉ-\nCHETS')).toBe('GESTION DES DÉCHETS')
  })

  it('keeps the hyphen of compounds broken at their hyphen', () => {
    expect(normalizeText('Ville de SAINT-\nÉTIENNE')).toBe('Ville de SAINT-ÉTIENNE')
    expect(normalizeText('Saint-\nNazaire et Château-\nThierry')).toBe('Saint-Nazaire et Château-Thierry')
    expect(normalizeText('la main-\nd’œuvre')).toBe("la main-d'œuvre")
    expect(normalizeText('lot non-\nréservé')).toBe('lot non-réservé')
    expect(normalizeText('Le marché comporte-\nt-il une clause ?')).toBe('Le marché comporte-t-il une clause ?')
    expect(normalizeText('voir ci-\ndessous, au-\ndelà et lui-\nmême')).toBe('voir ci-dessous, au-delà et lui-même')
    expect(normalizeText('articles L. 2113-\n13 et R. 2152-\n7')).toBe('articles L. 2113-13 et R. 2152-7')
  })

  it('re-joins an ambiguous prefix unless the text writes the compound with its hyphen', () => {
    // "entre-", "éco-", "bio-" are also syllables of common words
    expect(normalizeText('l’entre-\nprise et l’éco-\nnomie bio-\nlogique')).toBe("l'entreprise et l'économie biologique")
    expect(normalizeText('DÉMARCHE D’ÉCO-\nCONCEPTION')).toBe("DÉMARCHE D'ÉCOCONCEPTION")
    expect(normalizeText('L’éco-conception est notée : démarche d’éco-\nconception')).toBe("L'éco-conception est notée : démarche d'éco-conception")
  })

  it('re-joins a word whose line break the converter turned into a space', () => {
    expect(normalizeText('des per- sonnes en parcours d’inser- tion')).toBe("des personnes en parcours d'insertion")
    expect(normalizeText('une démarche environne-  mentale')).toBe('une démarche environnementale')
    // compounds keep their hyphen: names, "non-", pronouns, compounds written elsewhere, "socio-"
    expect(normalizeText('la commune de Saint- Denis, un lot non- réservé')).toBe('la commune de Saint- Denis, un lot non-réservé')
    expect(normalizeText('la qualité socio- environnementale, la sous- traitance')).toBe('la qualité socio-environnementale, la sous-traitance')
    expect(normalizeText('le tri-sélectif est exigé ; le tri- sélectif')).toBe('le tri-sélectif est exigé ; le tri-sélectif')
  })

  it('leaves list dashes, suspended hyphens, figures and capitals after a hyphen alone', () => {
    expect(normalizeText('Le titulaire fournit : - des produits - des emballages')).toBe('Le titulaire fournit : - des produits - des emballages')
    expect(normalizeText('le pré- et post-traitement, socio- ou médico-professionnel')).toBe('le pré- et post-traitement, socio- ou médico-professionnel')
    expect(normalizeText('Liefer- und Dienstleistungen')).toBe('Liefer- und Dienstleistungen')
    expect(normalizeText('Prix- 40 % ; Valeur technique- Méthodologie ; RÉSER- VÉE')).toBe('Prix- 40 % ; Valeur technique- Méthodologie ; RÉSER- VÉE')
  })

  it('keeps segment offsets on the normalised text', () => {
    const {fullText, segments} = segmentPages([{text: 'CONSULTATION RÉSER-\nVÉE AUX SIAE.\nLe titulaire trie les dé-\nchets.'}])
    expect(segments.map((s) => s.text)).toEqual(['CONSULTATION RÉSERVÉE AUX SIAE.', 'Le titulaire trie les déchets.'])
    for (const s of segments) expect(fullText.slice(s.start, s.end)).toBe(s.text)
  })
})
