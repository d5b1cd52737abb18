// Negation scope: whether the words a rule matched are denied by their sentence ("le marché
// n'est pas réservé", "aucune clause d'insertion", "Clause sociale : sans objet") or by a form
// answer ("☐ Oui ☒ Non", a "Néant" under a heading). The cue lists live in rules/negation.yml.

import {fold} from '../text/normalize.js'
import type {NegationCues, Pattern} from './types.js'

/** Where the matched words sit: the folded document text, the sentence's range and the match's range. */
export interface MatchSpan {
  text: string
  segStart: number
  segEnd: number
  start: number
  end: number
  /** Folded text of the next sentence, used when the matched sentence is a label or a heading. */
  next?: string
}

const CLAUSE_BREAK_BEFORE = /[.;!?,:()\n]/
const CLAUSE_BREAK_AFTER = /[.;!?\n]/

function firstMatch(patterns: Pattern[], text: string): RegExpExecArray | null {
  for (const p of patterns) {
    p.regex.lastIndex = 0
    const m = p.regex.exec(text)
    if (m) return m
  }
  return null
}

/** The last `words` words of a text. */
function lastWords(text: string, words: number): string {
  let i = text.length
  for (let n = 0; n <= words && i > 0; ) {
    i--
    if (text[i] === ' ' && text[i - 1] !== ' ') n++
  }
  return text.slice(i)
}

function firstWords(text: string, words: number): string {
  let i = 0
  for (let n = 0; n <= words && i < text.length; i++) if (text[i] === ' ' && text[i + 1] !== ' ' && i > 0) n++
  return text.slice(0, i)
}

function beforeScope(s: MatchSpan, window: number): string {
  let from = s.start
  while (from > s.segStart && !CLAUSE_BREAK_BEFORE.test(s.text[from - 1]!)) from--
  return lastWords(s.text.slice(from, s.start), window)
}

function afterScope(s: MatchSpan): string {
  let to = s.end
  while (to < s.segEnd && !CLAUSE_BREAK_AFTER.test(s.text[to]!)) to++
  return s.text.slice(s.end, to)
}

export class NegationScope {
  private readonly boxes: RegExp
  // Folded once here: negated() runs for every candidate anchor.
  private readonly uncheckedGlyphs: string[]
  private readonly allGlyphs: string[]
  private readonly checkedGlyphs: Set<string>

  constructor(private readonly cues: NegationCues) {
    this.uncheckedGlyphs = cues.unchecked.map(fold)
    this.allGlyphs = [...cues.checked, ...cues.unchecked].map(fold)
    this.checkedGlyphs = new Set(cues.checked.map(fold))
    const glyphs = this.allGlyphs.map((g) => g.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    this.boxes = new RegExp(`(${glyphs.join('|')})|\\b(oui|non)\\b`, 'g')
  }

  /** True when the matched words are negated, void or answered "Non". */
  negated(span: MatchSpan): boolean {
    // A pattern may stop inside a word ("criteres environnement" in "Critères environnementaux :
    // néant"): what follows is read from the end of that word, so labels and values line up.
    let end = span.end
    while (end < span.segEnd && /[a-z0-9]/.test(span.text[end]!)) end++
    const s = end === span.end ? span : {...span, end}
    if (this.unticked(s)) return true
    const before = beforeScope(s, this.cues.beforeWindow)
    const cue = firstMatch(this.cues.before, before + s.text.slice(s.start, s.end))
    if (cue && cue.index < before.length) {
      const between = before.slice(cue.index + cue[0].length)
      if (!firstMatch(this.cues.cancel, between)) return true
    } else if (cue) return true
    const after = afterScope(s)
    if (firstMatch(this.cues.after, firstWords(after, this.cues.afterWindow)) && !firstMatch(this.cues.cancel, after)) return true
    const label = /^[\s.]*[:=\-–—][\s]*/.exec(after)
    const rest = after.trim().length === 0 ? undefined : label ? after.slice(label[0].length) : undefined
    if (rest !== undefined && rest.length > 0 && firstMatch(this.cues.empty, rest)) return true
    const answer = this.ticked(after) ?? (rest === undefined || rest.length === 0 ? this.ticked(s.next?.slice(0, 120) ?? '') : undefined)
    if (answer !== undefined) return answer === 'non'
    if (after.trim().length === 0 || (label && rest?.length === 0)) {
      const next = (s.next ?? '').trimStart()
      if (next.length > 0 && firstMatch(this.cues.empty, next)) return true
    }
    return false
  }

  /**
   * A form line that starts with an empty box ("☐ Le marché est réservé à ...", "[ ] Clause
   * d'insertion") was not selected, unless another box stands between it and the matched words.
   */
  private unticked(s: MatchSpan): boolean {
    const head = s.text.slice(s.segStart, s.start)
    const lead = /^[\s\-–—•▪▫➢>*]*/.exec(head)![0].length
    const rest = head.slice(lead)
    const glyph = this.uncheckedGlyphs.find((g) => rest.startsWith(g))
    if (glyph === undefined) return false
    const between = rest.slice(glyph.length)
    return !this.allGlyphs.some((g) => between.includes(g))
  }

  /** The answer ticked in a check-box list ("☐ Oui ☒ Non", "Oui [ ] Non [X]"), if any. */
  ticked(text: string): 'oui' | 'non' | undefined {
    const tokens: Array<{glyph?: string; word?: 'oui' | 'non'}> = []
    this.boxes.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = this.boxes.exec(text)) && tokens.length < 8) {
      tokens.push(m[1] ? {glyph: m[1]} : {word: m[2] as 'oui' | 'non'})
    }
    if (!tokens.some((t) => t.glyph) || !tokens.some((t) => t.word)) return undefined
    const glyphFirst = tokens[0]!.glyph !== undefined
    const checked = this.checkedGlyphs
    const ticked = new Set<'oui' | 'non'>()
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!
      if (!t.glyph) continue
      const label = glyphFirst ? tokens[i + 1]?.word : tokens[i - 1]?.word
      if (label && checked.has(t.glyph)) ticked.add(label)
    }
    return ticked.size === 1 ? [...ticked][0] : undefined
  }
}
