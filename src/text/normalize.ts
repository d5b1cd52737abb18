// Text normalisation: one canonical form for every extractor's output, and a folded form
// (lower case, no accents, ligatures split) for matching, with a map back to the original offsets.

import {joinLineHyphens} from './hyphenation.js'

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff', '\uFB01': 'fi', '\uFB02': 'fl', '\uFB03': 'ffi', '\uFB04': 'ffl', '\uFB05': 'st', '\uFB06': 'st',
}

/**
 * Canonical text: NFC, typographic ligatures (ﬁ, ﬂ...) split, apostrophes unified to ', every
 * kind of space to a plain space (a non-breaking space inside "1 250" becomes " "), soft hyphens
 * and zero-width characters removed, words hyphenated across a line break re-joined
 * ("exclu-\nsion" -> "exclusion", "RÉSER-\nVÉE" -> "RÉSERVÉE"; compounds keep their hyphen:
 * "Saint-\nÉtienne" -> "Saint-Étienne", see hyphenation.ts), CRLF to LF, trailing spaces dropped.
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
  // Hyphenation at line ends: words re-joined ("exclu-\nsion", "RÉSER-\nVÉE"), compounds kept on one line.
  text = joinLineHyphens(text)
  text = text.replace(/[ ]+\n/g, '\n')
  text = text.replace(/[ ]{2,}/g, ' ')
  return text
}

export interface FoldedText {
  text: string
  /** map[i] is the offset in the original text of folded character i; map[text.length] = original length. */
  map: Int32Array
}

const foldCache = new Map<number, string>()

function foldCode(code: number): string {
  let f = foldCache.get(code)
  if (f === undefined) {
    const c = String.fromCharCode(code)
    if (c === 'œ' || c === 'Œ') f = 'oe'
    else if (c === 'æ' || c === 'Æ') f = 'ae'
    else if (c === 'ß') f = 'ss'
    else f = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    if (f.length === 0) f = ' '
    foldCache.set(code, f)
  }
  return f
}

/** Folded code unit per BMP code unit when it folds to exactly one unit; 0 = not computed, -1 = several units. */
const SINGLE = new Int32Array(0x10000)

function singleFold(code: number): number {
  let v = SINGLE[code]!
  if (v === 0) {
    const f = foldCode(code)
    v = f.length === 1 ? f.charCodeAt(0) : -1
    SINGLE[code] = v
  }
  return v
}

const NON_ASCII = /[^\x00-\x7f]/g

/**
 * Folded text with a compact offset map: every folded character maps to the original character
 * at the same offset, shifted by the "extra" units before it (œ folds to two units, "oe"; the
 * second is an extra unit). Cheaper than FoldedText's full map for whole documents.
 */
export interface FoldedShifts {
  text: string
  /** Folded offsets of the extra units, ascending. */
  extraAt: Int32Array
  /** Original offset of the character each extra unit belongs to, ascending. */
  extraOrig: Int32Array
}

/** Number of values of a sorted array below `v`. */
function countBelow(a: Int32Array, v: number): number {
  let lo = 0
  let hi = a.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid]! < v) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Original offset of a folded offset. */
export function originalOffset(f: FoldedShifts, folded: number): number {
  return folded - countBelow(f.extraAt, folded + 1)
}

/** Folded offset of an original offset (the first folded unit of that character). */
export function foldedOffset(f: FoldedShifts, original: number): number {
  return original + countBelow(f.extraOrig, original)
}

/**
 * Lower case, accents stripped, œ -> oe, as a FoldedShifts. The engine folds every document once
 * and must keep up with tens of MB/s: the native toLowerCase does the ASCII work and only
 * non-ASCII characters go through the fold table.
 */
export function foldShifts(text: string): FoldedShifts {
  const lower = text.toLowerCase()
  if (lower.length !== text.length) return shiftsOf(foldTextSlow(text))
  const extraAt: number[] = []
  const extraOrig: number[] = []
  let extra = 0
  const folded = lower.replace(NON_ASCII, (c: string, offset: number) => {
    const code = c.charCodeAt(0)
    if (code >= 0xd800 && code <= 0xdfff) return c
    const f = foldCode(code)
    for (let j = 1; j < f.length; j++) {
      extraAt.push(offset + extra + j)
      extraOrig.push(offset)
    }
    extra += f.length - 1
    return f
  })
  return {text: folded, extraAt: Int32Array.from(extraAt), extraOrig: Int32Array.from(extraOrig)}
}

function shiftsOf(f: FoldedText): FoldedShifts {
  const extraAt: number[] = []
  const extraOrig: number[] = []
  for (let k = 1; k < f.text.length; k++) {
    if (f.map[k] === f.map[k - 1]) {
      extraAt.push(k)
      extraOrig.push(f.map[k]!)
    }
  }
  return {text: f.text, extraAt: Int32Array.from(extraAt), extraOrig: Int32Array.from(extraOrig)}
}

/** Lower case, accents stripped, œ -> oe: the form rules are matched against, with the full offset map. */
export function foldText(text: string): FoldedText {
  const f = foldShifts(text)
  const map = new Int32Array(f.text.length + 1)
  let k = 0
  let i = 0
  for (let e = 0; e < f.extraAt.length; e++) {
    const at = f.extraAt[e]!
    for (; k < at; k++) map[k] = i++
    map[k++] = f.extraOrig[e]!
  }
  for (; k < f.text.length; k++) map[k] = i++
  map[k] = text.length
  return {text: f.text, map}
}

/** Code-unit loop for the rare texts whose lower case changes length (e.g. "İ"). */
function foldTextSlow(text: string): FoldedText {
  const n = text.length
  let out = new Uint16Array(n + 16)
  let map = new Int32Array(n + 17)
  let k = 0
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i)
    if (code < 128) {
      out[k] = code >= 65 && code <= 90 ? code + 32 : code
      map[k++] = i
      continue
    }
    const v = code >= 0xd800 && code <= 0xdfff ? code : SINGLE[code]! > 0 ? SINGLE[code]! : singleFold(code)
    if (v >= 0) {
      out[k] = v
      map[k++] = i
      continue
    }
    const f = foldCode(code)
    // Room for this expansion and one unit for every code unit still to come.
    if (k + f.length + (n - i) + 1 > out.length) {
      const grownOut = new Uint16Array(out.length * 2 + f.length)
      grownOut.set(out)
      out = grownOut
      const grownMap = new Int32Array(grownOut.length + 1)
      grownMap.set(map)
      map = grownMap
    }
    for (let j = 0; j < f.length; j++) {
      out[k] = f.charCodeAt(j)
      map[k++] = i
    }
  }
  map[k] = n
  const folded = Buffer.from(out.buffer, out.byteOffset, k * 2).toString('utf16le')
  return {text: folded, map: k + 1 === map.length ? map : map.slice(0, k + 1)}
}

/** Folded form of a short string (patterns, keywords), without the offset map. */
export function fold(text: string): string {
  return foldText(text).text
}
