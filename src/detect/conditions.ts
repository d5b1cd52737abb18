// A rule's conditions on one sentence, as the matcher asks them: its anchors (`any` patterns and
// stem-checked terms), the words around each anchor (`window`), and its all / require / not lists
// on the window or on the whole sentence (answers the Sentence shares between rules).

import {frenchStem, sameStem} from '../text/stem.js'
import {test} from './context.js'
import type {Sentence} from './sentence.js'
import type {Pattern, Rule} from './types.js'

/** The rule's `all`, `require` and `not` conditions on the words around an anchor. */
export function conditionsHold(rule: Rule, scope: string, notInSentence: boolean): boolean {
  if (rule.all.some((p) => !test([p], scope))) return false
  if (rule.require.length > 0 && !test(rule.require, scope)) return false
  return notInSentence || !test(rule.not, scope)
}

/** The same conditions on the whole sentence (continued after a colon): answers shared by the rules. */
export function sentenceConditionsHold(rule: Rule, s: Sentence): boolean {
  if (rule.all.some((p) => !s.hasContinued([p]))) return false
  if (rule.require.length > 0 && !s.hasContinued(rule.require)) return false
  return !s.hasContinued(rule.not)
}

const MAX_ANCHORS = 8

/**
 * Whether a pattern's matches depend only on the text they cover (and one character either side,
 * for \b): no ^, $, lookaround or \B. Such a pattern found in a window of a sentence is found in
 * the sentence, so one absent from the sentence is absent from all its windows.
 */
export function isLocal(p: Pattern): boolean {
  const bare = p.regex.source.replace(/\\[^B]/g, '').replace(/\[[^\]]*\]/g, '')
  return !/[\^$]|\(\?<?[=!]|\\B/.test(bare)
}

/** For a rule with a window: the sentence-level answers that spare looking at each anchor's window. */
export interface WindowPlan {
  /** Every `require` pattern is local: none in the sentence, no window can hold one. */
  require: boolean
  /** The local `all` patterns (each must be in the window, so in the sentence). */
  all: Pattern[]
  /** Every `not` pattern is local: none in the sentence, no window needs testing for them. */
  not: boolean
}

export function windowPlan(rule: Rule): WindowPlan {
  return {require: rule.require.length > 0 && rule.require.every(isLocal), all: rule.all.filter(isLocal), not: rule.not.length > 0 && rule.not.every(isLocal)}
}

/** Whether one of the `any` patterns (numbered in the AnchorTable) matches. */
export function anyAnchor(ids: Int32Array, s: Sentence): boolean {
  for (let k = 0; k < ids.length; k++) if (s.matches(ids[k]!, MAX_ANCHORS).length > 0) return true
  return false
}

/** Ranges of the rule's anchor words in a sentence: `any` patterns, then stem-checked terms. */
export function anchors(rule: Rule, ids: Int32Array, s: Sentence, original: (s: number, e: number) => string): Array<[number, number]> {
  const text = s.text
  const out: Array<[number, number]> = []
  for (const id of ids) {
    for (const range of s.matches(id, MAX_ANCHORS)) {
      if (out.length >= MAX_ANCHORS) break
      out.push(range)
    }
  }
  for (const t of rule.terms) {
    t.regex.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = t.regex.exec(text)) && out.length < MAX_ANCHORS) {
      let pos = m.index
      let ok = true
      for (let g = 1; g < m.length && ok; g++) {
        const word = m[g]!
        const at = text.indexOf(word, pos)
        ok = sameStem(frenchStem(original(at, at + word.length)), t.stems[g - 1]!)
        pos = at + word.length
      }
      if (ok) out.push([m.index, m.index + m[0].length])
    }
  }
  return out.sort((a, b) => a[0] - b[0])
}

/** The text `n` words either side of a range. */
export function around(text: string, [s, e]: [number, number], n: number): string {
  let a = s
  for (let w = 0; a > 0 && w <= n; a--) if (text[a - 1] === ' ') w++
  let b = e
  for (let w = 0; b < text.length && w <= n; b++) if (text[b] === ' ') w++
  return text.slice(a, b)
}
