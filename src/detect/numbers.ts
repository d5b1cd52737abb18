// Numbers as French tender documents write them, and the choice of the value nearest to a match:
// shared by the quantity readers (quantities.ts for hours and shares, weight.ts for criterion weights).

/** A number as French documents write it: "1 250", "1.800" (thousands), "12,5" or "12.5" (decimals). */
export const NUM = String.raw`(?<![\d.,])(\d{1,3}(?:[ .]\d{3})+|\d+)(?:[,.](\d{1,2}))?(?!\d)`

export function parseFrenchNumber(intPart: string, decimals?: string): number {
  const n = Number(intPart.replace(/[ .]/g, ''))
  return decimals ? n + Number(`0.${decimals}`) : n
}

const UNITS: Record<string, number> = {
  zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30,
  quarante: 40, cinquante: 50, soixante: 60, cent: 100, cents: 100, mille: 1000,
}

/**
 * "cinq" -> 5, "vingt-cinq" -> 25, "soixante-quinze" -> 75, "quatre-vingt-dix" -> 90,
 * "deux cent quarante" -> 240, "mille deux cents" -> 1200; undefined otherwise.
 */
export function frenchNumberWords(words: string): number | undefined {
  const parts = words.split(/[\s-]+/).filter((w) => w && w !== 'et')
  if (parts.length === 0 || parts.some((p) => UNITS[p] === undefined)) return undefined
  let total = 0
  let current = 0
  for (const p of parts) {
    const v = UNITS[p]!
    if (v === 1000) {
      total += (current || 1) * 1000
      current = 0
    } else if (v === 100) current = (current || 1) * 100
    else if (v === 20 && current > 0 && current < 10) current *= 20 // quatre-vingt
    else current += v
  }
  total += current
  return total
}

export interface Candidate {
  value: number
  start: number
  end: number
  preferred?: boolean
}

/** The candidate nearest to the matched words: after them first (within `after` chars), then before. */
export function nearest(cands: Candidate[], anchor: [number, number] | undefined, after = 160, before = 80): number | undefined {
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


/** A number written in words, folded: "cinq", "deux cent quarante", "mille deux cents" (ends with its spaces). */
export const NUMBER_WORD = String.raw`(?:(?:zero|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille|et)\b[\s-]*)+`
const PERCENT = new RegExp(`(?:${NUM}|\\b(${NUMBER_WORD}))\\s*(?:%|pour[ -]?cent\\b|p\\.? ?100\\b)`, 'g')

/** Percentages written in figures or words: "5 %", "cinq pour cent", "12 p. 100". */
export function percents(text: string): Candidate[] {
  const out: Candidate[] = []
  PERCENT.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = PERCENT.exec(text))) {
    const value = m[1] ? parseFrenchNumber(m[1], m[2]) : frenchNumberWords(m[3]!.trim())
    if (value !== undefined && value > 0 && value <= 100) out.push({value, start: m.index, end: m.index + m[0].length})
  }
  return out
}

export function round(v: number): number {
  return Math.round(v * 100) / 100
}
