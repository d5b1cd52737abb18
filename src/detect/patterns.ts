// Patterns of the rule base: folding a rule author's regex to the matching form (accents and case
// removed, escapes kept), finding the literal words a pattern cannot match without (the keywords
// of the prefilter), and French-stem terms.

import {fold} from '../text/normalize.js'
import {frenchStem} from '../text/stem.js'

/** Fold the literal characters of a regex source; escapes (\b, \d, \p{L}...) are kept as written. */
export function foldPattern(source: string): string {
  let folded = foldedPatterns.get(source)
  if (folded === undefined) {
    folded = foldPatternUncached(source)
    foldedPatterns.set(source, folded)
  }
  return folded
}

// Named lists (@obligation...) expand into the same sources in many rules: fold each once.
const foldedPatterns = new Map<string, string>()

function foldPatternUncached(source: string): string {
  let out = ''
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!
    if (c === '\\') {
      const next = source[i + 1] ?? ''
      if ((next === 'p' || next === 'P' || next === 'u') && source[i + 2] === '{') {
        const close = source.indexOf('}', i)
        out += source.slice(i, close + 1)
        i = close
      } else {
        out += c + next
        i++
      }
      continue
    }
    // Curly apostrophes in a rule file are the same apostrophe as in the normalised text.
    out += c === '\u2019' ? "'" : c.charCodeAt(0) < 128 ? c.toLowerCase() : fold(c)
  }
  return out
}

/**
 * Compile a folded pattern, or return the engine's error message. The same source gives the same
 * RegExp object: named lists put the same patterns in many rules, and the matcher keeps one answer
 * per RegExp and sentence. Users reset `lastIndex` before each use (the `g` flag keeps state).
 */
export function compileRegex(source: string, flags = 'g'): RegExp | string {
  const key = `${flags}\0${source}`
  let compiled = compiledPatterns.get(key)
  if (compiled === undefined) {
    try {
      compiled = new RegExp(foldPattern(source), flags)
    } catch (error) {
      compiled = (error as Error).message.replace(/^Invalid regular expression: /, '')
    }
    compiledPatterns.set(key, compiled)
  }
  return compiled
}

const compiledPatterns = new Map<string, RegExp | string>()

const MIN_KEYWORD = 3

/** A literal every match contains; `wordStart` when it can only occur at the start of a word. */
export interface Literal {
  text: string
  wordStart: boolean
}

/**
 * Literals at least one of which every match of the pattern contains, or null when the pattern
 * has no such literal of 3+ characters. Used to index rules: a sentence without any of a rule's
 * keywords is never tried against that rule. Leading non-letters are dropped, so that most
 * keywords start a word (the prefilter then only looks at word starts).
 */
export function requiredLiterals(foldedSource: string): readonly Literal[] | null {
  let lits = literalsOf.get(foldedSource)
  if (lits === undefined) literalsOf.set(foldedSource, (lits = alternation(foldedSource, true)))
  return lits
}

// Asked for every `any` pattern at loading (validation, prefilter keywords) and by the matcher.
const literalsOf = new Map<string, Literal[] | null>()

function alternation(src: string, atBoundary: boolean): Literal[] | null {
  const out = new Map<string, Literal>()
  for (const b of splitTop(src, '|')) {
    const lits = sequence(b, atBoundary)
    if (!lits) return null
    for (const l of lits) {
      const prev = out.get(l.text)
      out.set(l.text, {text: l.text, wordStart: l.wordStart && (prev?.wordStart ?? true)})
    }
  }
  return [...out.values()]
}
/** Split at a top-level separator (outside groups and character classes). */
function splitTop(src: string, sep: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < src.length; i++) {
    const c = src[i]
    if (c === '\\') i++
    else if (c === '[') i = classEnd(src, i)
    else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === sep && depth === 0) {
      parts.push(src.slice(start, i))
      start = i + 1
    }
  }
  parts.push(src.slice(start))
  return parts
}

function classEnd(src: string, i: number): number {
  let j = i + 1
  if (src[j] === '^') j++
  if (src[j] === ']') j++
  for (; j < src.length; j++) {
    if (src[j] === '\\') j++
    else if (src[j] === ']') return j
  }
  return src.length
}

function groupEnd(src: string, i: number): number {
  let depth = 0
  for (let j = i; j < src.length; j++) {
    const c = src[j]
    if (c === '\\') j++
    else if (c === '[') j = classEnd(src, j)
    else if (c === '(') depth++
    else if (c === ')' && --depth === 0) return j
  }
  return src.length
}

/** Length of a quantifier at src[i] and whether it allows zero repetitions. */
function quantifier(src: string, i: number): {len: number; optional: boolean} {
  const c = src[i]
  let len = 0
  let optional = false
  if (c === '?' || c === '*') [len, optional] = [1, true]
  else if (c === '+') len = 1
  else if (c === '{') {
    const m = /^\{(\d*)(,\d*)?\}/.exec(src.slice(i))
    if (m) [len, optional] = [m[0].length, (m[1] ?? '') === '' || Number(m[1]) === 0]
  }
  if (len > 0 && (src[i + len] === '?' || src[i + len] === '+')) len++
  return {len, optional}
}

const SPECIAL_ESCAPES = /[dDwWsSbBnrtfv0-9pPuxck]/
const LETTER = /[a-z0-9\u00c0-\uffff]/

function literal(run: string, atBoundary: boolean): Literal | null {
  const stripped = run.replace(/^[^a-z0-9]+/, '')
  if (stripped.length < MIN_KEYWORD) return null
  return {text: stripped, wordStart: atBoundary || stripped.length < run.length}
}

/** Best literal option of a concatenation: the longest mandatory run, or a mandatory group's alternatives. */
function sequence(src: string, startsAtBoundary: boolean): Literal[] | null {
  const options: Literal[][] = []
  let run = ''
  let runAtBoundary = startsAtBoundary
  // Whether the text matched so far ends at a word boundary (so a letter next starts a word).
  let boundary = startsAtBoundary
  const endRun = () => {
    const lit = literal(run, runAtBoundary)
    if (lit) options.push([lit])
    run = ''
  }
  for (let i = 0; i < src.length; ) {
    const c = src[i]!
    let atom: string | null = null
    let groupLits: Literal[] | null = null
    let atomBoundary = false
    let lookaround = false
    let next = i + 1
    if (c === '\\') {
      const e = src[i + 1] ?? ''
      next = i + 2
      if (!SPECIAL_ESCAPES.test(e)) atom = e
      else if ((e === 'p' || e === 'P' || e === 'u') && src[i + 2] === '{') next = src.indexOf('}', i) + 1
      atomBoundary = 'bsW'.includes(e) && atom === null
    } else if (c === '[') next = classEnd(src, i) + 1
    else if (c === '(') {
      const end = groupEnd(src, i)
      let inner = src.slice(i + 1, end)
      lookaround = /^\?(?:<?[=!])/.test(inner)
      inner = inner.replace(/^\?(?::|<[A-Za-z]\w*>)/, '')
      if (!lookaround) groupLits = alternation(inner, boundary)
      next = end + 1
    } else if (!'.^$|)'.includes(c)) atom = c
    else atomBoundary = c === '^'
    const q = quantifier(src, next)
    if (atom !== null && !q.optional) {
      if (run === '') runAtBoundary = boundary
      run += atom
      if (q.len > 0) endRun()
      boundary = !LETTER.test(atom)
    } else {
      endRun()
      if (groupLits && !q.optional) options.push(groupLits)
      const endsWord = atom !== null ? !LETTER.test(atom) : c !== '(' && atomBoundary
      // An optional group is usually a whole word with its space ("(sociale )?"): keep the state.
      // But an optional prefix of letters ("(l|d)?environnement", for "lenvironnement") may glue
      // to the next word: what follows it is not known to start a word.
      // A lookaround consumes nothing: what follows it stands where it stands.
      if (c === '(' && !lookaround) boundary = q.optional ? boundary && !LETTER.test(src[next - 2] ?? '') : false
      else if (c !== '(') boundary = q.optional ? boundary && endsWord : endsWord
    }
    i = next + q.len
  }
  endRun()
  if (options.length === 0) return null
  // Prefer the option whose shortest literal is longest (fewest false candidates), and never one
  // holding a word of every other sentence ("est", "sont"): it would make the rule a candidate everywhere.
  // Words at a word start are looked for only there, far faster than anywhere: preferred to a longer word that is not.
  const score = (o: Literal[]) => Math.min(...o.map((l) => l.text.length)) + (o.every((l) => l.wordStart) ? 6 : 0) -
    (o.some((l) => COMMON_WORDS.has(l.text.trim())) ? 20 : 0)
  options.sort((a, b) => score(b) - score(a) || a.length - b.length)
  return options[0]!
}

// French verbs and words too frequent in procurement text to index a rule by.
const COMMON_WORDS = new Set(['est', 'sont', 'sera', 'seront', 'etre', 'soit', 'soient', 'peut', 'peuvent', 'doit', 'doivent',
  'les', 'des', 'une', 'pour', 'par', 'dans', 'avec', 'sur', 'aux', 'qui', 'que', 'ces', 'son', 'ses', 'leur', 'leurs',
  'puis', 'ainsi', 'tout', 'tous', 'toute', 'toutes', 'ne', "qu'", 'sans', 'seul', 'seule', 'plus', 'moins', 'mini'])

/** A plain phrase matched by French stems: "clause environnementale" also finds "clauses environnementales". */
export interface Term {
  source: string
  regex: RegExp
  stems: string[]
  keyword: string
}

/** Compile a term; null when it has no word. */
export function compileTerm(source: string): Term | null {
  const words = source.match(/[\p{L}\p{N}]+/gu)
  if (!words) return null
  const stems = words.map((w) => frenchStem(w))
  // Each word: its folded stem then any letters; words separated by 1-3 non-letters ("d'", " - ").
  const parts = stems.map((s) => `(${escapeRegex(s.slice(0, Math.max(1, s.length - 2)))}[a-z0-9]*)`)
  const regex = new RegExp(`\\b${parts.join('[^a-z0-9]{1,3}')}\\b`, 'g')
  const keyword = stems.reduce((a, b) => (b.length > a.length ? b : a), '')
  return {source, regex, stems, keyword: keyword.slice(0, Math.max(1, keyword.length - 2))}
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
