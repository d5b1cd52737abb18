// Words hyphenated across a line break, as PDF text extraction leaves them: "exclu-\nsion",
// "CONSULTATION RÉSER-\nVÉE", "L. 2113-\n13". A hyphen at a line end is usually a break inside a
// word (the word is re-joined), but it may also be the hyphen of a compound broken where it
// stands ("Saint-\nÉtienne", "main-\nd'œuvre", "non-\nréservé", "comporte-\nt-il", article numbers):
// then the hyphen is kept and only the line break goes.
//
// Decided here: ambiguous prefixes ("éco-", "sous-", "anti-", "bio-"...) are re-joined unless the
// same text writes that compound with its hyphen elsewhere: "ÉCO-\nCONCEPTION" becomes
// "ÉCOCONCEPTION", which rules accept like "éco-conception", whereas keeping the hyphen after a
// syllable would spoil common words ("entre-\nprise", "éco-\nnomie", "bio-\nlogique").

// A word fragment, a hyphen, spaces, a line break, spaces; the next fragment is only looked at.
const LINE_HYPHEN = /([\p{L}\p{N}]+)-[ ]*\n[ ]*(?=([\p{L}\p{N}]+)('|-)?)/gu

/** First parts that are whole words of compounds, never a syllable of a longer word. */
const COMPOUND_FIRST = new Set(['saint', 'sainte', 'saints', 'saintes', 'non'])
/** Second parts of compounds with a pronoun or an adverb: "lui-même", "celle-ci", "doit-il". */
const COMPOUND_SECOND = new Set(['meme', 'memes', 'ci', 'la', 'il', 'ils', 'elle', 'elles', 'on'])
/** Pairs: "ci-dessous", "au-delà", "peut-être", "vis-à-vis". */
const COMPOUND_PAIRS: Record<string, Set<string>> = {
  ci: new Set(['dessous', 'dessus', 'apres', 'joint', 'jointe', 'joints', 'jointes', 'contre', 'inclus', 'incluse', 'annexe', 'annexee']),
  au: new Set(['dela', 'dessus', 'dessous', 'devant']),
  la: new Set(['dessus', 'dessous', 'bas', 'haut']),
  peut: new Set(['etre']),
  bien: new Set(['etre']),
  vis: new Set(['a']),
  a: new Set(['dire', 'vis']),
}

function plain(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

const UPPER = /^\p{Lu}+$/u
const TITLE = /^\p{Lu}\p{Ll}+$/u
const DIGITS = /^\p{N}/u

/** Whether "before-after" is a compound whose hyphen stays. */
function compound(before: string, after: string, next: string | undefined, written: () => Set<string>): boolean {
  // "2113-\n13": article and code numbers keep their hyphen.
  if (DIGITS.test(before.slice(-1)) && DIGITS.test(after)) return true
  // "main-\nd'œuvre", "comporte-\nt-il", "Saint-Jean-\nde-Luz".
  if (next === "'" || next === '-') return true
  const b = plain(before)
  const a = plain(after)
  if (COMPOUND_FIRST.has(b) || COMPOUND_SECOND.has(a) || COMPOUND_PAIRS[b]?.has(a)) return true
  // A capital after the break starts a name: "Château-\nThierry", "Jean-\nPierre".
  if (TITLE.test(after) && /\p{L}$/u.test(before) && !UPPER.test(before)) return true
  return written().has(`${b}-${a}`)
}

/**
 * Whether two fragments are the halves of one word: lower case after the break ("inser-\ntion",
 * "Réser-\nvée"), or capitals on both sides ("RÉSER-\nVÉE").
 */
function halves(before: string, after: string): boolean {
  if (/^\p{Ll}/u.test(after)) return /\p{Ll}$/u.test(before)
  return UPPER.test(after) && UPPER.test(before)
}

/** Hyphenated compounds the text writes on one line ("éco-conception"), folded, built once when needed. */
function compoundsIn(text: string): Set<string> {
  const out = new Set<string>()
  for (const m of text.matchAll(/[\p{L}]+(?:-[\p{L}]+)+/gu)) {
    const parts = plain(m[0]).split('-')
    for (let i = 1; i < parts.length; i++) out.add(`${parts[i - 1]}-${parts[i]}`)
  }
  return out
}

/** The text with line-end hyphens resolved: words re-joined, compounds kept on one line. */
export function joinLineHyphens(text: string): string {
  const atLineEnd = text.includes('-\n') || /-[ ]+\n/.test(text)
  const inLine = text.includes('- ')
  if (!atLineEnd && !inLine) return text
  let written: Set<string> | undefined
  const known = () => (written ??= compoundsIn(text))
  let out = atLineEnd
    ? text.replace(LINE_HYPHEN, (match: string, before: string, after: string, next: string | undefined) => {
      if (compound(before, after, next, known)) return `${before}-`
      if (halves(before, after)) return before
      return match
    })
    : text
  if (inLine) out = joinInLineHyphens(out, known)
  return out
}

// A line-end hyphen whose line break the converter turned into a space: "per- sonnes",
// "d'inser- tion", "environne- mentale". Only a lower-case letter right before the hyphen and a
// lower-case word right after it: list dashes ("- des produits") have a space before, table cells
// and headings ("Prix- 40 %", "Lot 2- Voirie", "RÉSER- VÉE") a figure or a capital after.
const IN_LINE_HYPHEN = /(?<=\p{Ll})-[ ]+(?=\p{Ll})/gu
const WORD_BEFORE = /[\p{L}\p{N}]+$/u
const WORD_AFTER = /^(\p{L}+)('|-)?/u
// A suspended hyphen shares the second part of two compounds: "pré- et post-traitement",
// "socio- ou médico-professionnel", "court- à moyen terme". The word after is then a short
// function word, which no French word is split into; notices also quote other languages
// ("Liefer- und Dienstleistungen", "Berufshaft- oder Betriebshaftpflicht").
const SHARED_SECOND = new Set([
  'et', 'ou', 'a', 'au', 'aux', 'de', 'des', 'du', 'la', 'le', 'les', 'en', 'un', 'une', 'ni', 'sur', 'par', 'pour',
  'und', 'oder', 'bzw', 'sowie', 'and', 'or', 'to', 'e', 'y', 'o', 'i', 'lub', 'of',
])
// First parts whose compounds are written with their hyphen and whose second part is a word of its
// own ("socio- environnementale", "médico- social", "sous- traitance", "demi- journée"): re-joined,
// the second part would no longer start a word. Other prefixes ("éco-", "bio-") make compounds
// also written in one word ("écoconception", "biosourcé"), and are syllables of common words.
const IN_LINE_COMPOUND_FIRST = new Set(['socio', 'medico', 'sous', 'demi'])

function joinInLineHyphens(text: string, known: () => Set<string>): string {
  return text.replace(IN_LINE_HYPHEN, (match: string, at: number) => {
    const before = WORD_BEFORE.exec(text.slice(Math.max(0, at - 40), at))?.[0]
    const after = WORD_AFTER.exec(text.slice(at + match.length, at + match.length + 40))
    if (!before || !after || SHARED_SECOND.has(plain(after[1]!))) return match
    if (IN_LINE_COMPOUND_FIRST.has(plain(before)) || compound(before, after[1]!, after[2], known)) return '-'
    return halves(before, after[1]!) ? '' : match
  })
}
