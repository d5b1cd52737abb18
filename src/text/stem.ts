// French stems (natural's Porter stemmer, deep-imported: the package root loads ~1,200 modules
// and reads ./.env, see STACK.md P4), folded so that they compare like the matching text.

import {createRequire} from 'node:module'
import {fold} from './normalize.js'

interface Stemmer {
  stem(word: string): string
}

let stemmer: Stemmer | undefined
const cache = new Map<string, string>()

function load(): Stemmer {
  if (!stemmer) {
    const require = createRequire(import.meta.url)
    stemmer = require('natural/lib/natural/stemmers/porter_stemmer_fr.js') as Stemmer
  }
  return stemmer
}

/**
 * Folded French stem of one word. Stem the word as written, accents included: the Porter
 * stemmer's suffixes are accented ("réservée" -> "réserv", but "reservee" -> "reserve").
 */
export function frenchStem(word: string): string {
  let s = cache.get(word)
  if (s === undefined) {
    s = fold(load().stem(word.toLowerCase()))
    if (cache.size > 50_000) cache.clear()
    cache.set(word, s)
  }
  return s
}

/** Two words share a stem: equal stems, or one a prefix of the other by at most two letters (unaccented spellings). */
export function sameStem(a: string, b: string): boolean {
  if (a === b) return true
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return short.length >= 4 && long.length - short.length <= 2 && long.startsWith(short)
}
