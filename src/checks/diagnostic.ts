// Building a diagnostic from a check and a place in the draft.

import type {Check, Diagnostic} from './types.js'
import {quoteOf, type Place} from './locate.js'

export function diagnostic(
  check: Pick<Check, 'id' | 'level' | 'legal'>,
  place: Place | undefined,
  message: string,
  suggestion: string,
  quote?: string,
): Diagnostic {
  const d: Diagnostic = {check: check.id, level: check.level, message, legal: [...check.legal], suggestion}
  if (place) {
    d.path = place.path
    if (place.page !== undefined) d.page = place.page
    if (place.article) d.article = place.article
  }
  if (quote) d.quote = quoteOf(quote)
  return d
}
