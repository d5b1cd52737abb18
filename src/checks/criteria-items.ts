// Award-criteria passages cut into items: one criterion name with its weight and list marker.
// Handles lists (bullets, "1.", "2.1", "a)"), "Critère n° 2 :", tables flattened to pipes or to
// spaces, weights in %, points, "60/100" or coefficients, and weights on a line of their own.

import {fold} from '../text/normalize.js'
import {HEADER_WORDS} from './criteria-lexicon.js'

/** List markers; a dash and a bullet sign are different levels when both are used ("• Valeur technique" then "- méthode"). */
export type Marker = 'none' | 'bullet' | 'dash' | 'num1' | 'num2' | 'letter' | 'crit' | 'sub' | 'cell'

export interface Item {
  text: string
  marker: Marker
  /** The criterion's name when the item was read from a formula, where the words around it are no guide. */
  name?: string
  weight?: number
  unit?: '%' | 'points' | 'coefficient'
  /** A scale stated with the weight ("60/100"). */
  scale?: number
}

const BULLETS = '-–—•▪➢◦▫*○►·'
// Dashes also separate a name from its weight ("Prix – 60 %"): they start an item only after
// a colon, a full stop or a weight. Other bullet signs always do.
const SPLIT_BULLET = new RegExp(`\\s+(?=[•▪➢◦▫*○►·]\\s)|(?<=(?:[:.;]|\\d\\s?(?:%|points?|pts)\\)?))\\s+(?=[-–—]\\s)`, 'u')
// Before an enumerator followed by a capital or a criterion word: "1. Prix", "2) Valeur", "a) Délai", "2.1 Méthode".
const SPLIT_ENUM = /\s+(?=(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)°]|[a-h][.)])\s*[\p{Lu}\p{Ll}])/u
// "Valeur technique : 60 % (dont méthodologie 40 % et ...)": the parenthesis stays with the sub-criterion.
const SPLIT_DONT = /\s*(?=\(\s*dont\s[^%]*?\d\s?(?:%|points?\b|pts\b))|\s+(?=dont\s[^%]*?\d\s?(?:%|points?\b|pts\b))/iu
const SPLIT_CRIT = /\s+(?=(?:sous[- ])?crit[eè]re\s*(?:n\s?[°o]\s*)?\d)/iu
// "méthodologie (50 % de la note technique), moyens (50 % de la note technique)": a comma (or a
// line run into the sentence, ") Prix : 60 %") after a parenthesis that holds a weight, before a
// name whose own weight follows.
const SPLIT_PAREN_COMMA = /(?<=\d\s?(?:%|points?\b|pts\b)[^,;()]{0,40}\))(?:\s*,\s+|\s+(?=\p{Lu}))(?=[^,;]{2,80}?\d\s?(?:%|points?\b|pts\b))/u
// Weights in prose: "le prix compte pour 60 % de la note, la valeur technique pour 30 % et
// l'environnement pour 10 %": a new item at each ", la/le/les X pour N" or "et la/le/les X pour N".
const SPLIT_PROSE = /(?<=\d\s?(?:%|points?\b|pts\b)[^;]{0,60}?)(?:,|\s+et)\s+(?=(?:la|le|les|l['’])\s?[^,;]{2,90}?\s(?:pour|à hauteur de|a hauteur de)\s+\d{1,3}(?:[.,]\d{1,2})?\s?(?:%|points?\b|pts\b))/iu
// After a weight, when another criterion starts: "Prix 60 % Valeur technique 40 %", "prix (60 %), valeur (40 %)".
const SPLIT_AFTER_WEIGHT = /(?<!\bsur\s+\d{1,4}\s?(?:points?|pts))(?<=\d\s?(?:%|points?|pts)\)?)\s*[,;]?\s+(?:et\s+)?(?=[\p{Lu}\p{Ll}«"])(?!(?:dont|soit|sur|du|de|des|pour|par|et|ou|au|en|la|le|les|a|à|chacun|chacune|sera|seront|est|sont)\s|(?:pond|r[ée]part|d[ée]comp|appr[ée]c|[ée]valu|not[ée]|maximum|max\b))/iu

/** What a criteria table's header said about its weight column, kept from one row to the next. */
export interface TableState {
  unit?: '%' | 'points' | 'coefficient'
}

const WEIGHT_HEADER = /^(?:ponderations?|poids|notes?|points?|bareme|coefficients?|coef\.?|pourcentages?|%)\b/

/**
 * Cells of a table whose header names the weight column ("| Critère | Pondération (%) |"): a bare
 * number after a criterion's name is a weight in the header's unit. A number opening a row is its
 * number, not a weight.
 */
function annotateCells(cells: string[], table: TableState): string[] {
  let rowStart = true
  let previous = ''
  return cells.map((raw) => {
    const cell = raw.trim()
    const f = fold(cell)
    let out = cell
    if (cell.length === 0) rowStart = true
    else {
      if (WEIGHT_HEADER.test(f) && !/\d{1,3}\s*$/.test(f.replace(/sur \d+/, ''))) {
        table.unit = /coef/.test(f) ? 'coefficient' : /points?|\bpts\b|\bnote|bareme|sur \d/.test(f) ? 'points' : '%'
      } else if (table.unit && !rowStart && /^\d{1,3}(?:[.,]\d{1,2})?$/.test(cell) && !/^[\d.,\s%]*$/.test(previous)) {
        out = table.unit === 'coefficient' ? `coefficient ${cell}` : `${cell} ${table.unit}`
      }
      rowStart = false
      previous = cell
    }
    return out
  })
}

// A scoring formula: "Note finale = 0,55 × note Prix + 0,30 × note Valeur technique + ...",
// "N = NP x 60 % + NT x 40 %". Each term is a criterion; a factor of at most 1 is a share of 100.
const FORMULA_TERM_FIRST = /^\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*[×x*]\s*(.{2,300}?)\s*$/iu
const FORMULA_TERM_LAST = /^\s*(.{2,90}?)\s*[×x*]\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*$/iu

function formulaItems(text: string): Item[] | undefined {
  if (!/[×*]|\sx\s/u.test(text) || !/\+/.test(text)) return undefined
  const right = text.includes('=') ? text.slice(text.indexOf('=') + 1) : text
  const items: Item[] = []
  for (const term of right.split(/\s\+\s?|\s?\+\s/)) {
    const first = FORMULA_TERM_FIRST.exec(term)
    const last = first ? undefined : FORMULA_TERM_LAST.exec(term)
    if (!first && !last) return undefined
    const [factor, percent, name] = first ? [first[1]!, first[2]!, first[3]!] : [last![2]!, last![3]!, last![1]!]
    const value = Number(factor.replace(',', '.'))
    const label = name.split(/\s(?=(?:La|Le|Les|L'|Cette|Ces|Chaque|Où|Avec|Dans|Pour|Elle|Il)\s)/u)[0]!.replace(/^(?:la\s+)?note\s+(?:de\s+(?:la\s+|l')?|du\s+|des\s+|d')?/iu, '').replace(/[.;]\s*$/u, '').trim()
    const item: Item = {text: term.trim(), marker: 'none', name: label}
    if (percent || value > 1) Object.assign(item, {weight: value, unit: percent ? '%' : 'coefficient'})
    else Object.assign(item, {weight: Math.round(value * 10000) / 100, unit: '%'})
    items.push(item)
  }
  return items.length >= 2 ? items : undefined
}

// "Valeur technique : 40 % répartie ainsi : méthodologie (20 %), moyens (20 %)": what follows the
// announcing colon of a weighted criterion are its sub-criteria.
const SUB_LIST = /(?<=\d\s?(?:%|points?\b|pts\b)[^:;|]{0,40}(?:dont|r[ée]partie?s?|d[ée]compos[ée]e?s?|comme suit|ainsi|sous-crit[eè]res?(?: suivants)?|suivants?)\s*):\s+/iu

export function splitItems(text: string, table: TableState = {}): Item[] {
  const formula = formulaItems(text)
  if (formula) return formula
  const subList = text.includes('|') ? null : SUB_LIST.exec(text)
  if (subList) {
    const head = splitPieces(text.slice(0, subList.index), table)
    const tail = splitPieces(text.slice(subList.index + subList[0].length), table)
    // The sub-criteria end where their weights reach the criterion's (or 100, in % of its mark).
    const parent = head.at(-1)?.weight
    let acc = 0
    for (const item of tail) {
      const done = parent !== undefined && acc > 0 && (Math.abs(acc - parent) < 0.01 || Math.abs(acc - 100) < 0.01)
      if (done || item.weight === undefined || !(item.marker === 'none' || item.marker === 'num1')) continue
      item.marker = 'sub'
      acc += item.weight
    }
    return [...head, ...tail]
  }
  return splitPieces(text, table)
}

function splitPieces(text: string, table: TableState): Item[] {
  let pieces = text.split(/\s*\|\s*/)
  const fromTable = pieces.length > 2
  if (fromTable) pieces = annotateCells(pieces, table)
  pieces = pieces.flatMap((p) => p.split(/\s*;\s*/))
  pieces = pieces.flatMap((p) => p.split(SPLIT_BULLET))
  pieces = pieces.flatMap((p) => p.split(SPLIT_CRIT))
  pieces = pieces.flatMap((p) => p.split(SPLIT_DONT))
  pieces = pieces.flatMap((p) => p.split(SPLIT_ENUM))
  pieces = pieces.flatMap((p) => p.split(SPLIT_AFTER_WEIGHT))
  pieces = pieces.flatMap((p) => p.split(SPLIT_PROSE))
  pieces = pieces.flatMap((p) => p.split(SPLIT_PAREN_COMMA))
  const items: Item[] = []
  // Pieces that start inside an open parenthesis ("(dont A 40 % et B 20 %)") are sub-criteria.
  let depth = 0
  for (const raw of pieces) {
    const piece = raw.trim()
    const inside = depth > 0
    depth = Math.max(0, depth + (piece.split('(').length - piece.split(')').length))
    if (piece.length === 0 || /^[-:| ]+$/.test(piece)) continue
    const item = readItem(piece)
    if (inside && item.weight !== undefined) item.marker = 'sub'
    if (fromTable && item.marker === 'none') item.marker = 'cell'
    items.push(item)
  }
  return items
}

function markerOf(text: string): Marker {
  if (/^[-–—]\s/u.test(text)) return 'dash'
  if (new RegExp(`^[${BULLETS}]\\s`, 'u').test(text)) return 'bullet'
  if (/^(?:sous[- ]crit|\(?\s*dont\s)/iu.test(text)) return 'sub'
  if (/^crit[eè]re\s*(?:n\s?[°o]\s*)?\d/iu.test(text)) return 'crit'
  if (/^\d{1,2}(?:\.\d{1,2})+\.?\s/u.test(text)) return 'num2'
  if (/^\d{1,2}[.)]\s|^\d{1,2}°\s?/u.test(text)) return 'num1'
  if (/^[a-h][.)]\s/u.test(text)) return 'letter'
  return 'none'
}

// "noté sur 20 points", "sur un total de 100 points": a scale, not a weight.
const SCALE = /(?:not[ée]e?s?|[ée]valu[ée]e?s?|total(?:e)?|bar[èe]me)?\s*(?:sur|de)\s+(?:un total de\s+)?(\d{1,4})\s*(?:points?|pts)\b/iu
const WEIGHT = /(\d{1,3}(?:[.,]\d{1,2})?)\s*(%|pour\s?cent|points?\b|pts?\b|\/\s*(\d{1,3})\b)/iu
const COEFFICIENT = /coef(?:ficient|f?\.)?\s*(?:de\s*)?(\d{1,2}(?:[.,]\d{1,2})?)/iu
const WEIGHT_ALL = new RegExp(WEIGHT.source, 'giu')
const COEFFICIENT_ALL = new RegExp(COEFFICIENT.source, 'giu')
// A number right after these words is a threshold, a penalty or a price share, not a weighting:
// "note inférieure à 10 points", "pénalité de 5 %", "remise de 3 %", "au moins 20 %".
const NOT_A_WEIGHT_BEFORE = /(?:(?:inf|sup)[ée]rieure?s?\s+(?:ou [ée]gale?s?\s+)?[àa]|(?:moins|plus) de|minimum(?: de)?|minimale?s? de|au moins|seuil(?: minimal)?(?: de| fix[ée] [àa])?|plafonn[ée]e?s? [àa]|plafond de|(?:p[ée]nalit[ée]|avance|retenue|remise|rabais|r[ée]duction|augmentation|tva)s?(?: \p{L}+)?\s+(?:de|d'une?|[ée]gale? [àa]|fix[ée]e? [àa]|au taux de))\s*$/iu
// ... or right before these: "5 % du montant", "5 % des heures", "10 % de réduction".
const NOT_A_WEIGHT_AFTER = /^[\s).]{0,4}(?:du montant|des heures|d'heures|de la note (?:maximale|minimale|maximum|minimum)|de r[ée]duction|d'augmentation|de remise|de rabais|minimum|au moins)/iu
// "note éliminatoire de 10 points", "10 points ... est éliminatoire", "sera éliminée".
const ELIMINATORY_BEFORE = /[ée]liminatoire\s*(?:de|:|[àa])?\s*$/iu
const ELIMINATORY_AFTER = /^[^\d:;(]{0,25}\b(?:[ée]liminatoire|[ée]limin[ée]e?s?)\b/iu

/**
 * Whether the words right around a number make it a threshold, a penalty or a share rather than
 * a weighting. Only the neighbourhood counts: a description running on after the weight
 * ("15 points, appréciée au regard des mesures de réduction des déchets") does not.
 */
function notAWeight(text: string, index: number, length: number): boolean {
  const before = text.slice(Math.max(0, index - 30), index)
  const after = text.slice(index + length, index + length + 30)
  return NOT_A_WEIGHT_BEFORE.test(before) || ELIMINATORY_BEFORE.test(before) || NOT_A_WEIGHT_AFTER.test(after) || ELIMINATORY_AFTER.test(after)
}

/**
 * The first number of a text (scales blanked out) that is a weighting, in %, points or as a
 * coefficient: "(une note inférieure à 10 points est éliminatoire) : 40 points" weighs 40.
 */
function weightMatch(text: string): {match: RegExpExecArray; coefficient: boolean} | undefined {
  const w = [...text.matchAll(WEIGHT_ALL)].find((m) => !notAWeight(text, m.index, m[0].length))
  if (w) return {match: w, coefficient: false}
  const c = [...text.matchAll(COEFFICIENT_ALL)].find((m) => !notAWeight(text, m.index, m[0].length))
  return c ? {match: c, coefficient: true} : undefined
}

function readItem(piece: string): Item {
  const item: Item = {text: piece, marker: markerOf(piece)}
  const found = weightMatch(piece.replace(SCALE, (m) => ' '.repeat(m.length)))
  if (!found) return item
  const w = found.match
  item.weight = Number(w[1]!.replace(',', '.'))
  if (found.coefficient) item.unit = 'coefficient'
  else if (w[3]) {
    item.unit = 'points'
    item.scale = Number(w[3])
  } else {
    item.unit = w[2]!.startsWith('%') || /cent/i.test(w[2]!) ? '%' : 'points'
  }
  return item
}

// A marking scale ("excellent : 35 points ; bon : 25 points") or a notation rule ("notées de 0 à 15
// points", "selon le barème suivant") gives marks, not criteria.
const GRADE = /^(?:tr[èe]s\s+)?(?:excellente?|bonne?|moyenne?|assez bien|passable|insuffisante?|m[ée]diocre|satisfaisante?|faible|nulle?|absente?|conforme|non conforme|sans objet)\s*$/iu
const NOTATION_RULE = /\bbar[èe]me\b|not[ée]e?s?\s+de\s+0\s+[àa]|\bde\s+0\s+[àa]\s+\d/iu

/** Whether an item gives a mark of a scale rather than a criterion. */
export function isMarkingScale(item: Item): boolean {
  if (GRADE.test(criterionName(item))) return true
  // Only before the weight: "Valeur technique : 40 %, notée selon le barème ..." is a criterion.
  const w = weightMatch(item.text.replace(SCALE, (m) => ' '.repeat(m.length)))?.match
  return NOTATION_RULE.test(w ? item.text.slice(0, w.index + w[0].length) : item.text)
}

/** An item that is only a weight ("40 %", "(40 points)"): it belongs to the name before it. */
export function isWeightOnly(item: Item): boolean {
  return item.weight !== undefined && /^[\s(]*(?:coef(?:ficient|f?\.)?\s*)?[\d.,]+\s*(?:%|pour\s?cent|points?|pts?|\/\s*\d+)?[\s).]*$/iu.test(item.text)
}

const LEAD = new RegExp(`^(?:\\(?\\s*dont\\s+|[${BULLETS}]\\s*|\\d{1,2}°\\s*|\\d{1,2}(?:\\.\\d{1,2})*[.)]?\\s+|[a-h][.)]\\s+)`, 'u')
const CRIT_LABEL = /^(?:(?:le|la|les)\s+)?(?:sous[- ])?crit[eè]res?\s*(?:n\s?[°o]\s*)?(?:\d+(?:\.\d+)*)?\s*(?:[:.\-–—]\s*)?/iu
// Letters are told apart with \p{L}: "\b" is ASCII-only and misses "à" and "pondéré".
const FILLER_END = /\s*(?:(?<!\p{L})(?:est|sera|sont|seront|compte(?:ra)?|repr[ée]sente(?:ra)?|valant|vaut|soit|affect[ée]e?s?|pond[ée]r[ée]e?s?|pond[ée]ration|coefficient|not[ée]e?s?|[àa] hauteur(?: de)?|pour|de|du|à|a|sur)(?!\p{L})|[:(\-–—,.=])\s*$/iu

/** The criterion's name: the words next to its weight, without labels, numbering or filler. */
export function criterionName(item: Item): string {
  if (item.name) return item.name
  const quoted = /[«"“]\s*([^»"”]{2,80}?)\s*[»"”]/u.exec(item.text)
  if (quoted) return quoted[1]!.trim()
  const text = item.text.replace(SCALE, (m) => ' '.repeat(m.length))
  const w = weightMatch(text)?.match
  const before = clean(w ? text.slice(0, w.index) : text)
  const candidates = before.includes(':')
    ? [before.slice(before.lastIndexOf(':') + 1), before.slice(0, before.indexOf(':'))]
    : [before]
  // "Prix : 60 %" names before the weight; "60 % : prix" or "(40 %) Valeur technique" after it.
  if (w) candidates.push(clean(text.slice(w.index + w[0].length)).split(/[:(]/)[0] ?? '')
  for (let candidate of candidates) {
    candidate = candidate.replace(CRIT_LABEL, '')
    for (let i = 0; i < 6; i++) {
      const next = candidate.replace(FILLER_END, '').trim()
      if (next === candidate) break
      candidate = next
    }
    candidate = trimName(candidate)
    if (candidate.length >= 2 && !isHeaderWords(candidate)) return candidate.length > 100 ? `${candidate.slice(0, 99)}…` : candidate
  }
  return ''
}

/** A table header or a label: "Critère", "Pondération (%)", "Note (sur 20)". */
function isHeaderWords(name: string): boolean {
  const f = fold(name)
  return HEADER_WORDS.test(f) || HEADER_WORDS.test(f.replace(/\s*\([^)]*\)?\s*$/, '').trim())
}

/** Punctuation off both ends; a closing parenthesis stays when it closes one of the name's. */
function trimName(text: string): string {
  let t = text.replace(/^[\s:–—\-.,()]+|[\s:–—\-.,(]+$/gu, '').trim()
  const count = (c: string) => t.split(c).length - 1
  while (t.endsWith(')') && count(')') > count('(')) t = t.slice(0, -1).replace(/[\s:–—\-.,(]+$/u, '').trim()
  return t
}

// "Pour l'attribution, le prix ...": the framing words and the article are not the name.
const FRAMING = /^(?:(?:pour|concernant|s'agissant de|quant [àa])\b[^,]{0,40},\s*)?(?:(?:le|la|les)\s+|l['’]\s?)?/iu

function clean(text: string): string {
  return text.replace(LEAD, '').replace(FRAMING, '').replace(CRIT_LABEL, '').replace(/\(\s*\)/g, ' ').replace(/\s+/g, ' ').trim()
}

const SENTENCE = /\b(?:sera|seront|sont|est|doit|doivent|peut|peuvent|pourra|devra|devront|jug[ée]e?s?|analys[ée]e?s?|class[ée]e?s?|retenue?s?|candidats?|acheteur|pouvoir adjudicateur|offres?|suivants?|suivantes?|ci-dessous|ci-apr[èe]s)\b/iu

// "note éliminatoire de 10 points", "seuil minimal": a rule of the scoring, not a criterion.
const THRESHOLD = /[ée]liminatoire|note minimale|seuil/iu

/** Whether an unweighted item reads as a criterion name rather than a sentence or a label. */
export function looksLikeCriterion(item: Item): boolean {
  const name = criterionName(item)
  // A numbered or bulleted item may name its criterion at length; a loose line is a sentence sooner.
  const longest = item.marker === 'none' || item.marker === 'cell' ? 90 : 140
  if (name.length < 3 || name.length > longest) return false
  if (/[=×]|\bx\s*\(/.test(item.text)) return false
  if (isHeaderWords(name)) return false
  if (SENTENCE.test(item.text) || THRESHOLD.test(item.text)) return false
  return !/^(?:lot|article|annexe)\b/iu.test(name)
}
