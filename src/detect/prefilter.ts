// The prefilter: every rule's keywords (the literal words its anchors cannot match without); only
// the (sentence, rule) pairs they point at run their full conditions, so the cost is linear in the
// text and nearly independent of the number of rules. The matcher finds them with its document scan
// (doc-scan.ts); `scan()` states the same answer with one regex of the keywords' trie, built on
// first use, so that loading a rule base builds nothing it does not need.

import {escapeRegex, type Literal} from './patterns.js'

interface TrieNode {
  children: Map<string, TrieNode>
  end: boolean
}

export function trieRegex(node: TrieNode): string {
  const branches: string[] = []
  // Branches start with different characters, so at most one can match at a step: their order
  // does not change what matches (sorted only to give the same regex for the same keywords;
  // code-unit order, as locale order costs tens of ms when a rule base is loaded).
  for (const [ch, child] of [...node.children].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    branches.push(escapeRegex(ch) + trieRegex(child))
  }
  if (branches.length === 0) return ''
  const alt = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`
  return node.end ? `(?:${alt})?` : alt
}

export function buildTrie(keywords: string[]): TrieNode {
  const root: TrieNode = {children: new Map(), end: false}
  for (const k of keywords) {
    let node = root
    for (const ch of k) {
      let child = node.children.get(ch)
      if (!child) node.children.set(ch, (child = {children: new Map(), end: false}))
      node = child
    }
    node.end = true
  }
  return root
}

export class Prefilter {
  /** Built on the first scan(): the matcher reads the keywords through its own document scan (doc-scan.ts). */
  private built: {regex: RegExp | null; prefixRules: Map<string, Array<readonly number[]>>} | undefined

  /** The keywords it was built from, per rule (the matcher's document scan reuses them). */
  constructor(readonly keywordsByRule: ReadonlyArray<readonly Literal[]>) {}

  private build(): NonNullable<Prefilter['built']> {
    /** Rule indexes per keyword. */
    const rulesOf = new Map<string, number[]>()
    const wordStart = new Set<string>()
    const anywhere = new Set<string>()
    this.keywordsByRule.forEach((keywords, rule) => {
      for (const k of keywords) {
        const list = rulesOf.get(k.text)
        if (list) {
          if (!list.includes(rule)) list.push(rule)
        } else rulesOf.set(k.text, [rule])
        ;(k.wordStart ? wordStart : anywhere).add(k.text)
      }
    })
    for (const k of anywhere) wordStart.delete(k)
    // Keywords that start a word are only tried at word starts (\b): most positions fail at once.
    const parts: string[] = []
    if (wordStart.size > 0) parts.push(`\\b${trieRegex(buildTrie([...wordStart]))}`)
    if (anywhere.size > 0) parts.push(trieRegex(buildTrie([...anywhere])))
    // Per keyword, the rule lists of it and of every keyword it starts with, shortest first.
    const prefixRules = new Map<string, Array<readonly number[]>>()
    for (const k of rulesOf.keys()) {
      const lists: Array<readonly number[]> = []
      for (let len = 1; len <= k.length; len++) {
        const rules = rulesOf.get(k.slice(0, len))
        if (rules) lists.push(rules)
      }
      prefixRules.set(k, lists)
    }
    return {regex: parts.length > 0 ? new RegExp(parts.join('|'), 'g') : null, prefixRules}
  }

  /**
   * Calls `hit(position, rules)` for every keyword occurrence, in text order. Keywords that are
   * prefixes of the longest match at a position, or that start inside it, are reported too.
   */
  scan(text: string, hit: (position: number, rules: readonly number[]) => void): void {
    const {regex: re, prefixRules} = (this.built ??= this.build())
    if (!re) return
    re.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = re.exec(text))) {
      // A match is always a whole keyword (the trie ends at keyword ends): its prefixes are known.
      for (const rules of prefixRules.get(m[0])!) hit(m.index, rules)
      re.lastIndex = m.index + 1
    }
  }
}
