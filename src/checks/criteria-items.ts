// Award-criteria passages cut into items: one criterion name with its weight and list marker.
// Handles lists (bullets, "1.", "2.1", "a)"), "Critère n° 2 :", tables flattened to pipes or to
// spaces, weights in %, points, "60/100" or coefficients, and weights on a line of their own.

import {fold} from '../text/normalize.js'
import {HEADER_WORDS} from './criteria-lexicon.js'

export type Marker = 'none' | 'bullet' | 'num1' | 'num2' | 'letter' | 'crit' | 'sub' | 'cell'

export interface Item {
  text: string
  marker: Marker
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
const SPLIT_ENUM = /\s+(?=(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]|[a-h][.)])\s+[\p{Lu}\p{Ll}])/u
const SPLIT_DONT = /\s+(?=dont\s[^%]*?\d\s?(?:%|points?\b|pts\b))/iu
const SPLIT_CRIT = /\s+(?=(?:sous[- ])?crit[eè]re\s*(?:n\s?[°o]\s*)?\d)/iu
// After a weight, when another criterion starts: "Prix 60 % Valeur technique 40 %", "prix (60 %), valeur (40 %)".
const SPLIT_AFTER_WEIGHT = /(?<!\bsur\s+\d{1,4}\s?(?:points?|pts))(?<=\d\s?(?:%|points?|pts)\)?)\s*[,;]?\s+(?:et\s+)?(?=[\p{Lu}\p{Ll}«"])(?!(?:dont|soit|sur|du|de|des|pour|par|et|ou|au|en|la|le|les|a|à|chacun|chacune|sera|seront|est|sont)\s|(?:pond|r[ée]part|d[ée]comp|appr[ée]c|[ée]valu|not[ée]|maximum|max\b))/iu

export function splitItems(text: string): Item[] {
  let pieces = text.split(/\s*\|\s*/)
  const fromTable = pieces.length > 2
  pieces = pieces.flatMap((p) => p.split(/\s*;\s*/))
  pieces = pieces.flatMap((p) => p.split(SPLIT_BULLET))
  pieces = pieces.flatMap((p) => p.split(SPLIT_CRIT))
  pieces = pieces.flatMap((p) => p.split(SPLIT_DONT))
  pieces = pieces.flatMap((p) => p.split(SPLIT_ENUM))
  pieces = pieces.flatMap((p) => p.split(SPLIT_AFTER_WEIGHT))
  const items: Item[] = []
  for (const raw of pieces) {
    const piece = raw.trim()
    if (piece.length === 0 || /^[-:| ]+$/.test(piece)) continue
    const item = readItem(piece)
    if (fromTable && item.marker === 'none') item.marker = 'cell'
    items.push(item)
  }
  return items
}

function markerOf(text: string): Marker {
  if (new RegExp(`^[${BULLETS}]\\s`, 'u').test(text)) return 'bullet'
  if (/^(?:sous[- ]crit|dont\s)/iu.test(text)) return 'sub'
  if (/^crit[eè]re\s*(?:n\s?[°o]\s*)?\d/iu.test(text)) return 'crit'
  if (/^\d{1,2}(?:\.\d{1,2})+\.?\s/u.test(text)) return 'num2'
  if (/^\d{1,2}[.)]\s/u.test(text)) return 'num1'
  if (/^[a-h][.)]\s/u.test(text)) return 'letter'
  return 'none'
}

// "noté sur 20 points", "sur un total de 100 points": a scale, not a weight.
const SCALE = /(?:not[ée]e?s?|[ée]valu[ée]e?s?|total(?:e)?|bar[èe]me)?\s*(?:sur|de)\s+(?:un total de\s+)?(\d{1,4})\s*(?:points?|pts)\b/iu
const WEIGHT = /(\d{1,3}(?:[.,]\d{1,2})?)\s*(%|pour\s?cent|points?\b|pts?\b|\/\s*(\d{1,3})\b)/iu
const COEFFICIENT = /coef(?:ficient|f?\.)?\s*(?:de\s*)?(\d{1,2}(?:[.,]\d{1,2})?)/iu
// A number next to these words is a threshold, a penalty or a price share, not a weighting.
const NOT_A_WEIGHT = /inf[ée]rieur|sup[ée]rieur|minimum|minimal|[ée]liminatoire|[ée]limin|seuil|au moins|plafon|p[ée]nalit|avance|retenue|remise|rabais|\btva\b|du montant|des heures|d'heures|de la note|de réduction|d'augmentation/iu

function readItem(piece: string): Item {
  const item: Item = {text: piece, marker: markerOf(piece)}
  if (NOT_A_WEIGHT.test(piece)) return item
  const withoutScale = piece.replace(SCALE, (m) => ' '.repeat(m.length))
  const w = WEIGHT.exec(withoutScale)
  if (w) {
    item.weight = Number(w[1]!.replace(',', '.'))
    if (w[3]) {
      item.unit = 'points'
      item.scale = Number(w[3])
    } else {
      item.unit = w[2]!.startsWith('%') || /cent/i.test(w[2]!) ? '%' : 'points'
    }
    return item
  }
  const c = COEFFICIENT.exec(withoutScale)
  if (c) {
    item.weight = Number(c[1]!.replace(',', '.'))
    item.unit = 'coefficient'
  }
  return item
}

/** An item that is only a weight ("40 %", "(40 points)"): it belongs to the name before it. */
export function isWeightOnly(item: Item): boolean {
  return item.weight !== undefined && /^[\s(]*[\d.,]+\s*(?:%|pour\s?cent|points?|pts?|\/\s*\d+)?[\s).]*$/iu.test(item.text)
}

const LEAD = new RegExp(`^(?:dont\\s+|[${BULLETS}]\\s*|\\d{1,2}(?:\\.\\d{1,2})*[.)]?\\s+|[a-h][.)]\\s+)`, 'u')
const CRIT_LABEL = /^(?:(?:le|la|les)\s+)?(?:sous[- ])?crit[eè]res?\s*(?:n\s?[°o]\s*)?(?:\d+(?:\.\d+)*)?\s*(?:[:.\-–—]\s*)?/iu
const FILLER_END = /\s*(?:\b(?:est|sera|sont|seront|compte(?:ra)?|repr[ée]sente(?:ra)?|valant|vaut|soit|affect[ée]e?s?|pond[ée]r[ée]e?s?|pond[ée]ration|coefficient|not[ée]e?s?|[àa] hauteur de|pour|de|du|à|a|sur)\b|[:(\-–—,.=])\s*$/iu

/** The criterion's name: the words next to its weight, without labels, numbering or filler. */
export function criterionName(item: Item): string {
  const quoted = /[«"“]\s*([^»"”]{2,80}?)\s*[»"”]/u.exec(item.text)
  if (quoted) return quoted[1]!.trim()
  const text = item.text.replace(SCALE, (m) => ' '.repeat(m.length))
  const w = WEIGHT.exec(text) ?? COEFFICIENT.exec(text)
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
    candidate = candidate.replace(/^[\s:–—\-.,()]+|[\s:–—\-.,()]+$/gu, '').trim()
    if (candidate.length >= 2 && !HEADER_WORDS.test(fold(candidate))) return candidate.length > 100 ? `${candidate.slice(0, 99)}…` : candidate
  }
  return ''
}

function clean(text: string): string {
  return text.replace(LEAD, '').replace(CRIT_LABEL, '').replace(/\(\s*\)/g, ' ').replace(/\s+/g, ' ').trim()
}

const SENTENCE = /\b(?:sera|seront|sont|est|doit|doivent|peut|peuvent|pourra|devra|devront|jug[ée]e?s?|analys[ée]e?s?|class[ée]e?s?|retenue?s?|candidats?|acheteur|pouvoir adjudicateur|offres?|suivants?|suivantes?|ci-dessous|ci-apr[èe]s)\b/iu

/** Whether an unweighted item reads as a criterion name rather than a sentence or a label. */
export function looksLikeCriterion(item: Item): boolean {
  const name = criterionName(item)
  if (name.length < 3 || name.length > 90) return false
  if (/[=×]|\bx\s*\(/.test(item.text)) return false
  if (HEADER_WORDS.test(fold(name))) return false
  if (SENTENCE.test(item.text)) return false
  return !/^(?:lot|article|annexe)\b/iu.test(name)
}
