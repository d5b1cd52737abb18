// One candidate sentence while the matcher tries its rules: the folded text sliced once, and the
// answers several rules ask for kept until the next sentence. The rules of one category share
// named lists (@obligation, @award-criteria-heading...) that rule loading compiles into one
// RegExp per distinct pattern, so "is this pattern in the sentence" is answered once, not per rule.

import type {ClauseCategory} from '../core/model.js'
import type {Pattern} from './types.js'

/** Whether one of the patterns occurs in the text, each pattern's answer looked up first. */
function anyFound(patterns: Pattern[], text: string, memo: Map<RegExp, boolean>): boolean {
  for (const p of patterns) {
    let found = memo.get(p.regex)
    if (found === undefined) {
      p.regex.lastIndex = 0
      found = p.regex.test(text)
      memo.set(p.regex, found)
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
  private readonly literals = new Map<string, boolean>()
  private readonly boilerplate = new Map<ClauseCategory, boolean>()

  /** Start on another sentence; `lead` computes the sentences leading into it, when a rule asks. */
  reset(index: number, text: string, start: number, end: number, next: string | undefined, lead: () => string): void {
    this.index = index
    this.text = text
    this.start = start
    this.end = end
    this.next = next
    this.continued = next !== undefined && /:\s*$/.test(text) ? `${text} ${next}` : text
    this.leadText = undefined
    this.leadOf = lead
    this.inText.clear()
    this.inContinued.clear()
    this.inLead.clear()
    this.literals.clear()
    this.boilerplate.clear()
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

  /** The literal occurs in the sentence. */
  contains(literal: string): boolean {
    let found = this.literals.get(literal)
    if (found === undefined) this.literals.set(literal, (found = this.text.includes(literal)))
    return found
  }

  /** The boilerplate answer for a category, computed once per sentence. */
  isBoilerplate(category: ClauseCategory, compute: () => boolean): boolean {
    let b = this.boilerplate.get(category)
    if (b === undefined) this.boilerplate.set(category, (b = compute()))
    return b
  }
}
