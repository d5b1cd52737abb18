// One scan of a document's folded text for both questions the matcher asks of literal words: which
// rules' keywords occur in a sentence (the prefilter) and which anchor patterns' literal words occur
// in it (the AnchorTable). Nearly all the words (a few hundred) can only occur at a word start: a
// regex tried only at word starts (`\b`) for them, and everywhere for the few others, finds the
// positions where some word occurs; the words there are then read from a trie in typed arrays. One
// regex of every word tried at every position cost a fifth of detect(); a character loop in
// JavaScript is no faster than the regex engine.
//
// The prefilter's answer is derived exactly as its regex `\b(word-start keywords)|(other keywords)`
// gave it: at a word boundary the longest word-start keyword wins, elsewhere the longest other
// keyword; that keyword and the keywords it starts with are reported.

import type {Literal} from './patterns.js'
import {buildTrie, trieRegex} from './prefilter.js'

interface Word {
  length: number
  /** A prefilter keyword, and whether it only occurs at word starts (in every pattern it comes from). */
  keyword: boolean
  wordStartOnly: boolean
  rules: number[]
  anchors: number[]
}

/** `\w` of a regular expression: the characters of a word boundary. */
const WORD_CHAR = new Uint8Array(128)
for (let c = 0; c < 128; c++) WORD_CHAR[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 ? 1 : 0
const isWordChar = (c: number) => c < 128 && WORD_CHAR[c] === 1

/**
 * A trie over UTF-16 code units in typed arrays: `next[node * width + klass[c]]` is the child of
 * `node` by code unit c (-1: none; class 0 is "no word has this character"), `word[node]` the
 * number of the word ending there (-1: none).
 */
class Trie {
  private readonly klass = new Uint8Array(0x10000)
  private readonly width: number
  private readonly next: Int32Array
  readonly word: Int32Array

  constructor(words: readonly string[]) {
    const chars = new Set<number>()
    for (const w of words) for (let i = 0; i < w.length; i++) chars.add(w.charCodeAt(i))
    if (chars.size > 254) throw new Error(`the rule base's keywords use ${chars.size} distinct characters (at most 254)`)
    let k = 1
    for (const c of [...chars].sort((a, b) => a - b)) this.klass[c] = k++
    this.width = k
    // Nodes are numbered as they are created; at most one per character of the words, plus the root.
    const capacity = 1 + words.reduce((n, w) => n + w.length, 0)
    const next = new Int32Array(capacity * this.width).fill(-1)
    const word = new Int32Array(capacity).fill(-1)
    let nodes = 1
    words.forEach((w, index) => {
      let node = 0
      for (let i = 0; i < w.length; i++) {
        const slot = node * this.width + this.klass[w.charCodeAt(i)]!
        if (next[slot] === -1) next[slot] = nodes++
        node = next[slot]!
      }
      word[node] = index
    })
    this.next = next.slice(0, nodes * this.width)
    this.word = word.slice(0, nodes)
  }

  /** The numbers of the words occurring at `p` in `text`, shortest first, into `out`; their count. */
  walk(text: string, p: number, out: Int32Array): number {
    const {klass, next, width, word} = this
    let node = 0
    let n = 0
    for (let i = p; i < text.length; i++) {
      const k = klass[text.charCodeAt(i)]!
      if (k === 0) break
      node = next[node * width + k]!
      if (node === -1) break
      const w = word[node]!
      if (w !== -1) out[n++] = w
    }
    return n
  }
}

export class DocumentScan {
  private readonly words: Word[] = []
  private readonly trie: Trie | null
  /** Matches where some word occurs: at a word start, any word; elsewhere, a word that may occur inside a word. */
  private readonly locator: RegExp | null
  private readonly found: Int32Array

  constructor(keywordsByRule: ReadonlyArray<readonly Literal[]>, anchorLiterals: ReadonlyArray<readonly string[]>) {
    const index = new Map<string, number>()
    const texts: string[] = []
    const word = (text: string) => {
      let i = index.get(text)
      if (i === undefined) {
        index.set(text, (i = texts.length))
        texts.push(text)
        this.words.push({length: text.length, keyword: false, wordStartOnly: true, rules: [], anchors: []})
      }
      return this.words[i]!
    }
    keywordsByRule.forEach((keywords, rule) => {
      for (const k of keywords) {
        const w = word(k.text)
        w.keyword = true
        if (!k.wordStart) w.wordStartOnly = false
        if (!w.rules.includes(rule)) w.rules.push(rule)
      }
    })
    anchorLiterals.forEach((lits, id) => {
      for (const l of lits) {
        const w = word(l)
        if (!w.anchors.includes(id)) w.anchors.push(id)
      }
    })
    // An anchor literal that is no keyword is looked for everywhere (no word-start analysis of it).
    for (const w of this.words) if (!w.keyword && w.anchors.length > 0) w.wordStartOnly = false
    this.trie = texts.length > 0 ? new Trie(texts) : null
    const inside = texts.filter((_, i) => !this.words[i]!.wordStartOnly)
    const parts: string[] = []
    // Empty matches (lookaheads): the position is all the scan needs, and test() builds no match array.
    if (texts.length > 0) parts.push(`\\b(?=${trieRegex(buildTrie(shortest(texts)))})`)
    if (inside.length > 0) parts.push(`(?=${trieRegex(buildTrie(shortest(inside)))})`)
    this.locator = parts.length > 0 ? new RegExp(parts.join('|'), 'g') : null
    this.found = new Int32Array(Math.max(1, ...texts.map((t) => t.length)) + 1)
  }

  /**
   * Per sentence of the folded document (sentence i is `text[starts[i]..ends[i])`):
   * `candidates`, [sentence index, indexes of the rules whose keywords the prefilter finds in it
   * (each once)] in sentence order, and `anchorIds[anchorsFrom[i]..anchorsFrom[i + 1])`, the
   * anchor patterns one of whose literal words lies within sentence i (where that word can occur
   * in a match: at a word start for a word-start word). A keyword is the sentence's when it starts in it.
   */
  sentences(text: string, starts: readonly number[], ends: readonly number[], ruleCount: number): SentenceWords {
    const count = starts.length
    const candidates: Array<[number, number[]]> = []
    // seen[r] is 1 + the last sentence rule r was listed for.
    const seen = new Int32Array(ruleCount)
    const anchorIds: number[] = []
    const anchorsFrom = new Int32Array(count + 1)
    const out = {candidates, anchorIds, anchorsFrom}
    const trie = this.trie
    const re = this.locator
    if (!trie || !re) return out
    const found = this.found
    const words = this.words
    let filled = 0 // anchorsFrom[0..filled] are set
    let seg = 0
    let listSeg = -1
    let list: number[] = []
    re.lastIndex = 0
    while (re.test(text)) {
      const p = re.lastIndex
      re.lastIndex = p + 1
      // Every word starts with a word character: `\b` before one is a word start.
      const atWordStart = p === 0 || !isWordChar(text.charCodeAt(p - 1))
      const n = trie.walk(text, p, found)
      while (seg < count && ends[seg]! <= p) seg++
      // Sentences before this one are complete: their anchor lists end here.
      while (filled < seg) anchorsFrom[++filled] = anchorIds.length
      if (seg >= count) break
      if (p < starts[seg]!) continue
      // The prefilter's regex: `\b(word-start keywords)|(other keywords)`, each trie greedy.
      let chosen = -1
      if (atWordStart) {
        for (let j = 0; j < n; j++) {
          const w = words[found[j]!]!
          if (w.keyword && w.wordStartOnly) chosen = w.length
        }
      }
      if (chosen < 0) for (let j = 0; j < n; j++) {
        const w = words[found[j]!]!
        if (w.keyword && !w.wordStartOnly) chosen = w.length
      }
      const end = ends[seg]!
      for (let j = 0; j < n; j++) {
        const w = words[found[j]!]!
        if (w.keyword && w.length <= chosen) {
          if (listSeg !== seg) {
            listSeg = seg
            candidates.push([seg, (list = [])])
          }
          for (const r of w.rules) {
            if (seen[r] === seg + 1) continue
            seen[r] = seg + 1
            list.push(r)
          }
        }
        if (p + w.length > end) continue
        if (w.anchors.length > 0 && (atWordStart || !w.wordStartOnly)) for (const id of w.anchors) anchorIds.push(id)
      }
    }
    while (filled < count) anchorsFrom[++filled] = anchorIds.length
    return out
  }
}

/** The words that no shorter word of the list starts (a regex of them matches wherever one of the list starts). */
function shortest(words: readonly string[]): string[] {
  const set = new Set(words)
  return words.filter((w) => {
    for (let len = 1; len < w.length; len++) if (set.has(w.slice(0, len))) return false
    return true
  })
}

export interface SentenceWords {
  candidates: Array<[number, number[]]>
  anchorIds: number[]
  anchorsFrom: Int32Array
}
