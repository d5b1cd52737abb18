// One scan of a document's folded text for both questions the matcher asks of literal words: which
// rules' keywords occur in a sentence (the prefilter) and which anchor patterns' literal words occur
// in it (the AnchorTable). Both word lists were scanned separately before (the document once, then
// each candidate sentence again); one trie of all the words finds, at every position, every word
// occurring there, and the prefilter's own answer is derived from that set exactly as its regex
// would have given it (word-start keywords tried first at a word boundary, then the others; the
// longest such keyword and the keywords it starts with reported).

import type {Literal} from './patterns.js'
import {buildTrie, trieRegex} from './prefilter.js'

interface Word {
  length: number
  /** A prefilter keyword, and whether the prefilter only looks for it at word starts. */
  keyword: boolean
  wordStartOnly: boolean
  rules: number[]
  anchors: number[]
}

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95

export class DocumentScan {
  private readonly regex: RegExp | null
  private readonly words = new Map<string, Word>()
  /** Per word, the words it starts with (itself included), shortest first. */
  private readonly chains = new Map<string, Word[]>()
  private readonly anyWordStart: boolean

  constructor(keywordsByRule: ReadonlyArray<readonly Literal[]>, anchorLiterals: ReadonlyArray<readonly string[]>) {
    const word = (text: string) => {
      let w = this.words.get(text)
      if (!w) this.words.set(text, (w = {length: text.length, keyword: false, wordStartOnly: true, rules: [], anchors: []}))
      return w
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
    let anyWordStart = false
    for (const w of this.words.values()) {
      if (!w.keyword) w.wordStartOnly = false
      else if (w.wordStartOnly) anyWordStart = true
    }
    this.anyWordStart = anyWordStart
    this.regex = this.words.size > 0 ? new RegExp(trieRegex(buildTrie([...this.words.keys()])), 'g') : null
    for (const text of this.words.keys()) {
      const chain: Word[] = []
      for (let len = 1; len <= text.length; len++) {
        const w = this.words.get(text.slice(0, len))
        if (w) chain.push(w)
      }
      this.chains.set(text, chain)
    }
  }

  /**
   * Per sentence of the folded document (sentence i is `text[starts[i]..ends[i])`):
   * `candidates`, [sentence index, indexes of the rules whose keywords the prefilter finds in it
   * (each once)] in sentence order, and `anchorIds[anchorsFrom[i]..anchorsFrom[i + 1])`, the
   * anchor patterns one of whose literal words lies within sentence i. A keyword is the sentence's
   * when it starts in it; an anchor literal when it lies wholly in it.
   */
  sentences(text: string, starts: readonly number[], ends: readonly number[], ruleCount: number): SentenceWords {
    const count = starts.length
    const candidates: Array<[number, number[]]> = []
    // seen[r] is 1 + the last sentence rule r was listed for.
    const seen = new Int32Array(ruleCount)
    const anchorIds: number[] = []
    const anchorsFrom = new Int32Array(count + 1)
    const re = this.regex
    if (!re) return {candidates, anchorIds, anchorsFrom}
    let filled = 0 // anchorsFrom[0..filled] are set
    let seg = 0
    let listSeg = -1
    let list: number[] = []
    re.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = re.exec(text))) {
      const p = m.index
      re.lastIndex = p + 1
      while (seg < count && ends[seg]! <= p) seg++
      // Sentences before this one are complete: their anchor lists end here.
      while (filled < seg) anchorsFrom[++filled] = anchorIds.length
      if (seg >= count) break
      if (p < starts[seg]!) continue
      const chain = this.chains.get(m[0])!
      // The prefilter's regex: `\b(word-start keywords)|(other keywords)`, each trie greedy.
      let chosen = -1
      if (this.anyWordStart && isWordChar(p > 0 ? text.charCodeAt(p - 1) : 32) !== isWordChar(text.charCodeAt(p))) {
        for (const w of chain) if (w.wordStartOnly) chosen = w.length
      }
      if (chosen < 0) for (const w of chain) if (w.keyword && !w.wordStartOnly) chosen = w.length
      const end = ends[seg]!
      for (const w of chain) {
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
        if (w.anchors.length > 0 && p + w.length <= end) for (const id of w.anchors) anchorIds.push(id)
      }
    }
    while (filled < count) anchorsFrom[++filled] = anchorIds.length
    return {candidates, anchorIds, anchorsFrom}
  }
}

export interface SentenceWords {
  candidates: Array<[number, number[]]>
  anchorIds: number[]
  anchorsFrom: Int32Array
}
