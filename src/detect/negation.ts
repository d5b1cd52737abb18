// Negation scope: whether the words a rule matched are denied by their sentence ("le marché
// n'est pas réservé", "aucune clause d'insertion", "Clause sociale : sans objet") or by a form
// answer ("☐ Oui ☒ Non", a "Néant" under a heading). The cue lists live in rules/negation.yml.

import {fold} from '../text/normalize.js'
import {FormReader} from './forms.js'
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

// "Si le titulaire n'a pas accueilli l'apprenti prévu ..., il encourt une pénalité": the failure
// is a hypothesis that a penalty sanctions, so the sentence binds the duty it names.
const IF_FAILURE = /\b(?:si|lorsque|lorsqu'|dans le cas ou|au cas ou)\s*(?:le|la|l'|les|il|elle|ils|elles|un|une|chaque|ce|cette)\b[^,;:.]{0,60}\b(?:n'|ne\s)[^,;:.]{0,60}$/
const SANCTION = /(?<!\b(?:aucune|sans|pas de|ni) )\b(?:penalites?|sanctions?|retenues?|resiliation)\b/

// "Le titulaire exclut tout produit pour lequel le fabricant ne respecte pas le devoir de
// diligence": the negation describes what is excluded, so the sentence requires the duty.
const EXCLUDED_IF = /\b(?:exclu\w*|refus\w*|rejet\w*|ecart\w*|interdi\w*|proscri\w*)\b[^.;]{0,100}\b(?:lequel|laquelle|lesquels|lesquelles|dont|qui)\b[^,;:.]{0,60}$/

// The answer to a form's question that denies it: "... clause sociale ? Non", "? Néant".
const QUESTION_ANSWERED_NO = /^(?:non|neant|sans objet|aucune?)\b(?![-'])/

function sanctionedFailure(s: MatchSpan): boolean {
  const before = s.text.slice(Math.max(s.segStart, s.start - 160), s.start)
  return (IF_FAILURE.test(before) && SANCTION.test(s.text.slice(s.segStart, s.segEnd))) || EXCLUDED_IF.test(before)
}

export class NegationScope {
  // Glyphs folded once here: negated() runs for every candidate anchor.
  private readonly forms: FormReader

  constructor(private readonly cues: NegationCues) {
    this.forms = new FormReader(cues.checked.map(fold), cues.unchecked.map(fold))
  }

  /** True when the matched words are negated, void or answered "Non". */
  negated(span: MatchSpan): boolean {
    // A pattern may stop inside a word ("criteres environnement" in "Critères environnementaux :
    // néant"): what follows is read from the end of that word, so labels and values line up.
    let end = span.end
    while (end < span.segEnd && /[a-z0-9]/.test(span.text[end]!)) end++
    const s = end === span.end ? span : {...span, end}
    // An option of a form whose box is not ticked ("☐ Marché réservé aux SIAE"), or the label of
    // a list of options none of which is ticked.
    const option = this.forms.optionState(s.text, s.segStart, s.segEnd, s.start - s.segStart, s.end - s.segStart)
    if (option !== undefined && option !== 'oui') return true
    const before = beforeScope(s, this.cues.beforeWindow)
    const cue = firstMatch(this.cues.before, before + s.text.slice(s.start, s.end))
    if (cue && cue.index < before.length) {
      const between = before.slice(cue.index + cue[0].length)
      if (!firstMatch(this.cues.cancel, between) && !sanctionedFailure(s)) return true
    } else if (cue) return true
    const after = afterScope(s)
    if (firstMatch(this.cues.after, firstWords(after, this.cues.afterWindow)) && !firstMatch(this.cues.cancel, after)) return true
    const label = /^[\s.]*[:=\-–—][\s]*/.exec(after)
    const rest = after.trim().length === 0 ? undefined : label ? after.slice(label[0].length) : undefined
    if (rest !== undefined && rest.length > 0 && firstMatch(this.cues.empty, rest)) return true
    // The answer group that follows the question, on its line ("... clause sociale ? ☐ Oui ☒ Non
    // ... clause environnementale ? ...") or on the next line under a label.
    const next = rest === undefined || rest.length === 0 ? s.next?.slice(0, 200) : undefined
    const answer = this.forms.answerAfter(s.text, s.segStart, s.segEnd, s.end - s.segStart) ?? (next !== undefined ? this.forms.answerAfter(next, 0, next.length, 0) : undefined)
    if (answer !== undefined) return answer !== 'oui'
    // A heading or a label with "Néant" under it; not a full sentence that ends with a full stop
    // and is followed by another ("... des nappes réutilisables. Aucun contenant jetable n'est admis.").
    const closed = after.trim().length === 0 && /[.;!?]/.test(s.text[s.end + after.length] ?? '')
    // A question answered "Non" in a form ("Le marché comporte-t-il une clause sociale ? Non").
    if (after.trim().length === 0 && s.text[s.end + after.length] === '?') {
      // (the answer's line may be joined to the next label: "? Non Variantes autorisées : Non")
      const answer = s.text.slice(s.end + after.length + 1, s.segEnd).trimStart() || (s.next ?? '').trimStart()
      if (QUESTION_ANSWERED_NO.test(answer)) return true
    }
    if ((after.trim().length === 0 && !closed) || (label && rest?.length === 0)) {
      const following = (s.next ?? '').trimStart()
      if (following.length > 0 && firstMatch(this.cues.empty, following)) return true
    }
    return false
  }

  /** The folded document without the words of unticked form options (see FormReader). */
  withoutUntickedOptions(text: string, starts: number[], ends: number[]): string {
    return this.forms.withoutUntickedOptions(text, starts, ends)
  }

  /** The answer ticked in a check-box list ("☐ Oui ☒ Non", "Oui [ ] Non [X]"), if any. */
  ticked(text: string): 'oui' | 'non' | undefined {
    const answer = this.forms.answerAfter(text, 0, text.length, 0)
    return answer === 'none' ? undefined : answer
  }
}
