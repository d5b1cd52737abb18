// Quantities stated next to a clause, read from folded text (lower case, no accents):
// insertion hours ("1 250 heures", "350 h", "1.800 heures") and share of hours ("5 %", "cinq pour
// cent des heures"). The value nearest to the matched words wins. Criterion weights: weight.ts.

import {NUM, NUMBER_WORD, frenchNumberWords, nearest, parseFrenchNumber, percents, type Candidate} from './numbers.js'

// "9 h 30" is a time of day; "350 h 2 | Taille des haies" is a table row followed by the next lot's number.
const HOURS = new RegExp(`${NUM}\\s*(heures?|h)\\b(?!\\s*[0-5]\\d\\b)`, 'g')
// A labelled figure: "Nombre minimum d'heures estimé : 900", "Volume horaire d'insertion : 1 200".
const LABELLED_HOURS = new RegExp(`\\b(?:(?:nombre|volume|total)\\b[^.;:\\d]{0,30}\\bd'heures|volume horaire)\\b[^.;:\\d]{0,90}(?:[:=]|\\b(?:est|sont) (?:fixee?s?|estimee?s?|evaluee?s?|portee?s?|arretee?s?) a|\\bs'eleve(?:nt|ra)? a|\\b(?:est|sera) de)\\s*${NUM}(?!\\s*(?:%|€|eur|[,.]?\\d|heures?\\b|h\\b))`, 'g')
// Hours written in words, the figure sometimes repeated in brackets: "deux cent quarante (240)
// heures", "mille deux cents heures", "trois cent cinquante heures d'insertion", and the words in
// brackets after the figure: "1 500 (mille cinq cents) heures".
const HOURS_IN_WORDS = new RegExp(`\\b(${NUMBER_WORD})\\s*\\)?\\s*(?:\\(\\s*${NUM}\\s*(?:heures?|h)?\\s*\\)\\s*)?heures?\\b`, 'g')
const HOUR_RANGE = /(?:\bde|\ba|\bentre|-)\s*$/
const INSERTION_NEAR = /^[^.;\d]{0,40}(insertion|reservee|dediee|au benefice|en faveur)/
// A rate is not a volume (gold README): "35 heures par tranche de 100 000 €", "35 heures
// minimum par immersion", "26 heures hebdomadaires". A figure "par an" is kept as stated.
const RATE_AFTER = /^\s*(?:minimum\s+|au minimum\s+|de travail\s+|d'insertion\s+)?(?:(?:par|pour (?:chaque|toute(?! la (?:duree|periode))|une))\s+(?!an\b|annee\b)|hebdo|ouvre|ouvrable|supplementaire|de formation|de (?:cours|stage|trajet|transport))/
// Deadlines and thresholds: "sous 48 heures", "dans un délai de 24 heures", "au-delà de 35 heures".
const DURATION_BEFORE = /(?:\bdelai (?:\S+ ){0,2}?(?:de |d')?|\bsous |\bdans les |\bau-dela de |\bpendant |\bduree (?:[^\s,;:]+ ){0,2}?(?:de |d')?)$/
// The total of a per-lot table wins over the lot figures: "TOTAL OPERATION 1 260 h".
const TOTAL_BEFORE = /\btotal(?:[^.;\d]|\.{2,}){0,30}$/
// A table's total row whose unit is in the column header ("Lot Désignation Heures" ... "Total opération 450").
// A Markdown row keeps its cell marks around the figure: "| | **Total opération** | **985** |".
const BARE_TOTAL_ROW = new RegExp(`^\\W*total\\b(?:[^\\d%€.;:]|\\.{2,}){0,40}?${NUM}[\\s*|]*$`)

/** A figure of hours as a candidate, unless it is a rate, a deadline or less than a working day. */
function hoursCandidate(text: string, value: number | undefined, start: number, end: number): Candidate | undefined {
  if (value === undefined) return undefined
  if (RATE_AFTER.test(text.slice(end, end + 40)) || DURATION_BEFORE.test(text.slice(Math.max(0, start - 30), start))) return undefined
  const preferred = INSERTION_NEAR.test(text.slice(end, end + 60)) || TOTAL_BEFORE.test(text.slice(Math.max(0, start - 40), start))
  // Less than a working day is the length of an action ("une demi-journée (3h)"), not a volume.
  if (value <= 0 || (value < 7 && !preferred)) return undefined
  return {value, start, end, preferred}
}

/** Insertion hours stated in a sentence. Times of day ("9 h 30", "de 9 h à 17 h") are skipped. */
export function insertionHours(text: string, anchor?: [number, number]): number | undefined {
  const cands: Candidate[] = []
  HOURS.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = HOURS.exec(text))) {
    const start = m.index
    const end = start + m[0].length
    if (m[3] === 'h' && (HOUR_RANGE.test(text.slice(Math.max(0, start - 8), start)) || /^\s*(a|-)\s*\d/.test(text.slice(end, end + 6)))) continue
    const c = hoursCandidate(text, parseFrenchNumber(m[1]!, m[2]), start, end)
    if (c) cands.push(c)
  }
  HOURS_IN_WORDS.lastIndex = 0
  while ((m = HOURS_IN_WORDS.exec(text))) {
    // The figure in brackets, when there is one, is the buyer's own reading of the words.
    const value = m[2] ? parseFrenchNumber(m[2], m[3]) : frenchNumberWords(m[1]!.trim())
    const c = hoursCandidate(text, value, m.index, m.index + m[0].length)
    if (c) cands.push(c)
  }
  LABELLED_HOURS.lastIndex = 0
  while ((m = LABELLED_HOURS.exec(text))) {
    const end = m.index + m[0].length
    if (RATE_AFTER.test(text.slice(end, end + 40))) continue
    const value = parseFrenchNumber(m[1]!, m[2])
    if (value >= 7) cands.push({value, start: m.index, end, preferred: true})
  }
  const row = cands.length === 0 ? BARE_TOTAL_ROW.exec(text) : null
  if (row && parseFrenchNumber(row[1]!, row[2]) >= 7) cands.push({value: parseFrenchNumber(row[1]!, row[2]), start: row.index, end: row.index + row[0].length, preferred: true})
  // Per-lot figures with no total (gold README: omitted): a list, not one volume.
  if (!cands.some((c) => c.preferred) && new Set(cands.map((c) => c.value)).size >= 3) return undefined
  return nearest(cands, anchor)
}

// One lot's line of a per-lot breakdown announced by the sentence before ("réparti comme suit :").
const LOT_LINE = /^\W*lots?\s*(?:n\W{0,2})?\d/

/**
 * The hours of a breakdown by lot that follows a sentence: the total it states ("soit un total de
 * 1 540 heures"), else nothing (per-lot figures without a total are not one volume, gold README).
 */
export function lotListHours(lines: string[]): {isLotList: boolean; hours?: number | undefined} {
  if (lines.length === 0 || !LOT_LINE.test(lines[0]!)) return {isLotList: false}
  let lots = 0
  for (const line of lines) {
    if (!LOT_LINE.test(line) && !/^\W*(?:soit|total)\b/.test(line)) break
    if (LOT_LINE.test(line)) lots++
    const total = /\btotal\b/.test(line) ? insertionHours(line.slice(line.search(/\btotal\b/))) : undefined
    if (total !== undefined) return {isLotList: true, hours: total}
  }
  // A single lot line is the volume itself ("Lot 1 : 350 heures").
  return lots === 1 ? {isLotList: true, hours: insertionHours(lines[0]!)} : {isLotList: true}
}

// A figure may be repeated in brackets, before or after: "Douze pour cent (12 %) au moins du temps de travail".
const SHARE_OF = /^\s*(?:\)\s*|\([^.;()]{0,24}\)\s*)?(?:\(?[^.;()]{0,12}\)?\s*)?(?:du|des|de la|de l')\s*(?:(?:nombre|volume|total|global|globale|effectif)\s+){0,2}(?:(?:des|d')\s*)?(heures?|main[ -]d'?oeuvre|temps de travail|masse salariale|effectifs?|volume horaire)/

// The share named first, its figure after: "la part des heures de travail réservée aux publics éligibles est de 6 %".
const SHARE_NAMED_BEFORE = /\b(?:part|proportion|pourcentage|quote-part)\s+(?:des|d')\s*(?:\S+\s+){0,1}(?:heures|main[ -]d'?oeuvre)\b[^.;%\d]*$/

/** "un cinquième des heures" -> 20: fractions that buyers write instead of a percentage. */
const FRACTIONS: Record<string, number> = {
  demi: 50, moitie: 50, tiers: 33.33, quart: 25, cinquieme: 20, sixieme: 16.67, huitieme: 12.5, dixieme: 10, vingtieme: 5,
}
const FRACTION_WORD = new RegExp(`\\b(?:un|une|la)\\s+(${Object.keys(FRACTIONS).join('|')})\\b`, 'g')

function fractions(text: string): Candidate[] {
  const out: Candidate[] = []
  FRACTION_WORD.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = FRACTION_WORD.exec(text))) out.push({value: FRACTIONS[m[1]!]!, start: m.index, end: m.index + m[0].length})
  return out
}

/** Share of the hours (or labour) reserved for insertion, in %; only a percentage of hours or labour counts. */
export function insertionShare(text: string, anchor?: [number, number]): number | undefined {
  const cands = [...percents(text), ...fractions(text)]
    .filter((c) => SHARE_OF.test(text.slice(c.end, c.end + 60)) || SHARE_NAMED_BEFORE.test(text.slice(Math.max(0, c.start - 140), c.start)))
    .sort((a, b) => a.start - b.start)
  return nearest(cands, anchor)
}
