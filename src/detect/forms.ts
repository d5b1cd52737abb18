// Check-box forms read box by box. A notice or an RC form puts several questions or options on one
// line once extracted: "clause environnementale ? ☐ Oui ☒ Non clause sociale ? ☐ Oui ☒ Non", or
// "☒ réservé ESS (L2113-15) ☐ réservé EA/ESAT (L2113-12) ☐ SIAE (L2113-13)". Each question takes
// the answer group that follows it, each option the box that belongs to it; a box in one option
// says nothing about another. Works on folded text (lower case, no accents), one sentence at a time.

/** A box glyph or an answer word in a sentence. */
interface Token {
  start: number
  end: number
  /** 'checked' and 'unchecked' are boxes; 'oui' and 'non' are answer words. */
  kind: 'checked' | 'unchecked' | 'oui' | 'non'
  glyph: string
}

/** What a form says about the words at a position: the answer or option is ticked, or not, or nothing is ticked. */
export type FormAnswer = 'oui' | 'non' | 'none'

// Between the words and boxes of one answer group: spaces, slashes, commas, dashes ("☐ Oui / ☒ Non").
const GROUP_GAP = /^[\s/,:|–—-]*$/
// How far after a question its answer group may start ("clause sociale (art. L. 2112-2) ? ☐ Oui").
const ANSWER_REACH = 80
// How far from its box an option's words may be.
const OPTION_REACH = 300
// Glyphs that also serve as list bullets: boxes only when the line also has a box of the other state.
const BULLET_LIKE = new Set(['○', '■'])

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export class FormReader {
  private readonly tokenRe: RegExp
  /** Any box glyph, to find every box of a document in one search. */
  private readonly everyBox: RegExp
  private readonly checked: Set<string>
  private cache: {text: string; from: number; to: number; tokens: Token[]} | undefined

  /** `checked` and `unchecked` are folded glyphs (rules/negation.yml). */
  constructor(checked: string[], unchecked: string[]) {
    this.checked = new Set(checked)
    const glyphs = [...checked, ...unchecked].sort((a, b) => b.length - a.length).map(escape)
    // A lone "X" ticks a box as well ("X Oui  Non"), but not in "3 x 8" nor in a word.
    this.everyBox = new RegExp(glyphs.join('|'), 'g')
    this.tokenRe = new RegExp(`(${glyphs.join('|')})|\\b(oui|non)\\b|(?<![\\w'.-])(?<!\\d )(x)(?![\\w'])(?! ?\\d)`, 'g')
  }

  /** Boxes and answer words of text[from, to), positions relative to `from`; cached for the sentence. */
  private tokens(text: string, from: number, to: number): Token[] {
    const c = this.cache
    if (c && c.text === text && c.from === from && c.to === to) return c.tokens
    const seg = text.slice(from, to)
    const out: Token[] = []
    this.tokenRe.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = this.tokenRe.exec(seg)) && out.length < 64) {
      const kind = m[1] ? (this.checked.has(m[1]) ? 'checked' : 'unchecked') : m[2] ? (m[2] as 'oui' | 'non') : 'checked'
      out.push({start: m.index, end: m.index + m[0].length, kind, glyph: m[0]})
    }
    const tokens = out.some((t) => t.kind === 'checked' || t.kind === 'unchecked') || out.filter((t) => t.kind === 'oui' || t.kind === 'non').length > 1 ? out : []
    this.cache = {text, from, to, tokens}
    return tokens
  }

  /**
   * The answer of the group that follows position `at` (relative to `from`): "? ☐ Oui ☒ Non" is
   * 'non', "Oui [X] Non [ ]" is 'oui', boxes with none ticked or a bare "Oui / Non" (the unused
   * answer struck out, which plain text loses) are 'none'. Undefined when no answer group follows.
   */
  answerAfter(text: string, from: number, to: number, at: number): FormAnswer | undefined {
    const tokens = this.tokens(text, from, to)
    const seg = text.slice(from, to)
    const first = tokens.findIndex((t) => t.start >= at)
    if (first < 0) return undefined
    const gap = seg.slice(at, tokens[first]!.start)
    if (gap.length > ANSWER_REACH || /[;\n]/.test(gap)) return undefined
    const group = [tokens[first]!]
    for (let i = first + 1; i < tokens.length && GROUP_GAP.test(seg.slice(tokens[i - 1]!.end, tokens[i]!.start)); i++) group.push(tokens[i]!)
    return readGroup(group)
  }

  /**
   * Whether the option holding text[start, end) (relative to `from`) is ticked: 'oui' when its box
   * is ticked, 'non' when it is not, 'none' when the words are the label of a list of options none
   * of which is ticked ("Marché réservé : ☐ ESS ☐ EA/ESAT ☐ SIAE"). Boxes come before their
   * options ("☒ ESS ☐ SIAE") unless the line ends with a box ("ESS [X] SIAE [ ]").
   */
  optionState(text: string, from: number, to: number, start: number, end: number): FormAnswer | undefined {
    const boxes = this.optionBoxes(text, from, to)
    if (boxes.length === 0) return undefined
    const seg = text.slice(from, to)
    if (this.boxesAfter(seg, boxes)) {
      // "Lot réservé : ESS [ ] SIAE [X]": the words before the colon are the list's label.
      const label = seg.lastIndexOf(':', boxes[0]!.start)
      if (end <= label) return boxes[0]!.start - end <= ANSWER_REACH && !boxes.some((b) => b.kind === 'checked') ? 'none' : undefined
      const owner = boxes.find((b) => b.start >= end)
      if (!owner || owner.start - end > OPTION_REACH) return undefined
      return owner.kind === 'checked' ? 'oui' : 'non'
    }
    let owner: Token | undefined
    for (const b of boxes) if (b.start < start) owner = b
    if (owner) return start - owner.end > OPTION_REACH ? undefined : owner.kind === 'checked' ? 'oui' : 'non'
    // The words lead into the options ("Réservation : ☐ ... ☐ ..."): void when nothing is ticked.
    return boxes[0]!.start - end <= ANSWER_REACH && !boxes.some((b) => b.kind === 'checked') ? 'none' : undefined
  }

  /**
   * The folded document with the words of every option whose box is not ticked replaced by blanks
   * (same length, so offsets hold): "☒ ESS (L2113-15) ☐ EA/ESAT (L2113-12)" is read as "☒ ESS
   * (L2113-15) ☐", and no rule finds, nor counts as a condition, what the form did not select.
   * The boxes stay, for the negation of a label none of whose options is ticked.
   */
  withoutUntickedOptions(text: string, starts: number[], ends: number[]): string {
    const blanks: Array<[number, number]> = []
    // Only the sentences holding a box: found by one search of the document (a box never spans
    // the line break between two sentences), not by one test per sentence.
    const every = this.everyBox
    every.lastIndex = 0
    let i = 0
    let m: RegExpExecArray | null
    while ((m = every.exec(text))) {
      const p = m.index
      while (i < starts.length && ends[i]! <= p) i++
      if (i >= starts.length) break
      if (p < starts[i]!) continue
      const from = starts[i]!
      const to = ends[i]!
      every.lastIndex = to
      const boxes = this.optionBoxes(text, from, to)
      if (boxes.length === 0) continue
      const seg = text.slice(from, to)
      const after = this.boxesAfter(seg, boxes)
      boxes.forEach((b, k) => {
        if (b.kind === 'checked') return
        let a = after ? (k > 0 ? boxes[k - 1]!.end : Math.max(0, seg.lastIndexOf(':', b.start) + 1)) : b.end
        let e = after ? b.start : k + 1 < boxes.length ? boxes[k + 1]!.start : seg.length
        if (after) a = Math.max(a, e - OPTION_REACH)
        else e = Math.min(e, a + OPTION_REACH)
        if (e > a) blanks.push([from + a, from + e])
      })
    }
    if (blanks.length === 0) return text
    let out = ''
    let at = 0
    for (const [a, e] of blanks) {
      // One space then no-break spaces: the blank counts as one gap, not as many words (windows count spaces).
      out += text.slice(at, a) + ' ' + '\u00a0'.repeat(e - a - 1)
      at = e
    }
    return out + text.slice(at)
  }

  /**
   * Whether the boxes of a line follow their options ("ESS [X] SIAE [ ]"): the line ends with a box
   * and has words before its first one. Runs of spaces are options already blanked (normalised
   * text has no double spaces), so the answer is the same before and after blanking.
   */
  private boxesAfter(seg: string, boxes: Token[]): boolean {
    const tail = seg.slice(boxes[boxes.length - 1]!.end)
    if (!/^[\s.;,]*$/.test(tail) || /\s{2}/.test(tail)) return false
    const head = seg.slice(0, boxes[0]!.start)
    return /[^\s\-–—•▪▫➢>*]/.test(head) || /\s{2}/.test(head)
  }

  /** The boxes of options: boxes that are not part of an answer group ("☐ Oui ☒ Non"). */
  private optionBoxes(text: string, from: number, to: number): Token[] {
    const tokens = this.tokens(text, from, to)
    if (tokens.length === 0) return []
    const seg = text.slice(from, to)
    const isWord = (t: Token | undefined) => t !== undefined && (t.kind === 'oui' || t.kind === 'non')
    const boxes = tokens.filter((t, i) => {
      if (isWord(t)) return false
      const prev = tokens[i - 1]
      const next = tokens[i + 1]
      const nextWord = isWord(next) && GROUP_GAP.test(seg.slice(t.end, next!.start))
      const prevWord = isWord(prev) && GROUP_GAP.test(seg.slice(prev!.end, t.start))
      return !nextWord && !prevWord
    })
    // A lone "X" is a ticked box only among real boxes ("☐ EA/ESAT X ESS").
    if (!boxes.some((b) => b.glyph !== 'x')) return []
    // "○ ..." and "■ ..." as the only marks of a line are bullets, not boxes.
    if (boxes.every((b) => BULLET_LIKE.has(b.glyph)) && new Set(boxes.map((b) => b.kind)).size === 1) return []
    return boxes
  }
}

/** The answer of one group of boxes and answer words. */
function readGroup(group: Token[]): FormAnswer | undefined {
  const words = group.filter((t) => t.kind === 'oui' || t.kind === 'non')
  if (words.length === 0) return undefined
  const boxes = group.filter((t) => t.kind === 'checked' || t.kind === 'unchecked')
  if (boxes.length === 0) return new Set(words.map((w) => w.kind)).size > 1 ? 'none' : undefined
  // A box labels the word after it when the group opens with a box ("☐ Oui ☒ Non"), else the word before.
  const boxFirst = group[0]!.kind === 'checked' || group[0]!.kind === 'unchecked'
  const ticked = new Set<string>()
  let paired = 0
  for (let i = 0; i < group.length; i++) {
    const t = group[i]!
    if (t.kind !== 'checked' && t.kind !== 'unchecked') continue
    const label = boxFirst ? group[i + 1] : group[i - 1]
    if (!label || (label.kind !== 'oui' && label.kind !== 'non')) continue
    paired++
    if (t.kind === 'checked') ticked.add(label.kind)
  }
  if (ticked.size === 1) return [...ticked][0] as 'oui' | 'non'
  return ticked.size === 0 && paired > 0 ? 'none' : undefined
}
