// Quantities stated next to a clause, read from folded text (lower case, no accents):
// insertion hours ("1 250 heures", "350 h", "1.800 heures"), share of hours ("5 %", "cinq pour
// cent des heures") and award-criterion weight ("20 points sur 100", "pondération : 15 %",
// "40 pts" out of a total stated elsewhere). The value nearest to the matched words wins.

/** A number as French documents write it: "1 250", "1.800" (thousands), "12,5" or "12.5" (decimals). */
const NUM = String.raw`(?<![\d.,])(\d{1,3}(?:[ .]\d{3})+|\d+)(?:[,.](\d{1,2}))?(?!\d)`

export function parseFrenchNumber(intPart: string, decimals?: string): number {
  const n = Number(intPart.replace(/[ .]/g, ''))
  return decimals ? n + Number(`0.${decimals}`) : n
}

const UNITS: Record<string, number> = {
  zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30,
  quarante: 40, cinquante: 50, soixante: 60, cent: 100, cents: 100,
}

/** "cinq" -> 5, "vingt-cinq" -> 25, "soixante-quinze" -> 75, "quatre-vingt-dix" -> 90; undefined otherwise. */
export function frenchNumberWords(words: string): number | undefined {
  const parts = words.split(/[\s-]+/).filter((w) => w && w !== 'et')
  if (parts.length === 0 || parts.some((p) => UNITS[p] === undefined)) return undefined
  let total = 0
  let current = 0
  for (const p of parts) {
    const v = UNITS[p]!
    if (v === 100) current = (current || 1) * 100
    else if (v === 20 && current > 0 && current < 10) current *= 20 // quatre-vingt
    else current += v
  }
  total += current
  return total
}

interface Candidate {
  value: number
  start: number
  end: number
  preferred?: boolean
}

/** The candidate nearest to the matched words: after them first (within `after` chars), then before. */
function nearest(cands: Candidate[], anchor: [number, number] | undefined, after = 160, before = 80): number | undefined {
  if (cands.length === 0) return undefined
  if (!anchor) return (cands.find((c) => c.preferred) ?? cands[0])!.value
  const pool = cands.some((c) => c.preferred) ? cands.filter((c) => c.preferred) : cands
  let best: Candidate | undefined
  let bestDistance = Infinity
  for (const c of pool) {
    const d = c.start >= anchor[1] ? c.start - anchor[1] : c.end <= anchor[0] ? (anchor[0] - c.end) * (after / before) : 0
    if (d < bestDistance) [best, bestDistance] = [c, d]
  }
  // One figure written twice ("Douze pour cent (12 %)") is still one candidate value.
  return best && bestDistance <= after ? best.value : new Set(pool.map((c) => c.value)).size === 1 ? pool[0]!.value : undefined
}

// "9 h 30" is a time of day; "350 h 2 | Taille des haies" is a table row followed by the next lot's number.
const HOURS = new RegExp(`${NUM}\\s*(heures?|h)\\b(?!\\s*[0-5]\\d\\b)`, 'g')
// A labelled figure: "Nombre minimum d'heures estimé : 900", "Volume horaire d'insertion : 1 200".
const LABELLED_HOURS = new RegExp(`\\b(?:(?:nombre|volume|total)\\b[^.;:\\d]{0,30}\\bd'heures|volume horaire)\\b[^.;:\\d]{0,90}(?:[:=]|\\b(?:est|sont) (?:fixee?s?|estimee?s?|evaluee?s?|portee?s?|arretee?s?) a|\\bs'eleve(?:nt|ra)? a|\\b(?:est|sera) de)\\s*${NUM}(?!\\s*(?:%|€|eur|[,.]?\\d|heures?\\b|h\\b))`, 'g')
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
const BARE_TOTAL_ROW = new RegExp(`^\\W*total\\b(?:[^\\d%€.;:]|\\.{2,}){0,40}?${NUM}\\s*$`)

/** Insertion hours stated in a sentence. Times of day ("9 h 30", "de 9 h à 17 h") are skipped. */
export function insertionHours(text: string, anchor?: [number, number]): number | undefined {
  const cands: Candidate[] = []
  HOURS.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = HOURS.exec(text))) {
    const start = m.index
    const end = start + m[0].length
    if (m[3] === 'h' && (HOUR_RANGE.test(text.slice(Math.max(0, start - 8), start)) || /^\s*(a|-)\s*\d/.test(text.slice(end, end + 6)))) continue
    if (RATE_AFTER.test(text.slice(end, end + 40)) || DURATION_BEFORE.test(text.slice(Math.max(0, start - 30), start))) continue
    const value = parseFrenchNumber(m[1]!, m[2])
    const preferred = INSERTION_NEAR.test(text.slice(end, end + 60)) || TOTAL_BEFORE.test(text.slice(Math.max(0, start - 40), start))
    // Less than a working day is the length of an action ("une demi-journée (3h)"), not a volume.
    if (value <= 0 || (value < 7 && !preferred)) continue
    cands.push({value, start, end, preferred})
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

const NUMBER_WORD = String.raw`(?:(?:zero|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|et)[\s-]*)+`
const PERCENT = new RegExp(`(?:${NUM}|\\b(${NUMBER_WORD}))\\s*(?:%|pour ?cent\\b|p\\.? ?100\\b)`, 'g')

function percents(text: string): Candidate[] {
  const out: Candidate[] = []
  PERCENT.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = PERCENT.exec(text))) {
    const value = m[1] ? parseFrenchNumber(m[1], m[2]) : frenchNumberWords(m[3]!.trim())
    if (value !== undefined && value > 0 && value <= 100) out.push({value, start: m.index, end: m.index + m[0].length})
  }
  return out
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

const POINTS = new RegExp(`${NUM}\\s*(?:points?|pts?)\\b(?:\\s*(?:sur|/)\\s*${NUM})?`, 'g')
const FRACTION = new RegExp(`${NUM}\\s*/\\s*(10|20|100|1000)\\b`, 'g')
// "Pondération : 10", "pondération (pourcentage, valeur exacte) : 40" (eForms rendered as text).
const WEIGHTING = new RegExp(`ponder\\w*(?:\\s*\\([^)]{0,40}\\))?\\s*(?:de|:|=|a)?\\s*${NUM}(?!\\s*(?:%|points?|pts?\\b|/))`, 'g')
// "coeff 2", "coefficient : 3": a share of the sum of the coefficients listed with it.
// "coefficient 1 sur 5", "coef. 2/10": the coefficient carries its own total.
const COEFFICIENT = new RegExp(`\\bcoef(?:f|ficient)?s?\\.?\\s*(?:de\\s*|:\\s*|=\\s*)?${NUM}(?:\\s*(?:sur|/)\\s*${NUM})?`, 'g')
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
      if (value <= total) cands.push({value: round((value / total) * 100), start: m.index, end: m.index + m[0].length})
    }
  }
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
  return value >= 10 && value <= 1000 ? value : undefined
}

const TOTAL_ROW = /^total(?: general)?\s*:?\s*(\d{2,4})\s*(?:points|pts|%)?\s*$/m

// "il compte pour 60 % de la note finale": the sentence after a criterion (the segmenter cuts at
// ";") that states its weight, referring back to it.
const WEIGHT_CONTINUATION = /^\W{0,3}(?:il|elle|ce (?:critere|sous-critere)|celui-ci|celle-ci|cette (?:note|composante))\s+(?:compte|represente|est (?:pondere|affecte|note|evalue)e?|vaut|pese|intervient|entre)\b[^.;]{0,40}?\d/

/** Whether a sentence only states the weight of the criterion before it. */
export function continuesWithWeight(next: string): boolean {
  return WEIGHT_CONTINUATION.test(next)
}

// Coefficients further apart than this (in characters), or with a lot named between them, are not one list.
const LIST_GAP = 400
const NEW_LIST = /\blots?\b/

// A short criterion line that ends with a bare figure ("Qualité environnementale de l'offre : 15"),
// as notices print a weighting without its unit: read on the stated scale, else on a base of 100.
const BARE_TRAILING = /[:=]\s*(\d{1,3})\s*\.?\s*$/
const BARE_LINE_MAX = 150
const TABLE_ROW = /[a-z')]\s+(\d{1,3})\s*$/

/** Weight of an award criterion in % of the total: 20 points out of 100 is 20. */
export function criterionWeight(text: string, anchor?: [number, number], statedTotal?: number, listTotal?: number): number | undefined {
  const cands = [...weightCandidates(text, statedTotal), ...coefficientCandidates(text, listTotal), ...formulaTermCandidates(text, anchor)]
  if (cands.length === 0 && text.length <= BARE_LINE_MAX) {
    // A table row ("Action en faveur de l'apprentissage 10") only when the table states its total.
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
  if (!m) return undefined
  const v = m[1] ? parseFrenchNumber(m[1], m[2]) : parseFrenchNumber(m[3]!, m[4])
  return v > 0 ? v : undefined
}

function round(v: number): number {
  return Math.round(v * 100) / 100
}
