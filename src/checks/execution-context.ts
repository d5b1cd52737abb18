// Shared by the execution-condition checks: where in the draft a missing condition belongs
// (the CCAP's article on execution conditions when there is one), and what was read.

import {fold} from '../text/normalize.js'
import {articleOf, fileName, type Place} from './locate.js'
import type {DraftDossier} from './types.js'

const EXECUTION_HEADING = /conditions? (?:particulieres? )?d'execution|clauses? (?:sociales?|environnementales?|d'insertion)|execution des prestations|developpement durable|insertion|dechets|environnement/

/** The CCAP (else the first document), at its execution-conditions article if it has one. */
export function executionPlace(dossier: DraftDossier): Place | undefined {
  const doc = dossier.documents.find((d) => d.kind === 'CCAP')
    ?? dossier.documents.find((d) => d.kind === 'CCTP')
    ?? dossier.documents[0]
  if (!doc) return undefined
  const seg = doc.segments.find((s) => (s.section ?? []).some((h) => EXECUTION_HEADING.test(fold(h))))
  const place: Place = {path: doc.path}
  if (seg) {
    if (seg.page !== undefined) place.page = seg.page
    const article = articleOf(seg)
    if (article) place.article = article
  }
  return place
}

/** "dans RC.txt, CCAP.txt" and the unread documents, for the message. */
export function readScope(dossier: DraftDossier): string {
  const read = dossier.documents.map((d) => fileName(d.path)).join(', ')
  const unread = dossier.unread.length > 0
    ? ` ; non lus : ${dossier.unread.map((u) => fileName(u.path)).join(', ')}`
    : ''
  return `documents lus : ${read || 'aucun'}${unread}`
}
