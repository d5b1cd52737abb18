// Check-box forms as sentences. Extracted forms put several questions on one line ("clause
// environnementale ? ☐ Oui ☒ Non clause sociale ? ☐ Oui ☒ Non"): each answered question is its own
// statement, so the segmenter cuts the line after each answer group. Options of one list ("☒ ESS
// ☐ EA/ESAT ☐ SIAE") stay in one sentence, under their label; the detector reads their boxes
// (src/detect/forms.ts, glyphs in rules/negation.yml). Here only the layout matters.

/** Box glyphs, ticked or not: ☐ ☒ ☑ □ ■ ▢ ❏ ⊠ ▣ ✓ ✔ ○, "[ ]", "[X]", "( )", "(x)". */
const BOX = /[☐☒☑□■▢❏⊠▣✓✔○]|\[ ?[xX✓]? ?\]|\( ?[xX]? ?\)/gu
const ANSWER = /(?<![\p{L}\p{N}])(?:oui|non)(?![\p{L}\p{N}])/giu
// Between the boxes and words of one answer group ("☐ Oui / ☒ Non", "Oui [X] Non [ ]").
const GROUP_GAP = /^[\s/,:|–—-]*$/
// Words that continue an answer rather than ask the next question.
const FOLLOW_UP = /^\s*(?:si (?:oui|non)|dans l['’]affirmative|dans la n[ée]gative|le cas [ée]ch[ée]ant|lequel|laquelle|lesquel|pr[ée]cis|indiquez|lesquelles)/iu

interface Mark {
  start: number
  end: number
  box: boolean
}

/** Boxes and answer words of text[from, to), in order. */
function marks(text: string, from: number, to: number): Mark[] {
  const span = text.slice(from, to)
  const out: Mark[] = []
  for (const m of span.matchAll(BOX)) out.push({start: from + m.index, end: from + m.index + m[0].length, box: true})
  if (out.length < 2) return []
  for (const m of span.matchAll(ANSWER)) out.push({start: from + m.index, end: from + m.index + m[0].length, box: false})
  return out.sort((a, b) => a.start - b.start)
}

/**
 * Cut text[from, to) into the questions of a check-box form: after each "Oui / Non" answer group
 * that answers a question ("... ? ☐ Oui ☒ Non", "... : Oui [X] Non [ ]") and that more text
 * follows. Text without at least two boxes is returned whole.
 */
export function formPieces(text: string, from: number, to: number): Array<[number, number]> {
  BOX.lastIndex = 0
  const first = text.slice(from, to).search(BOX)
  if (first < 0) return [[from, to]]
  const all = marks(text, from, to)
  if (all.length === 0) return [[from, to]]
  const joined = (a: Mark, b: Mark) => GROUP_GAP.test(text.slice(a.end, b.start))
  const inGroup = all.map((m, i) => (i > 0 && !all[i - 1]!.box !== !m.box && joined(all[i - 1]!, m)) || (i + 1 < all.length && !all[i + 1]!.box !== !m.box && joined(m, all[i + 1]!)))
  const cuts = new Set<number>()
  // After an answer group followed by the next question: "... ? ☐ Oui ☒ Non Le marché ...".
  for (let i = 0; i < all.length; i++) {
    if (!inGroup[i] || (i + 1 < all.length && inGroup[i + 1] && joined(all[i]!, all[i + 1]!))) continue
    let g = i
    while (g > 0 && inGroup[g - 1] && joined(all[g - 1]!, all[g]!)) g--
    const answers = /[?:]\s*$/.test(text.slice(from, all[g]!.start))
    // Only between questions: another answer group follows, and not a follow-up of this answer
    // ("☒ Oui ☐ Non Si oui, précisez : SIAE (L. 2113-13)").
    const rest = text.slice(all[i]!.end, to)
    const another = all.some((m, k) => k > i && inGroup[k])
    if (answers && another && /^\s+[\p{L}\p{N}]/u.test(rest) && !FOLLOW_UP.test(rest)) cuts.add(all[i]!.end)
  }
  const pieces: Array<[number, number]> = []
  let start = from
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= start || cut >= to || /^\s*$/.test(text.slice(start, cut))) continue
    pieces.push([start, cut])
    start = cut
  }
  pieces.push([start, to])
  return pieces
}

// A sentence that opens with an answer group: "☐ Oui ☒ Non ...", "Oui [X] Non [ ] ...".
const OPENS_WITH_ANSWER = new RegExp(`^\\s*(?:(?:${BOX.source})\\s*(?:oui|non)|(?:oui|non)\\s*(?:${BOX.source}))(?![\\p{L}\\p{N}])`, 'iu')

/**
 * Sentences with each question's answer kept with it: the sentence splitter cuts "Le marché est-il
 * réservé ? Oui ☒ Non ☐ Si oui, à quelles structures : SIAE" after the question mark.
 */
export function withAnswers(text: string, spans: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (const span of spans) {
    const prev = out[out.length - 1]
    if (prev && /\?\s*$/.test(text.slice(prev[0], prev[1])) && OPENS_WITH_ANSWER.test(text.slice(span[0], span[1]))) prev[1] = span[1]
    else out.push([span[0], span[1]])
  }
  return out
}

