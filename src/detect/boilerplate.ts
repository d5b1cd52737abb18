// Boilerplate suppression: sentences every contract carries (URSSAF vigilance, undeclared work,
// employment of disabled workers declaration, generic respect of the labour code) never make a
// finding. The lists live in rules/boilerplate.yml; each may be limited to some categories.

import type {ClauseCategory} from '../core/model.js'
import type {BoilerplateList} from './types.js'

/** The first boilerplate list that recognises a folded sentence for a category, if any. */
export function boilerplateFor(lists: BoilerplateList[], folded: string, category?: ClauseCategory): BoilerplateList | undefined {
  for (const list of lists) {
    if (category && list.suppresses.length > 0 && !list.suppresses.includes(category)) continue
    if (matches(list.patterns, folded) && !matches(list.unless, folded)) return list
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
