// The prefilter: one regex, built as a trie of every rule's keywords, scans a document's folded
// text once; only the (sentence, rule) pairs it points at run their full conditions. The cost is
// linear in the text and nearly independent of the number of rules.

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
  private readonly regex: RegExp | null
  /** Rule indexes per keyword. */
  private readonly rulesOf = new Map<string, number[]>()
  /** Per keyword, the rule lists of it and of every keyword it starts with, shortest first. */
  private readonly prefixRules = new Map<string, Array<readonly number[]>>()

  /** The keywords it was built from, per rule (the matcher's document scan reuses them). */
  constructor(readonly keywordsByRule: ReadonlyArray<readonly Literal[]>) {
    const wordStart = new Set<string>()
    const anywhere = new Set<string>()
    keywordsByRule.forEach((keywords, rule) => {
      for (const k of keywords) {
        const list = this.rulesOf.get(k.text)
        if (list) {
          if (!list.includes(rule)) list.push(rule)
        } else this.rulesOf.set(k.text, [rule])
        ;(k.wordStart ? wordStart : anywhere).add(k.text)
      }
    })
    for (const k of anywhere) wordStart.delete(k)
    // Keywords that start a word are only tried at word starts (\b): most positions fail at once.
    const parts: string[] = []
    if (wordStart.size > 0) parts.push(`\\b${trieRegex(buildTrie([...wordStart]))}`)
    if (anywhere.size > 0) parts.push(trieRegex(buildTrie([...anywhere])))
    this.regex = parts.length > 0 ? new RegExp(parts.join('|'), 'g') : null
    for (const k of this.rulesOf.keys()) this.prefixRules.set(k, this.prefixesOf(k))
  }

  private prefixesOf(found: string): Array<readonly number[]> {
    const out: Array<readonly number[]> = []
    for (let len = 1; len <= found.length; len++) {
      const rules = this.rulesOf.get(found.slice(0, len))
      if (rules) out.push(rules)
    }
    return out
  }

  /**
   * Calls `hit(position, rules)` for every keyword occurrence, in text order. Keywords that are
   * prefixes of the longest match at a position, or that start inside it, are reported too.
   */
  scan(text: string, hit: (position: number, rules: readonly number[]) => void): void {
    if (!this.regex) return
    const re = this.regex
    re.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = re.exec(text))) {
      // A match is always a whole keyword (the trie ends at keyword ends): its prefixes are known.
      const lists = this.prefixRules.get(m[0]) ?? this.prefixesOf(m[0])
      for (const rules of lists) hit(m.index, rules)
      re.lastIndex = m.index + 1
    }
  }
}
