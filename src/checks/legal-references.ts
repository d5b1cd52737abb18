// Repealed procurement texts still pasted into drafts, and the current CCP article for each
// article cited (DOMAIN.md §2). Entries marked U in DOMAIN §2 are [U]: standard correspondences
// not re-checked on Légifrance.

export interface ObsoleteText {
  id: 'cmp' | 'ord-2015-899' | 'decret-2016-360' | 'cmp-2001-2004' | 'concessions-2016' | 'loi-mop' | 'ccag-2009'
  /** Folded pattern of the citation. */
  pattern: RegExp
  /** With its article: "le code des marchés publics". */
  label: string
  repealed: string
  /** Article number -> current CCP reference. */
  articles: Record<string, string>
  /** When no article is cited, or one the table does not know: "du code de la commande publique". */
  fallback: string
}

export const OBSOLETE_TEXTS: ObsoleteText[] = [
  {
    id: 'cmp',
    // "CMP" alone is matched on the original text (upper case), see obsolete-legal-reference.ts.
    pattern: /code des marches publics|decret (?:n°\s*)?2006-975/,
    label: 'le code des marchés publics (décret 2006-975)',
    repealed: 'abrogé depuis le 1er avril 2016',
    articles: {
      1: 'L3 (et L3-1)', // [U]
      5: 'L2111-1',
      6: 'L2111-2 et, pour les labels, R2111-12 à R2111-17',
      10: 'L2113-10 et L2113-11', // [U]
      14: 'L2112-2 (et L2112-2-1 à compter du 21 août 2026)',
      15: 'L2113-12 (et R2113-7)',
      30: 'R2123-1 3°', // [U R number]
      45: 'R2143-3 et suivants', // [U]
      52: 'L2142-1 et R2142-1 et suivants', // [U]
      53: 'L2152-7 et R2152-7',
      55: 'L2152-5, L2152-6 et R2152-3 à R2152-5', // [U]
      133: 'L2196-2 et R2196-1 (données essentielles)',
    },
    fallback: 'du code de la commande publique (CCP)',
  },
  {
    id: 'ord-2015-899',
    pattern: /ordonnance (?:n°\s*)?2015-899/,
    label: "l'ordonnance n° 2015-899 du 23 juillet 2015",
    repealed: 'abrogée depuis le 1er avril 2019',
    articles: {
      1: 'L3', 30: 'L2111-1', 31: 'L2111-2', 32: 'L2113-10 et L2113-11', // 1, 31, 32 [U]
      36: 'L2113-12, L2113-13 et L2113-14', 37: 'L2113-15 et L2113-16', 38: 'L2112-2 et L2112-3',
      44: 'L2142-1', 45: 'L2141-1 à L2141-11', 46: 'L2141-1 à L2141-11', 47: 'L2141-1 à L2141-11', 48: 'L2141-1 à L2141-11', // [U]
      52: 'L2152-7', 53: 'L2152-5 et L2152-6', // [U]
    },
    fallback: 'de la partie législative du code de la commande publique (ordonnance n° 2018-1074)',
  },
  {
    id: 'decret-2016-360',
    pattern: /decret (?:n°\s*)?2016-360/,
    label: 'le décret n° 2016-360 du 25 mars 2016',
    repealed: 'abrogé depuis le 1er avril 2019',
    articles: {
      10: 'R2111-12 à R2111-17', 13: 'R2113-7', 27: 'R2123-1 1°', 28: 'R2123-1 3°', 30: 'R2122-8', // 13, 27, 28 [U]
      33: 'R2131-1 et suivants', 48: 'R2143-3', 60: 'R2152-3 à R2152-5', 62: 'R2152-6 à R2152-8', // [U]
      63: 'R2152-9 et R2152-10', 107: 'L2196-2 et R2196-1', 133: 'R2193-1 et suivants', // 63, 133 [U]
      139: 'R2194-1 à R2194-10', 140: 'R2194-1 à R2194-10', // [U]
    },
    fallback: 'de la partie réglementaire du code de la commande publique (décret n° 2018-1075)',
  },
  {
    id: 'cmp-2001-2004',
    pattern: /decret (?:n°\s*)?(?:2001-210|2004-15)\b/,
    label: "l'ancien code des marchés publics (décrets 2001-210 / 2004-15)",
    repealed: 'abrogé',
    articles: {},
    fallback: 'du code de la commande publique (CCP)',
  },
  {
    id: 'concessions-2016',
    pattern: /ordonnance (?:n°\s*)?2016-65|decret (?:n°\s*)?2016-86/,
    label: "l'ordonnance n° 2016-65 / le décret n° 2016-86 (concessions)",
    repealed: 'abrogés depuis le 1er avril 2019',
    articles: {},
    fallback: 'de la troisième partie du code de la commande publique (L3000-1 et suivants)', // [U]
  },
  {
    id: 'loi-mop',
    pattern: /loi (?:n°\s*)?85-704|\bloi mop\b/,
    label: 'la loi MOP n° 85-704',
    repealed: 'abrogée et codifiée au CCP depuis le 1er avril 2019',
    articles: {},
    fallback: 'du livre IV de la deuxième partie du CCP (L2410-1 et suivants)', // [U]
  },
  {
    id: 'ccag-2009',
    pattern: /ccag[^.]{0,60}\b2009\b/,
    label: 'les CCAG de 2009',
    repealed: 'remplacés par les CCAG de 2021',
    articles: {},
    fallback: 'du CCAG 2021 correspondant (arrêtés du 30 mars 2021)', // [U dates]
  },
]

/** "le code..." -> "du code...", "l'ordonnance" -> "de l'ordonnance". */
export function ofText(label: string): string {
  if (label.startsWith('le ')) return `du ${label.slice(3)}`
  if (label.startsWith('les ')) return `des ${label.slice(4)}`
  return `de ${label}`
}

/** The article number cited next to a citation: "article 14 du CMP", "art. 53-IV". */
export function citedArticle(window: string): string | undefined {
  const m = /\bart(?:icle)?s?\.?\s*(\d{1,3})(?:\s*[-‑]\s*([ivx]+|\d+))?\b/.exec(window)
  return m ? m[1] : undefined
}
