// Text normalisation: one canonical form for every extractor's output, and a folded form
// (lower case, no accents, ligatures split) for matching, with a map back to the original offsets.

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff', '\uFB01': 'fi', '\uFB02': 'fl', '\uFB03': 'ffi', '\uFB04': 'ffl', '\uFB05': 'st', '\uFB06': 'st',
}

/**
 * Canonical text: NFC, typographic ligatures (ﬁ, ﬂ...) split, apostrophes unified to ', every
 * kind of space to a plain space (a non-breaking space inside "1 250" becomes " "), soft hyphens
 * and zero-width characters removed, words hyphenated across a line break re-joined
 * ("exclu-\nsion" -> "exclusion"), CRLF to LF, trailing spaces dropped.
 * The French letters œ and æ are kept: they are letters, not typography.
 */
export function normalizeText(raw: string): string {
  let text = raw.normalize('NFC')
  text = text.replace(/[\uFB00-\uFB06]/g, (c) => LIGATURES[c] ?? c)
  text = text.replace(/\r\n?/g, '\n')
  text = text.replace(/[\u2019\u2018\u02BC\u2032\u0060\u00B4]/g, "'")
  text = text.replace(/[\u00A0\u2007\u202F\u2000-\u2006\u2008-\u200A\u205F\u3000\t]/g, ' ')
  text = text.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
  text = text.replace(/[\u2010\u2011]/g, '-')
  // Hyphenation: a lower-case letter, a hyphen at the end of a line, a lower-case letter on the next.
  text = text.replace(/(\p{Ll})-[ ]*\n[ ]*(\p{Ll})/gu, '$1$2')
  text = text.replace(/[ ]+\n/g, '\n')
  text = text.replace(/[ ]{2,}/g, ' ')
  return text
}

export interface FoldedText {
  text: string
  /** map[i] is the offset in the original text of folded character i; map[text.length] = original length. */
  map: Int32Array
}

const foldCache = new Map<string, string>()

function foldChar(c: string): string {
  let f = foldCache.get(c)
  if (f === undefined) {
    if (c === 'œ' || c === 'Œ') f = 'oe'
    else if (c === 'æ' || c === 'Æ') f = 'ae'
    else if (c === 'ß') f = 'ss'
    else f = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    if (f.length === 0) f = ' '
    foldCache.set(c, f)
  }
  return f
}

/** Lower case, accents stripped, œ -> oe: the form rules are matched against. */
export function foldText(text: string): FoldedText {
  const out: string[] = []
  const map: number[] = []
  let i = 0
  for (const c of text) {
    let f: string
    const code = c.charCodeAt(0)
    if (code < 128) f = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c
    else f = foldChar(c)
    for (let k = 0; k < f.length; k++) map.push(i)
    out.push(f)
    i += c.length
  }
  map.push(i)
  return {text: out.join(''), map: Int32Array.from(map)}
}

/** Folded form of a short string (patterns, keywords), without the offset map. */
export function fold(text: string): string {
  return foldText(text).text
}
