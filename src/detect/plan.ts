// The matching plan of a rule base: every list of patterns the matcher only asks "does one of them
// occur?" (require, not, where text/lead/section/field, boilerplate patterns and unless) compiled
// into one alternation. An alternation matches a text exactly when one of its alternatives does,
// and one pass over a sentence costs about a third of one pass per pattern (rules list 20 to 40
// such patterns once the named lists are expanded).

import {compileRegex} from './patterns.js'
import type {BoilerplateList, Context, Pattern, Rule} from './types.js'

// Group numbers shift in an alternation: a backreference ("\1", "\k<name>") or a named group would
// change meaning or clash, so lists holding one stay pattern by pattern.
const NUMBERED = /\\[1-9]|\\k<|\(\?<[A-Za-z_$]/

// Identical lists (the same named lists in several rules) share one RegExp, and so one answer per sentence.
const alternations = new Map<string, Pattern>()

/** The patterns as one alternation (a one-pattern list), or as they are when they cannot be joined. */
export function asAlternation(patterns: Pattern[]): Pattern[] {
  if (patterns.length < 2) return patterns
  if (patterns.some((p) => p.regex.flags !== 'g' || NUMBERED.test(p.regex.source))) return patterns
  const source = patterns.map((p) => `(?:${p.regex.source})`).join('|')
  let joined = alternations.get(source)
  if (!joined) {
    try {
      joined = {source, regex: new RegExp(source, 'g')}
    } catch {
      return patterns
    }
    alternations.set(source, joined)
  }
  return [joined]
}

/**
 * The patterns as one alternation per named list they come from, and one for the rule's own: the
 * named lists (@obligation, @non-binding...) recur in many rules, and an alternation shared by
 * several rules is answered once per sentence (the Sentence keeps answers per RegExp).
 */
function byList(patterns: Pattern[]): Pattern[] {
  const groups = new Map<string, Pattern[]>()
  for (const p of patterns) {
    const key = p.list ?? ''
    const group = groups.get(key)
    if (group) group.push(p)
    else groups.set(key, [p])
  }
  return [...groups.values()].flatMap(asAlternation)
}

function planContext(c: Context): Context {
  const out: Context = {...c}
  if (c.sections) out.sections = asAlternation(c.sections)
  if (c.fields) out.fields = asAlternation(c.fields)
  if (c.text) out.text = asAlternation(c.text)
  if (c.lead) out.lead = asAlternation(c.lead)
  return out
}

/**
 * A rule as the matcher runs it: same id, category and quantities; `all` and anchors pattern by
 * pattern (anchors are gated by their literal words instead: joined, their "start of a word"
 * lookbehinds make the engine try every alternative at every position).
 */
export function planRule(rule: Rule): Rule {
  return {
    ...rule,
    require: byList(rule.require),
    not: byList(rule.not),
    where: rule.where.map(planContext),
    whereNot: rule.whereNot.map(planContext),
  }
}

export function planBoilerplate(lists: BoilerplateList[]): BoilerplateList[] {
  return lists.map((b) => ({...b, patterns: asAlternation(b.patterns), unless: asAlternation(b.unless)}))
}


// Anchor patterns are compiled as "(?<![a-z0-9])(?:P)" (they match from the start of a word). A
// leading lookbehind keeps the engine from skipping ahead to P's first letters: it is tried at every
// position. Running P and checking the character before each match is the same search, faster.
const WORD_START = '(?<![a-z0-9])(?:'
const unwrappedOf = new WeakMap<RegExp, RegExp | null>()

/** P of an anchor pattern compiled as "(?<![a-z0-9])(?:P)", or null for any other pattern. */
export function unwrapped(p: Pattern): RegExp | null {
  let plain = unwrappedOf.get(p.regex)
  if (plain === undefined) {
    const compiled = compileRegex(p.source)
    plain = typeof compiled !== 'string' && p.regex.flags === compiled.flags && p.regex.source === `${WORD_START}${compiled.source})` ? compiled : null
    unwrappedOf.set(p.regex, plain)
  }
  return plain
}
