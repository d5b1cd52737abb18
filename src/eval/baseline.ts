// The naive keyword baseline, documented here and nowhere else. Per category, a list of keywords;
// an item gets the category when any keyword occurs anywhere in its text (case- and
// accent-insensitive, at a word start). No negation, no sections, no boilerplate list, no
// obligation verb: what a quick grep would report. Its quantities are naive too: the first
// "<n> heures" for hours, the first "<n> %" for percent and weight, or "<n> points" for weight.
// It exists so the rule engine's figures can be read against what costs nothing.
// The same keywords, as one combined regex, are the bench's reference throughput.

import {CLAUSE_CATEGORIES, type ClauseCategory, type Segment} from '../core/model.js'
import type {PredictedFinding} from './score.js'

/** Folded (lower case, no accent) keywords. A trailing `$` means "whole word only". */
export const BASELINE_KEYWORDS: Record<ClauseCategory, string[]> = {
  'insertion-clause': ['insertion', 'clause sociale', 'clauses sociales', "eloignees de l'emploi", 'heures de travail reservees'],
  'reserved-disability': ['reserve', 'esat$', 'entreprise adaptee', 'entreprises adaptees', 'travailleurs handicapes'],
  'reserved-insertion': ['reserve', 'siae$', "structures d'insertion", "insertion par l'activite economique"],
  'reserved-ess': ['reserve', 'economie sociale et solidaire', 'ess$'],
  'social-award-criterion': ['critere social', 'criteres sociaux', "en matiere d'insertion", 'social', 'rse$', 'equitable'],
  'social-other-condition': ['apprenti', 'egalite', 'commerce equitable', 'accessibilite', 'conditions de travail', 'discrimination'],
  'env-execution-condition': ['environnement', 'dechet', 'soged', 'emission', 'bio$', 'biologique', 'vehicule'],
  'env-award-criterion': ['environnement', 'developpement durable', 'carbone', 'ecologique', 'performance energetique'],
  'env-technical-specification': ['ecolabel', 'label', 'recycle', 'environnement', 'biosource'],
}

const ACCENTS: Record<string, string> = {
  a: '[aàâä]', e: '[eéèêë]', i: '[iîï]', o: '[oôö]', u: '[uùûü]', c: '[cç]', y: '[yÿ]',
}

function keywordBody(word: string): string {
  let src = ''
  for (const ch of word) {
    if (ACCENTS[ch]) src += ACCENTS[ch]
    else if (ch === ' ') src += '\\s+'
    else if (ch === "'") src += "['’]\\s*"
    else src += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }
  return src
}

/** Regex source (flags `iu`) for one folded keyword over normalised, not folded, text. */
export function keywordSource(keyword: string): string {
  const whole = keyword.endsWith('$')
  const body = keywordBody(whole ? keyword.slice(0, -1) : keyword)
  return `(?<![\\p{L}\\p{N}])${body}${whole ? '(?![\\p{L}\\p{N}])' : ''}`
}

const CATEGORY_REGEX = new Map<ClauseCategory, RegExp>(
  CLAUSE_CATEGORIES.map((c) => [c, new RegExp(BASELINE_KEYWORDS[c].map(keywordSource).join('|'), 'iu')]),
)

/**
 * Every keyword of every category as one alternation, flags `gi`: the bench's reference matcher.
 * Written the way one would for speed (a leading \b, no Unicode lookarounds, which cost V8 a
 * factor 3 to 10); every keyword starts with an ASCII letter, so \b is a word start here.
 */
export function combinedKeywordRegex(): RegExp {
  const all = [...new Set(Object.values(BASELINE_KEYWORDS).flat())]
  const bodies = all.map((k) => (k.endsWith('$') ? `${keywordBody(k.slice(0, -1))}\\b` : keywordBody(k)))
  return new RegExp(`\\b(?:${bodies.join('|')})`, 'gi')
}

function parseNumber(raw: string): number {
  return Number(raw.replace(/[\s ]/g, '').replace(',', '.'))
}

function naiveQuantity(text: string, re: RegExp): number | undefined {
  const m = re.exec(text)
  return m?.[1] === undefined ? undefined : parseNumber(m[1])
}

const HOURS = /(\d[\d\s]*)\s*heures/iu
const PERCENT = /(\d+(?:,\d+)?)\s*%/u
const POINTS = /(\d+(?:,\d+)?)\s*(?:points|pts)\b/iu

/** The baseline's findings for one document (its segments' text, joined). */
export function baselineFindings(segments: Segment[]): PredictedFinding[] {
  const text = segments.map((s) => s.text).join('\n')
  const findings: PredictedFinding[] = []
  for (const category of CLAUSE_CATEGORIES) {
    const m = CATEGORY_REGEX.get(category)!.exec(text)
    if (!m) continue
    const finding: PredictedFinding = {category, rule: `baseline/${category}`, quote: m[0]}
    if (category === 'insertion-clause') {
      const hours = naiveQuantity(text, HOURS)
      const percent = naiveQuantity(text, PERCENT)
      finding.quantities = {}
      if (hours !== undefined) finding.quantities.hours = hours
      if (percent !== undefined) finding.quantities.percent = percent
    } else if (category === 'social-award-criterion' || category === 'env-award-criterion') {
      const weight = naiveQuantity(text, PERCENT) ?? naiveQuantity(text, POINTS)
      if (weight !== undefined) finding.quantities = {weight}
    }
    findings.push(finding)
  }
  return findings
}
