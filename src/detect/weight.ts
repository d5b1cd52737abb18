// Award-criterion weight in % of the total, read from folded text: "20 points sur 100",
// "pondération : 15 %", coefficients (a share of the coefficients listed or of a stated total),
// scoring formulas ("0,15 × note"), points out of a total stated elsewhere in the document.

import {NUM, nearest, parseFrenchNumber, percents, round, type Candidate} from './numbers.js'

const POINTS = new RegExp(`${NUM}\\s*(?:points?|pts?)\\b(?:\\s*(?:sur|/)\\s*${NUM})?`, 'g')
const FRACTION = new RegExp(`${NUM}\\s*/\\s*(10|20|100|1000)\\b`, 'g')
// "Pondération : 10", "pondération (pourcentage, valeur exacte) : 40" (eForms rendered as text).
const WEIGHTING = new RegExp(`ponder\\w*(?:\\s*\\([^)]{0,40}\\))?\\s*(?:de|:|=|a)?\\s*${NUM}(?!\\s*(?:%|points?|pts?\\b|/))`, 'g')
// "coeff 2", "coefficient : 3": a share of the sum of the coefficients listed with it.
// "coefficient 1 sur 5", "coef. 2/10": the coefficient carries its own total.
// "coefficient 1 sur un total de 10" too.
const COEFFICIENT = new RegExp(`\\bcoef(?:f|ficient)?s?\\.?\\s*(?:de\\s*|:\\s*|=\\s*)?${NUM}(?:\\s*(?:sur|/)\\s*(?:un total de\\s*)?${NUM})?`, 'g')
// A fraction of the mark: "compte pour un cinquième de la note finale", "le quart des points".
const NOTE_FRACTIONS: Record<string, number> = {moitie: 50, tiers: 33.33, quart: 25, cinquieme: 20, dixieme: 10, vingtieme: 5}
const NOTE_FRACTION = new RegExp(`\\b(?:un|une|la|le)\\s+(${Object.keys(NOTE_FRACTIONS).join('|')})\\s+(?:de la (?:note|notation)|du total|des points|de l'evaluation)\\b`, 'g')
// eForms fields run together: "Pondération (pourcentage, exact) Critère d'attribution — Nombre : 15".
const EFORMS_INLINE = new RegExp(`ponderation\\s*\\(\\s*pourcentage[^)]{0,30}\\)[^\\d.;]{0,40}?\\bnombre\\s*:\\s*${NUM}`, 'g')
// A scoring formula: "0,15 × note environnementale" is 15 %.
const FORMULA = /(?<![\d.,])0[.,](\d{1,3})\s*[x×*]\s*(?:la\s*)?note\b/g
// A formula written with variables: "N = 0,6 Np + 0,3 Nt + 0,1 Ne, où Ne est la note environnementale".
const FORMULA_SHAPE = /=\s*0[.,]\d{1,3}\s*[x×*]?\s*[a-z]/
const FORMULA_TERM = /(?<![\d.,])0[.,](\d{1,3})\s*[x×*]?\s*([a-z][a-z0-9_]*)/g
// "coefficient 1 (total des coefficients : 10)", "la somme des coefficients des trois critères est égale à 10":
// a stated total wins over the sum of those listed.
const COEFFICIENT_TOTAL = new RegExp(`\\b(?:total|somme)\\s*(?:des\\s*)?coef(?:f|ficient)?s?\\.?(?:\\s+(?:des|de ces|de l'ensemble des)\\s+[^.;:\\d]{0,30}?)?\\s*(?::|=|de|(?:est|sont|vaut) (?:de|egale? a)|egale? a|vaut)?\\s*${NUM}`, 'g')

/** Candidates of every form that states a share of the total directly: %, points, /20, pondération, formula. */
function weightCandidates(text: string, statedTotal?: number): Candidate[] {
  const cands = percents(text)
  let m: RegExpExecArray | null
  POINTS.lastIndex = 0
  while ((m = POINTS.exec(text))) {
    const points = parseFrenchNumber(m[1]!, m[2])
    const total = m[3] ? parseFrenchNumber(m[3], m[4]) : statedTotal ?? 100
    if (total > 0 && points <= total) cands.push({value: round((points / total) * 100), start: m.index, end: m.index + m[0].length})
  }
  for (const re of [FRACTION, WEIGHTING]) {
    re.lastIndex = 0
    while ((m = re.exec(text))) {
      const value = parseFrenchNumber(m[1]!, m[2])
      const total = re === FRACTION ? Number(m[3]) : 100
      // "pondération 0,15" is a share of the whole (0,85 + 0,15), not 0.15 %
      const share = re === WEIGHTING && value > 0 && value < 1 ? value * 100 : value
      if (share <= total) cands.push({value: round((share / total) * 100), start: m.index, end: m.index + m[0].length})
    }
  }
  EFORMS_INLINE.lastIndex = 0
  while ((m = EFORMS_INLINE.exec(text))) {
    const value = parseFrenchNumber(m[1]!, m[2])
    if (value > 0 && value <= 100) cands.push({value: round(value), start: m.index, end: m.index + m[0].length})
  }
  NOTE_FRACTION.lastIndex = 0
  while ((m = NOTE_FRACTION.exec(text))) cands.push({value: NOTE_FRACTIONS[m[1]!]!, start: m.index, end: m.index + m[0].length})
  FORMULA.lastIndex = 0
  while ((m = FORMULA.exec(text))) cands.push({value: round(Number(`0.${m[1]}`) * 100), start: m.index, end: m.index + m[0].length})
  return cands
}

/**
 * Terms of a formula written with variables ("0,1 Ne"). When the sentence says what a variable
 * is ("où Ne est la note environnementale"), the term whose variable is named right before the
 * criterion's words is preferred: the order of the terms says nothing of which one it is.
 */
function formulaTermCandidates(text: string, anchor?: [number, number]): Candidate[] {
  if (!FORMULA_SHAPE.test(text)) return []
  const terms: Array<Candidate & {name: string}> = []
  let m: RegExpExecArray | null
  FORMULA_TERM.lastIndex = 0
  while ((m = FORMULA_TERM.exec(text))) {
    const name = m[2]!
    if (name === 'note' || name === 'la' || name === 'x') continue
    terms.push({value: round(Number(`0.${m[1]}`) * 100), start: m.index, end: m.index + m[0].length, name})
  }
  // One term alone is not a formula ("0,5 ha").
  if (terms.length < 2) return []
  if (!anchor) return terms
  let named: (typeof terms)[number] | undefined
  let nearest = Infinity
  for (const t of terms) {
    const re = new RegExp(`\\b${t.name}\\b`, 'g')
    let d: RegExpExecArray | null
    while ((d = re.exec(text))) {
      const gap = anchor[0] - (d.index + d[0].length)
      const inTerm = terms.some((u) => d!.index >= u.start && d!.index < u.end)
      if (!inTerm && gap >= 0 && gap <= 40 && gap < nearest) [named, nearest] = [t, gap]
    }
  }
  return named ? terms.map((t) => (t === named ? {...t, preferred: true} : t)) : terms
}

/**
 * The coefficients written in a text ("coeff 2", "coefficient : 3"), without a stated total's figure.
 * A coefficient written with its own total ("coefficient 1 sur 5") is a share already: `shares`.
 */
function coefficients(text: string): {found: Candidate[]; total?: number; shares: Candidate[]} {
  const totals: Candidate[] = []
  let m: RegExpExecArray | null
  COEFFICIENT_TOTAL.lastIndex = 0
  while ((m = COEFFICIENT_TOTAL.exec(text))) totals.push({value: parseFrenchNumber(m[1]!, m[2]), start: m.index, end: m.index + m[0].length})
  const found: Candidate[] = []
  const shares: Candidate[] = []
  COEFFICIENT.lastIndex = 0
  while ((m = COEFFICIENT.exec(text))) {
    const at = m.index
    if (totals.some((t) => at >= t.start && at < t.end)) continue
    const value = parseFrenchNumber(m[1]!, m[2])
    const of = m[3] ? parseFrenchNumber(m[3], m[4]) : undefined
    if (of === undefined) found.push({value, start: at, end: at + m[0].length})
    else if (of > 0 && value <= of) shares.push({value: round((value / of) * 100), start: at, end: at + m[0].length})
  }
  const total = totals.find((t) => t.value > 0)?.value
  return total === undefined ? {found, shares} : {found, total, shares}
}

/**
 * Coefficients as shares of their total: the total the text states ("total des coefficients :
 * 10"), else the sum of those the sentence lists ("Prix : coeff 5 - Délais : coeff 5 - ..."),
 * else the sum of the list the document gives (`listTotal`, one criterion per line).
 */
function coefficientCandidates(text: string, listTotal?: number): Candidate[] {
  const {found, total: stated, shares} = coefficients(text)
  const sum = found.reduce((a, c) => a + c.value, 0)
  const total = stated ?? (found.length >= 2 ? sum : listTotal)
  if (found.length === 0 || !total || total <= 0 || found.some((c) => c.value > total)) return shares
  return [...shares, ...found.map((c) => ({...c, value: round((c.value / total) * 100)}))]
}

/**
 * The total of the coefficients a document lists one per line ("Critère n° 1 – Prix –
 * coefficient 5" ...), or its stated total. Lists are runs of coefficients close to one another;
 * when runs (one per lot) disagree on their sum, there is no single total. Without
 * coefficients, the total row of a criteria table ("TOTAL 100").
 */
export function coefficientTotal(text: string): number | undefined {
  const {found, total} = coefficients(text)
  if (total !== undefined) return total
  const sums: number[] = []
  let run: Candidate[] = []
  const close = () => {
    if (run.length >= 2) sums.push(run.reduce((a, c) => a + c.value, 0))
    run = []
  }
  for (const c of found) {
    const prev = run[run.length - 1]
    if (prev && (c.start - prev.end > LIST_GAP || NEW_LIST.test(text.slice(prev.end, c.start)))) close()
    run.push(c)
  }
  close()
  if (sums.length > 0) return sums.every((v) => v === sums[0]) ? sums[0] : undefined
  // A criteria table that ends with its total row ("TOTAL 100" under a "POIDS" column).
  const row = TOTAL_ROW.exec(text)
  const value = row ? Number(row[1]) : 0
  if (value >= 10 && value <= 1000) return value
  // A list that writes its weights bare ("Prix 50 ; Valeur technique 40 ; ... 10."): read on 100.
  return found.length === 0 && BARE_PRICE.test(text) ? 100 : undefined
}

// The price criterion with a bare figure and no unit, closing its item: "Prix 50 ;", "Prix : 60" at a line's end.
const BARE_PRICE = /\bprix\s*:?\s*\d{1,2}\s*(?:;|$)/m

// "TOTAL 100", "Total | 100", or the figure on the line under "Total" (a PDF table read cell by cell).
const TOTAL_ROW = /^\|?\s*total(?: general)?\s*[:|]?\s*(\d{2,4})\s*(?:points|pts|%)?\s*\|?\s*$/m

// "il compte pour 60 % de la note finale": the sentence after a criterion (the segmenter cuts at
// ";") that states its weight, referring back to it.
const WEIGHT_CONTINUATION = /^\W{0,3}(?:il|elle|ce (?:critere|sous-critere)|celui-ci|celle-ci|cette (?:note|composante))\s+(?:compte|represente|est (?:pondere|affecte|note|evalue)e?|vaut|pese|intervient|entre)\b[^.;]{0,40}?\d/
// The line under a criterion that is only its weight: "Pondération : 8.", "Poids : 6 points",
// or the bare figure of a table's weight column that the PDF converter put on its own line ("15").
const WEIGHT_LINE = /^\W{0,3}(?:(?:ponderation|poids|coef(?:f|ficient)?|bareme|note maximale)\b[^.;:\d]{0,20}[:=]?\s*)?\d{1,3}(?:[.,]\d{1,2})?\s*(?:%|points?|pts)?\W{0,3}$/

/** Whether a sentence only states the weight of the criterion before it. */
export function continuesWithWeight(next: string): boolean {
  return WEIGHT_CONTINUATION.test(next) || WEIGHT_LINE.test(next)
}

// Coefficients further apart than this (in characters), or with a lot named between them, are not one list.
const LIST_GAP = 400
const NEW_LIST = /\blots?\b/

// A short criterion line that ends with a bare figure ("Qualité environnementale de l'offre : 15"),
// as notices print a weighting without its unit: read on the stated scale, else on a base of 100.
const BARE_TRAILING = /[:=]\s*(\d{1,3})\s*\.?\s*$/
const BARE_LINE_MAX = 150
const TABLE_ROW = /[a-z')](?:\s+|\s*\|\s*)(\d{1,3})\s*\|?\s*\.?\s*$/
// A bare figure alone: a table's weight cell read on its own line.
const BARE_FIGURE = /^\W{0,3}(\d{1,3}(?:[.,]\d{1,2})?)\W{0,3}$/
// A table flattened into one line ("Critère | Poids Prix | 60 ... Emploi des publics | 15 Total | 100"):
// the figure that opens the cell after the criterion's words, and the table's total row.
const NEXT_CELL = /^[^|\d]{0,120}\|\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*(%|points?\b|pts\b)?(?![\d%])/
const TOTAL_CELL = /\btotal\s*\|\s*(\d{2,4})\b/

/** The weight cell right after the criterion's words in a table written with "|", as a preferred candidate. */
function tableCellCandidate(text: string, anchor: [number, number] | undefined, statedTotal?: number, listTotal?: number): Candidate[] {
  if (!anchor || !text.includes('|')) return []
  const cell = NEXT_CELL.exec(text.slice(anchor[1]))
  if (!cell) return []
  const value = parseFrenchNumber(cell[1]!.replace(/[,.]\d+$/, ''), /[,.](\d+)$/.exec(cell[1]!)?.[1])
  const totalCell = TOTAL_CELL.exec(text)
  const total = cell[2] === '%' ? 100 : totalCell ? Number(totalCell[1]) : statedTotal ?? listTotal ?? 100
  if (value <= 0 || value > total) return []
  const at = anchor[1] + cell.index
  return [{value: round((value / total) * 100), start: at, end: at + cell[0].length, preferred: true}]
}

// A sub-criterion named after its parent's weight, its own figure closing the line: "Valeur
// technique : pondération 60 dont écolabel des produits utilisés : 15" (the 15 is the anchor's).
const SUB_CRITERION = /\bdont\b/
const SUB_WEIGHT = /^[^\d;]{0,120}?[:=]\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*(%|points?|pts)?\W{0,3}$/

/** The figure that closes a sub-criterion introduced by "dont" before the anchor, as a preferred candidate. */
function subCriterionCandidate(text: string, anchor: [number, number] | undefined, statedTotal?: number): Candidate[] {
  if (!anchor || !SUB_CRITERION.test(text.slice(Math.max(0, anchor[0] - 80), anchor[0]))) return []
  const m = SUB_WEIGHT.exec(text.slice(anchor[1]))
  if (!m) return []
  const value = parseFrenchNumber(m[1]!.replace(/[,.]\d+$/, ''), /[,.](\d+)$/.exec(m[1]!)?.[1])
  const total = m[2] === '%' ? 100 : statedTotal ?? 100
  if (value <= 0 || value > total) return []
  const at = anchor[1] + m.index
  return [{value: round((value / total) * 100), start: at, end: at + m[0].length, preferred: true}]
}

/** Weight of an award criterion in % of the total: 20 points out of 100 is 20. */
export function criterionWeight(text: string, anchor?: [number, number], statedTotal?: number, listTotal?: number): number | undefined {
  const cands = [...weightCandidates(text, statedTotal), ...coefficientCandidates(text, listTotal), ...formulaTermCandidates(text, anchor), ...tableCellCandidate(text, anchor, statedTotal, listTotal), ...subCriterionCandidate(text, anchor, statedTotal)]
  if (cands.length === 0 && text.length <= BARE_LINE_MAX) {
    // A table row ("Action en faveur de l'apprentissage 10") only when the table states its total.
    const figure = BARE_FIGURE.exec(text)
    if (figure) {
      const value = parseFrenchNumber(figure[1]!.replace(/[,.]\d+$/, ''), /[,.](\d+)$/.exec(figure[1]!)?.[1])
      const total = statedTotal ?? listTotal ?? 100
      return value > 0 && value <= total ? round((value / total) * 100) : undefined
    }
    const bare = BARE_TRAILING.exec(text)
    const row = !bare && listTotal ? TABLE_ROW.exec(text) : null
    const value = Number((bare ?? row)?.[1] ?? 0)
    const total = row ? listTotal! : statedTotal ?? 100
    if (value > 0 && value <= total) return round((value / total) * 100)
  }
  cands.sort((a, b) => a.start - b.start)
  return nearest(cands, anchor)
}

const TOTAL = new RegExp(`(?:\\b(?:notee?s?|notation|bareme|note (?:globale|finale|totale))\\s*(?:sur|de|:)\\s*${NUM}|\\btotal\\s*:?\\s*${NUM}\\s*(?:points|pts))`)

// The scale of the whole mark, which wins over a criterion's own "noté sur 20 points" written before
// it: "la note globale étant sur 100", "les offres sont notées sur 60", "sur un total de 100 points".
const GLOBAL_TOTAL = new RegExp(`(?:\\bnote (?:globale|finale|totale)|\\boffres? (?:sont |est |seront )?notees?|\\bnotation globale)(?:\\s+(?:etant|est|sera|de l'offre|des offres))?\\s*(?:sur|de|:|=)\\s*${NUM}|\\bsur un total de\\s*${NUM}\\s*(?:points|pts)`)

/** A marking scale stated in a document ("noté sur 60", "Total : 200 points"), if any. */
export function statedTotal(text: string): number | undefined {
  const g = GLOBAL_TOTAL.exec(text)
  if (g) {
    const v = g[1] ? parseFrenchNumber(g[1], g[2]) : parseFrenchNumber(g[3]!, g[4])
    if (v > 0) return v
  }
  const m = TOTAL.exec(text)
  if (!m) return scaleRow(text)
  const v = m[1] ? parseFrenchNumber(m[1], m[2]) : parseFrenchNumber(m[3]!, m[4])
  return v > 0 ? v : undefined
}

/**
 * The total row of a criteria table without a unit ("Total | 40", or "Total" with "40" on the line
 * under it), when it is a marking scale: at most 100, as a table of hours or amounts is rarely so low.
 */
function scaleRow(text: string): number | undefined {
  const row = TOTAL_ROW.exec(text)
  const value = row ? Number(row[1]) : 0
  return value >= 10 && value <= 100 ? value : undefined
}

// An eForms award criterion rendered as text puts each field on its own line: "Nom : …",
// "Description : …", then "Pondération (pourcentage, exact) : 20", or the weight type on one line
// ("… : Pondération (pourcentage, exact)") and the figure on another ("Critère d'attribution — Nombre : 15").
const EFORMS_PERCENT_WEIGHT = new RegExp(`^\\W*ponderation\\s*\\(\\s*pourcentage[^)]{0,30}\\)\\s*[:=]\\s*${NUM}\\s*%?\\W{0,3}$`)
const EFORMS_PERCENT_TYPE = /\bponderation\s*\(\s*pourcentage[^)]{0,30}\)\W{0,3}$/
const EFORMS_NUMBER = new RegExp(`^\\W*(?:critere d'attribution\\W{1,5})?nombre\\s*:\\s*${NUM}\\W{0,3}$`)
// A field that starts the next criterion: its weight is not this one's.
const EFORMS_NEXT_CRITERION = /^\W*(?:type|nom)\s*:|^\W*critere(?: d'attribution)?\s*:?\s*$/
const EFORMS_BLOCK_LINES = 4

/** The percentage weight stated in the eForms fields that follow a criterion's name or description. */
export function eformsBlockWeight(following: string[]): number | undefined {
  let percentType = false
  for (const line of following.slice(0, EFORMS_BLOCK_LINES)) {
    if (EFORMS_NEXT_CRITERION.test(line)) return undefined
    const direct = EFORMS_PERCENT_WEIGHT.exec(line)
    if (direct) return weightIfShare(parseFrenchNumber(direct[1]!, direct[2]))
    if (EFORMS_PERCENT_TYPE.test(line)) percentType = true
    const figure = percentType ? EFORMS_NUMBER.exec(line) : null
    if (figure) return weightIfShare(parseFrenchNumber(figure[1]!, figure[2]))
  }
  return undefined
}

function weightIfShare(value: number): number | undefined {
  return value > 0 && value <= 100 ? round(value) : undefined
}
