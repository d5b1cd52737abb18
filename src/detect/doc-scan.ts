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
   * In text order: `rules(position, ruleIndexes)` as the prefilter's scan reports them, and
   * `anchors(position, length, anchorIds)` for every anchor literal occurrence.
   */
  scan(text: string, rules: (position: number, list: readonly number[]) => void, anchors: (position: number, length: number, ids: readonly number[]) => void): void {
    const re = this.regex
    if (!re) return
    re.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = re.exec(text))) {
      const p = m.index
      const chain = this.chains.get(m[0])!
      // The prefilter's regex: `\b(word-start keywords)|(other keywords)`, each trie greedy.
      let chosen = -1
      if (this.anyWordStart && isWordChar(p > 0 ? text.charCodeAt(p - 1) : 32) !== isWordChar(text.charCodeAt(p))) {
        for (const w of chain) if (w.wordStartOnly) chosen = w.length
      }
      if (chosen < 0) for (const w of chain) if (w.keyword && !w.wordStartOnly) chosen = w.length
      for (const w of chain) {
        if (w.keyword && w.length <= chosen) rules(p, w.rules)
        if (w.anchors.length > 0) anchors(p, w.length, w.anchors)
      }
      re.lastIndex = p + 1
    }
  }
}
