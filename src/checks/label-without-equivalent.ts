// label-without-equivalent (warning): a required label is not followed by "ou équivalent".
// R2111-13 allows requiring a specific label; R2111-15 and R2111-16 oblige the buyer to accept
// equivalent labels, and R2111-17 other appropriate means of proof (DOMAIN.md §1.6).

import {fold} from '../text/normalize.js'
import {diagnostic} from './diagnostic.js'
import {LABELS} from './labels.js'
import {describePlace, foldedText, placeOf} from './locate.js'
import type {Check, Diagnostic, DraftDossier} from './types.js'

const EQUIVALENT = /equivalen|moyens? de preuve|tout autre (?:label|moyen|certificat)|toute autre (?:preuve|certification)/
const NOT_REQUIRED = /aucun label|n'est pas (?:exige|requis|demande)|ne sont pas (?:exiges|requis)|sans exigence de label/

export const labelWithoutEquivalent: Check = {
  id: 'label-without-equivalent',
  level: 'warning',
  legal: ['R2111-15', 'R2111-16', 'R2111-17'],
  title: 'Tout label exigé est suivi de « ou équivalent »',
  applies: () => ({applies: true}),
  run(dossier: DraftDossier): Diagnostic[] {
    const out: Diagnostic[] = []
    const seen = new Set<string>()
    for (const doc of dossier.documents) {
      doc.segments.forEach((seg, i) => {
        const folded = foldedText(seg)
        const labels = LABELS.filter((l) => l.pattern.test(folded))
        if (labels.length === 0 || NOT_REQUIRED.test(folded)) return
        // "ou équivalent" may open the next line or sentence: "(ou équivalent)".
        const following = doc.segments[i + 1]
        const next = following ? foldedText(following).slice(0, 60) : ''
        if (EQUIVALENT.test(folded) || /^\(?\s*(?:ou |tout |toute )?equivalen/.test(next)) return
        const names = labels.map((l) => l.name).join(', ')
        const key = `${doc.path}|${seg.page ?? ''}|${names}`
        if (seen.has(key)) return
        seen.add(key)
        const place = placeOf(doc, seg)
        out.push(diagnostic(this, place,
          `${describePlace(place)} : le label ${names} est cité sans la mention « ou équivalent ».`,
          `Ajouter « ou équivalent » après le label ${names} et préciser que tout label équivalent, ou à défaut tout ` +
          "moyen de preuve approprié (dossier technique du fabricant, rapport d'essai), est accepté (art. R2111-15 à R2111-17 du CCP).",
          seg.text))
      })
    }
    return out
  },
}
