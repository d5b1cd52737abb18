// One candidate sentence while the matcher tries its rules: the folded text sliced once, and the
// answers several rules ask for kept until the next sentence. The rules of one category share
// named lists (@obligation, @reservation...), so "is this pattern in the sentence" and "where does
// this anchor pattern match" are answered once, not per rule. Anchor patterns cannot match without
// one of their literal words (the prefilter's analysis): the matcher's one scan of the document
// (doc-scan.ts) tells which of a rule's 10 to 40 anchor patterns are worth running.

import type {ClauseCategory} from '../core/model.js'
import {foldPattern, requiredLiterals, type Literal} from './patterns.js'
import {unwrapped} from './plan.js'
import type {Pattern} from './types.js'

/** The distinct anchor patterns of a rule base, numbered, with the literal words each cannot match without. */
export class AnchorTable {
  private readonly ids = new Map<RegExp, number>()
  readonly regexes: RegExp[] = []
  /** The pattern without its word-start lookbehind (plan.ts), when it has one. */
  readonly plain: Array<RegExp | null> = []
  /** Patterns without literal words, always run. */
  readonly always: boolean[] = []
  /** Per pattern, the literal words it cannot match without (looked for anywhere, not only at word starts). */
  readonly literals: string[][] = []

  constructor(patterns: Iterable<Pattern>) {
    for (const p of patterns) {
      if (this.ids.has(p.regex)) continue
      this.ids.set(p.regex, this.regexes.length)
      this.regexes.push(p.regex)
      this.plain.push(unwrapped(p))
      const lits = requiredLiterals(foldPattern(p.source))
      this.always.push(!lits || lits.length === 0)
      this.literals.push((lits ?? []).map((l: Literal) => l.text))
    }
  }

  get size(): number {
    return this.regexes.length
  }

  /** The number of an anchor pattern given to the constructor. */
  id(p: Pattern): number {
    return this.ids.get(p.regex)!
  }

}

const NO_RANGES: Array<[number, number]> = []

const IN_WORD = /[a-z0-9]/

/** Whether one of the patterns occurs in the text, each pattern's answer looked up first. */
function anyFound(patterns: Pattern[], text: string, memo: Map<RegExp, boolean>): boolean {
  for (const p of patterns) {
    let found = memo.get(p.regex)
    if (found === undefined) {
      p.regex.lastIndex = 0
      memo.set(p.regex, (found = p.regex.test(text)))
    }
    if (found) return true
  }
  return false
}

export class Sentence {
  /** Index of the sentence in the document. */
  index = -1
  /** Folded text of the sentence and its start in the folded document. */
  text = ''
  start = 0
  end = 0
  /** The sentence, followed by the next one when it ends with a colon (conditions may be met there). */
  continued = ''
  /** Folded text of the next sentence, if any. */
  next: string | undefined
  private leadText: string | undefined
  private leadOf: (() => string) | undefined
  private readonly inText = new Map<RegExp, boolean>()
  private readonly inContinued = new Map<RegExp, boolean>()
  private readonly inLead = new Map<RegExp, boolean>()
  private readonly boilerplate = new Map<ClauseCategory, boolean>()
  /** Per anchor pattern: present[id] === stamp when one of its literal words is in the sentence. */
  private readonly present: Int32Array
  /** Per anchor pattern: its ranges in this sentence when rangesAt[id] === stamp. */
  private readonly rangesAt: Int32Array
  private readonly ranges: Array<Array<[number, number]>>
  private stamp = 0

  constructor(private readonly anchors: AnchorTable) {
    this.present = new Int32Array(anchors.size)
    this.rangesAt = new Int32Array(anchors.size)
    this.ranges = new Array<Array<[number, number]>>(anchors.size).fill(NO_RANGES)
  }

  /**
   * Start on another sentence; `lead` computes the sentences leading into it, when a rule asks.
   * `presentIds[from..to)` are the anchor patterns one of whose literal words is in it.
   */
  reset(index: number, text: string, start: number, end: number, next: string | undefined, lead: () => string, presentIds: ArrayLike<number>, from: number, to: number): void {
    this.index = index
    this.text = text
    this.start = start
    this.end = end
    this.next = next
    this.continued = next !== undefined && /:\s*$/.test(text) ? `${text} ${next}` : text
    this.leadText = undefined
    this.leadOf = lead
    // Map.clear() allocates a new table even when the map is empty, and most sentences ask nothing.
    if (this.inText.size > 0) this.inText.clear()
    if (this.inContinued.size > 0) this.inContinued.clear()
    if (this.inLead.size > 0) this.inLead.clear()
    if (this.boilerplate.size > 0) this.boilerplate.clear()
    const stamp = ++this.stamp
    for (let k = from; k < to; k++) this.present[presentIds[k]!] = stamp
  }

  /** One of the patterns occurs in the sentence. */
  has(patterns: Pattern[]): boolean {
    return patterns.length > 0 && anyFound(patterns, this.text, this.inText)
  }

  /** One of the patterns occurs in the sentence or, after a colon, the next one. */
  hasContinued(patterns: Pattern[]): boolean {
    if (patterns.length === 0) return false
    return anyFound(patterns, this.continued, this.continued === this.text ? this.inText : this.inContinued)
  }

  /** One of the patterns occurs in the sentences leading into this one. */
  hasInLead(patterns: Pattern[]): boolean {
    if (patterns.length === 0) return false
    return anyFound(patterns, (this.leadText ??= this.leadOf!()), this.inLead)
  }

  /** False when anchor pattern `id` cannot match the sentence: none of its literal words is in it. */
  private mayMatch(id: number): boolean {
    return this.anchors.always[id] || this.present[id] === this.stamp
  }

  /**
   * The ranges anchor pattern `id` matches in the sentence, the first `max` (rules sharing an
   * anchor pattern find them once).
   */
  matches(id: number, max: number): Array<[number, number]> {
    if (this.rangesAt[id] === this.stamp) return this.ranges[id]!
    let out = NO_RANGES
    if (this.mayMatch(id)) {
      const plain = this.anchors.plain[id]!
      const re = plain ?? this.anchors.regexes[id]!
      const text = this.text
      re.lastIndex = 0
      let m: RegExpExecArray | null
      while (out.length < max && (m = re.exec(text))) {
        // The lookbehind "(?<![a-z0-9])" of the anchor pattern, checked here: not a word start,
        // try again from the next position (the search the lookbehind would make).
        if (plain && m.index > 0 && IN_WORD.test(text[m.index - 1]!)) {
          re.lastIndex = m.index + 1
          continue
        }
        if (out === NO_RANGES) out = []
        out.push([m.index, m.index + m[0].length])
        if (m[0].length === 0) re.lastIndex++
      }
    }
    this.rangesAt[id] = this.stamp
    this.ranges[id] = out
    return out
  }

  /** The boilerplate answer for a category, computed once per sentence. */
  isBoilerplate(category: ClauseCategory, compute: () => boolean): boolean {
    let b = this.boilerplate.get(category)
    if (b === undefined) this.boilerplate.set(category, (b = compute()))
    return b
  }
}
