// Guess what piece of a DCE a document is, from its file name first and its opening text second.

import type {DocumentKind} from '../core/model.js'
import {fold} from '../text/normalize.js'

const BY_NAME: Array<[RegExp, DocumentKind]> = [
  [/(^|[^a-z])(rc|reglement[ _-]*(de[ _-]*(la[ _-]*)?)?consultation)([^a-z]|$)/, 'RC'],
  [/(^|[^a-z])(ccap|cahier[ _-]*des[ _-]*clauses[ _-]*administratives)/, 'CCAP'],
  [/(^|[^a-z])(cctp|cahier[ _-]*des[ _-]*clauses[ _-]*techniques|cdc|cahier[ _-]*des[ _-]*charges)/, 'CCTP'],
  [/(^|[^a-z])(ae|atte?ri?|acte[ _-]*d[ _-]*engagement)([^a-z]|$)/, 'AE'],
]

const BY_TEXT: Array<[RegExp, DocumentKind]> = [
  [/reglement (de la |de )?consultation/, 'RC'],
  [/cahier des clauses administratives particulieres/, 'CCAP'],
  [/cahier des clauses techniques particulieres/, 'CCTP'],
  [/acte d'engagement/, 'AE'],
]

export function guessKind(path: string, openingText: string): DocumentKind {
  const base = fold(path.split(/[/\\!]/).pop() ?? path)
  for (const [re, kind] of BY_NAME) if (re.test(base)) return kind
  const head = fold(openingText.slice(0, 1500))
  let best: {kind: DocumentKind; at: number} | undefined
  for (const [re, kind] of BY_TEXT) {
    const m = re.exec(head)
    if (m && (!best || m.index < best.at)) best = {kind, at: m.index}
  }
  return best?.kind ?? 'other'
}
