// Boilerplate suppression: sentences every contract carries (URSSAF vigilance, undeclared work,
// employment of disabled workers declaration, generic respect of the labour code) never make a
// finding. The lists live in rules/boilerplate.yml; each may be limited to some categories.

import type {ClauseCategory, SegmentRole} from '../core/model.js'
import type {BoilerplateList, Pattern} from './types.js'

/**
 * The first boilerplate list that recognises a folded sentence for a category, if any. A list
 * limited to some notice field roles only sees sentences of those roles; with no patterns, it
 * recognises every such sentence (what a whole field is, e.g. selection-stage evidence).
 * `found` answers whether one of some patterns is in the sentence (the matcher's shares answers).
 */
export function boilerplateFor(lists: BoilerplateList[], folded: string, category?: ClauseCategory, role?: SegmentRole,
  found: (patterns: Pattern[]) => boolean = (patterns) => matches(patterns, folded)): BoilerplateList | undefined {
  for (const list of lists) {
    if (category && list.suppresses.length > 0 && !list.suppresses.includes(category)) continue
    if (list.roles.length > 0 && !(role && list.roles.includes(role))) continue
    const hit = list.patterns.length === 0 ? list.roles.length > 0 : found(list.patterns)
    if (hit && !found(list.unless)) return list
  }
  return undefined
}

function matches(patterns: BoilerplateList['patterns'], text: string): boolean {
  for (const p of patterns) {
    p.regex.lastIndex = 0
    if (p.regex.test(text)) return true
  }
  return false
}
