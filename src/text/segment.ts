// Segmentation: pages of normalised text -> sections (article headings) -> sentences,
// each keeping its page and its offsets in the document's full text.

import type {Segment, SegmentRole} from '../core/model.js'
import {formPieces, withAnswers} from './form.js'
import {normalizeText} from './normalize.js'

export interface PageText {
  page?: number
  text: string
}

export interface SegmentedText {
  /** The normalised full text; every segment's start/end index into it. */
  fullText: string
  segments: Segment[]
}

/** "Article 4.5 –", "ARTICLE 12 :", "Art. 3 -", "CHAPITRE II", "4.5 Clause d'insertion", "TITRE 1". */
const HEADING = new RegExp(
  String.raw`^(?:` +
    String.raw`(?:article|art\.)\s*(?:\d+(?:[.\-]\d+)*|[IVXLC]+|premier|1er)\b` +
    String.raw`|(?:chapitre|titre|section|partie|annexe)\s+(?:\d+|[IVXLC]+)\b` +
    String.raw`|\d+(?:\.\d+)*\.?\s+[A-ZÀ-Ý][^\n]{2,}` +
  String.raw`)`,
  'iu',
)

// Letters before an abbreviation are checked with \p{L}, not \b: "\b" is ASCII-only, so "réservée."
// would end in the one-letter "abbreviation" "e." and never close its sentence.
const ABBREVIATIONS = /(?:(?<!\p{L})(?:art|arts|n|no|cf|p|pp|m|mm|mme|st|ste|etc|ex|env|min|max|hab|tel|ccag|al|vol|ed|fig|inc|cie|coef|coeff|éq|eq|équiv|equiv)\.|(?<!\p{L})[A-Z]\.|\d\.)$/iu

/** Depth of a numbered heading: "4.5.2 ..." -> 3, "Article 4.5" -> 2, other headings -> 1. */
function headingDepth(line: string): number {
  const m = /^(?:(?:article|art\.)\s*)?(\d+(?:[.\-]\d+)*)/iu.exec(line)
  if (!m || !m[1]) return 1
  return m[1].split(/[.\-]/).length
}

/** "ARTICLE 3", "Chapitre II": a heading named by a word, under which bare numbers ("2.", "4.5") nest. */
const NAMED_HEADING = /^(?:article|art\.|chapitre|titre|section|partie|annexe)\b/iu

/**
 * Depth of a heading in the current stack. Bare-numbered headings inside a named one ("ARTICLE 3 –
 * JUGEMENT DES OFFRES" then "2. Valeur technique") are its sub-headings, whatever their numbering.
 */
function stackDepth(line: string, stack: Array<{depth: number; text: string}>): number {
  const depth = headingDepth(line)
  if (NAMED_HEADING.test(line)) return depth
  const named = stack.filter((h) => NAMED_HEADING.test(h.text)).at(-1)
  return named ? named.depth + depth : depth
}

export function isHeading(line: string): boolean {
  const t = line.trim()
  if (t.length < 3 || t.length > 160) return false
  if (!HEADING.test(t)) return false
  // table-of-contents lines: "4.5 Insertion professionnelle :........ 5"
  if (/(?:\.\s?){5,}\s*\d*$/.test(t)) return false
  // "3 000 heures ..." or "12. Le titulaire s'engage ..., et ..." are sentences, not headings
  if (/^\d+\s\d{3}\b/.test(t)) return false
  // a table row that starts with a lot or row number: "01 Gros œuvre – maçonnerie 910 h", "04 Menuiseries sans objet"
  if (/^\d/.test(t) && /(?:\d\s*(?:h|heures?|%|points?|pts|€|k€|jours?|mois)|sans objet|néant)\s*$/iu.test(t)) return false
  // a weighted criterion in a list: "2. Valeur technique : 35 points, dont :", "3. Délai (10 %) : ..."
  if (/^\d/.test(t) && /\d\s*(?:%|points?\b|pts\b)/iu.test(t)) return false
  // "350 heures d'insertion", "20 cm sablon": a quantity opening a line, not a numbered heading
  // (HEADING is case-insensitive for "Article"/"CHAPITRE", so it cannot ask for a capital itself)
  if (/^\d+(?:[.,]\d+)*\.?\s+\p{Ll}/u.test(t)) return false
  if (/^\d+(?:\.\d+)*\.?\s/.test(t) && !/^(?:article|art\.)/iu.test(t) && /[.;]$/.test(t) && t.length > 80) return false
  return true
}

const UPPER_CONTINUATION = /^(?:AUX?|DU|DES?|LA|LES?|ET|OU|EN|POUR|PAR|SUR|DANS|AVEC|À|A)\s|^[DL]['’]/u

/** Whether a line break between two lines ends a sentence or is just layout. */
function breaksAfter(line: string, next: string): boolean {
  const a = line.trimEnd()
  const b = next.trimStart()
  if (a.length === 0 || b.length === 0) return true
  // bullets as word processors print them: "– ", "• ", "➢ ", "► ", "❖ ", "✓ "...
  if (/^[-•▪●◦*–—➢➤►▸▹→⇒❖✓✔■◆◇·]\s|^[a-z0-9]{1,3}[).]\s|^\d+(?:[.,]\d+)?\s?%?\s*(?:points?|pts)?$/iu.test(b)) return true
  // the next item of a numbered list: "2.2 Moyens humains : 15 points", "3 – Démarche d'insertion"
  if (/^\d+(?:\.\d+)+\.?\s+\p{Lu}|^\d{1,2}\s?[–—-]\s\p{Lu}/u.test(b)) return true
  // A table's weight cell that a PDF converter split over lines ("35" then "points") ends there.
  if (/^(?:\d+(?:[.,]\d+)?\s?)?(?:%|points?|pts)$/iu.test(a)) return true
  if (/[.!?;:]$/.test(a) && !ABBREVIATIONS.test(a)) return true
  // A row whose value follows dot leaders ends there, however long: "Prix ........ 55 %" then
  // "Qualité des articles ........ 35 %" are two criteria, not one sentence.
  if (/\.{3,}\s*\d[\d\s.,]*\s*(?:%|points?|pts|h|heures?)?$/iu.test(a)) return true
  // A criterion row that closes on its weight ("Insertion des publics éloignés de l'emploi : 5 %",
  // "... boissons chaudes (10 %)") then a capital: the next row or sentence, however long the row.
  if (/\d\s?(?:%|points?|pts)\s*\)?\s*$/iu.test(a) && /^\p{Lu}/u.test(b)) return true
  // An upper-case title that a PDF prints one word group per line ("MARCHE RESERVE" then "AUX SIAE"
  // then "DU CCP)"): a line that opens on a preposition or an article continues the title.
  if (!/\p{Ll}/u.test(a) && !/\p{Ll}/u.test(b) && UPPER_CONTINUATION.test(b)) return false
  // Short line followed by a capital: a table row, a title, a list without bullets.
  if (a.length < 50 && /^\p{Lu}/u.test(b)) return true
  // A form row answered "Oui"/"Non"/"Sans objet" then the next label ("... protégés : non\nCritères ...").
  if (/:\s*(?:oui|non|néant|sans objet|aucune?|n\/?a)\s*$/iu.test(a) && /^\p{Lu}/u.test(b)) return true
  return false
}

/** Sentence ends inside a line: ". X", "? X", "! X", "; x" (not after an abbreviation or a number). */
function splitSentences(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  let start = 0
  // A parenthesised weight after an abbreviation is not a new sentence: "Perf. insertion pro. (10 %)".
  const re = /[.!?;](?=\s+(?:["«]?[\p{Lu}\d]|\((?!\s*\d+(?:[.,]\d+)?\s*(?:%|points?\b|pts\b)\s*\))[\p{Lu}\d]))|;(?=\s)/gu
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) {
    const end = m.index + 1
    if (m[0] === '.' && ABBREVIATIONS.test(text.slice(Math.max(0, end - 8), end))) continue
    // Dot leaders of a table row are not a sentence end: "Lot 1 Voirie ........ 800 heures".
    if (text.slice(end - 3, end) === '...' && /^\s+\d/.test(text.slice(end, end + 3))) continue
    spans.push([start, end])
    start = end
  }
  spans.push([start, text.length])
  return spans
}

const MAX_SEGMENT = 1500

/**
 * A row of a pipe table ("1 | Collecte des textiles | L2113-13 – SIAE", Markdown "| a | b |"):
 * its cells, or 'rule' for a separator row ("|---|:--|"), or undefined when the line is no row.
 */
function tableRow(line: string): string[] | 'rule' | undefined {
  if (!line.includes('|')) return undefined
  if (/^[\s|:\-–—+=]+$/.test(line)) return /-{2,}|={2,}/.test(line) ? 'rule' : undefined
  const cells = line.split('|').map((c) => c.trim())
  const filled = cells.filter((c) => c.length > 0)
  return filled.length >= 2 && cells.length >= 3 - (line.trim().startsWith('|') ? 0 : 1) ? filled : undefined
}

/** How French sentences, not headings, begin: a determiner, a pronoun or a conjunction. */
const SENTENCE_START = /^(?:le|la|les|l'|un|une|des|du|il|elle|ils|elles|ce|cette|ces|chaque|tout|toute|tous|toutes|en cas|lorsqu|si|conformement|conformément|dans|pour|au|aux|afin|sauf|sur|par|à|a)\b/iu

/**
 * A heading line may wrap onto following lines that start in lower case ("4.5.5 Sous-traitance
 * (pour les heures\nd'insertion) :"). A numbered paragraph wrapped the same way ("30.1 Le titulaire
 * s'engage à réserver\n2 000 heures ... marché.") is a sentence: it runs long or ends with a full stop.
 * Returns the heading's text and its last line, or undefined when the line starts a paragraph.
 */
function headingExtent(lines: string[], i: number): {text: string; last: number} | undefined {
  let text = lines[i]!.trim()
  let last = i
  // "30.1 Le titulaire s'engage à réserver au moins\n2 000 heures": a sentence wrapping onto a number
  const sentenceStart = SENTENCE_START.test(text.replace(/^(?:(?:article|art\.)\s*)?[\dIVXLC]+(?:[.\-]\d+)*\.?\s*[-–—:.]?\s*/iu, ''))
  const continues = (next: string) => /^\s*[\p{Ll}(]/u.test(next) || (sentenceStart && /^\s*\d/.test(next))
  while (last + 1 < lines.length && continues(lines[last + 1]!) && text.length <= 200) {
    last++
    text = `${text} ${lines[last]!.trim()}`
  }
  text = text.replace(/\s+/g, ' ')
  if (last > i && (text.length > 160 || /\.$/.test(text))) return undefined
  return {text, last}
}

/**
 * Segment pages of raw text. Text is normalised here, so callers may pass extractor output as is.
 * `role` and `field` are copied to every segment (notice fields); `sectionPrefix` is prepended to
 * every segment's section.
 */
export function segmentPages(
  pages: PageText[],
  options: {role?: SegmentRole; field?: string; sectionPrefix?: string[]; lot?: string; weight?: number; headings?: boolean} = {},
): SegmentedText {
  const segments: Segment[] = []
  const headings: Array<{depth: number; text: string}> = []
  let fullText = ''
  for (const pg of pages) {
    if (fullText.length > 0) fullText += '\n\n'
    const pageStart = fullText.length
    const text = normalizeText(pg.text)
    fullText += text
    const lines = text.split('\n')
    let offset = pageStart
    let block: {start: number; end: number} | undefined
    // The header row of the pipe table being read, if any.
    let table: string | undefined
    const flush = () => {
      if (!block) return
      pushBlock(block.start, block.end)
      block = undefined
    }
    const pushBlock = (bStart: number, bEnd: number, tableHeader?: string) => {
      const raw = fullText.slice(bStart, bEnd)
      for (const [s, e] of withAnswers(raw, splitSentences(raw)).flatMap(([s, e]) => formPieces(raw, s, e))) {
        let a = bStart + s
        let b = bStart + e
        while (a < b && /\s/.test(fullText[a]!)) a++
        while (b > a && /\s/.test(fullText[b - 1]!)) b--
        while (b - a > MAX_SEGMENT) {
          let cut = fullText.lastIndexOf(' ', a + MAX_SEGMENT)
          if (cut <= a) cut = a + MAX_SEGMENT
          push(a, cut, tableHeader)
          a = cut + 1
        }
        if (b > a) push(a, b, tableHeader)
      }
    }
    const push = (a: number, b: number, tableHeader?: string) => {
      const section = [...(options.sectionPrefix ?? []), ...headings.map((h) => h.text), ...(tableHeader ? [tableHeader] : [])]
      const seg: Segment = {text: fullText.slice(a, b).replace(/\s*\n\s*/g, ' '), start: a, end: b}
      if (pg.page !== undefined) seg.page = pg.page
      if (section.length > 0) seg.section = section
      if (options.role) seg.role = options.role
      if (options.field) seg.field = options.field
      if (options.lot) seg.lot = options.lot
      if (options.weight !== undefined) seg.weight = options.weight
      segments.push(seg)
    }
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!
      const lineStart = offset
      const lineEnd = offset + line.length
      offset = lineEnd + 1
      if (line.trim().length === 0) {
        flush()
        table = undefined
        continue
      }
      // Each row of a pipe table is a sentence of its own ("2 | Tri | Non réservé" says nothing of
      // row 1), read under the table's first row, which names the columns ("Lot | Objet | Réservation").
      const row = tableRow(line)
      if (row !== undefined) {
        flush()
        if (row === 'rule') continue
        const header = table === undefined
        if (header) table = row.join(' | ')
        pushBlock(lineStart, lineEnd, header ? undefined : table)
        continue
      }
      table = undefined
      const heading = options.headings !== false && isHeading(line) ? headingExtent(lines, i) : undefined
      if (heading) {
        flush()
        const depth = stackDepth(line.trim(), headings)
        while (headings.length > 0 && headings[headings.length - 1]!.depth >= depth) headings.pop()
        headings.push({depth, text: heading.text})
        let end = lineEnd
        for (let k = i + 1; k <= heading.last; k++) end += 1 + lines[k]!.length
        offset = end + 1
        i = heading.last
        pushBlock(lineStart, end)
        continue
      }
      if (!block) block = {start: lineStart, end: lineEnd}
      else block.end = lineEnd
      const next = lines[i + 1]
      if (next === undefined || breaksAfter(line, next)) flush()
    }
    flush()
  }
  return {fullText, segments}
}
