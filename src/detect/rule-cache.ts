// A cache of the compiled rule base. In a fresh process, parsing ~150 KB of rule YAML and checking
// every rule costs 300-500 ms of CPU (mostly the YAML library's cold start), most of what `check`
// spends before reading its first page. The compiled base is stored as JSON, keyed by the rule
// files' hash (their paths and contents, ENGINE_VERSION) and by the source of the loader itself
// (a change to how rules compile must not be hidden by an old cache), and read back in a few ms.
// Only a base that loaded without problems is stored; a cache file that cannot be read is ignored.
// CLAUSESCOPE_CACHE_DIR moves the cache; CLAUSESCOPE_RULE_CACHE=off turns it off.

import {createHash} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {homedir} from 'node:os'
import {basename, dirname, extname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Literal} from './patterns.js'
import type {RuleBase} from './types.js'

/** What is stored: the rule base without its prefilter (rebuilt from the keywords) and folder. */
export interface CachedBase {
  base: Omit<RuleBase, 'prefilter' | 'dir'>
  keywords: Literal[][]
}

const FORMAT = 'clausescope-rules-1'
const KEEP = 20

function cacheDir(): string | undefined {
  if (process.env.CLAUSESCOPE_RULE_CACHE === 'off') return undefined
  if (process.env.CLAUSESCOPE_CACHE_DIR) return process.env.CLAUSESCOPE_CACHE_DIR
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache')
  return join(base, 'clausescope')
}

// The modules that turn rule files into a compiled base: src/detect/*.ts under tsx and vitest,
// dist/detect/*.js when built. Their text is part of the key.
const LOADER = ['rules', 'rule-file', 'rule-cache', 'patterns', 'yaml-source', 'prefilter', 'types', '../text/normalize', '../text/stem', '../core/model']

let fingerprint: string | undefined
function loaderFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint
  const self = fileURLToPath(import.meta.url)
  const ext = extname(self)
  const hash = createHash('sha256').update(FORMAT)
  for (const m of LOADER) hash.update(`\0${m}\0`).update(readFileSync(join(dirname(self), `${m}${ext}`)))
  // French stems of `terms` come from natural's stemmer.
  const require = createRequire(import.meta.url)
  hash.update(readFileSync(require.resolve('natural/lib/natural/stemmers/porter_stemmer_fr.js')))
  return (fingerprint = hash.digest('hex'))
}

function fileFor(dir: string, rulesHash: string): string {
  const key = createHash('sha256').update(rulesHash).update(loaderFingerprint()).digest('hex').slice(0, 32)
  return join(dir, `rules-${key}.json`)
}

/** RegExps are stored as {"$re": source, "$flags": flags} and shared again on reading. */
function replacer(_key: string, value: unknown): unknown {
  return value instanceof RegExp ? {$re: value.source, $flags: value.flags} : value
}

function reviver(): (key: string, value: unknown) => unknown {
  const regexes = new Map<string, RegExp>()
  return (_key, value) => {
    if (value && typeof value === 'object' && '$re' in value && '$flags' in value) {
      const {$re, $flags} = value as {$re: string; $flags: string}
      const k = `${$flags}\0${$re}`
      let re = regexes.get(k)
      if (!re) regexes.set(k, (re = new RegExp($re, $flags)))
      return re
    }
    return value
  }
}

/** The cached compiled base for these rule files, if any (never throws). */
export function readCachedBase(rulesHash: string): CachedBase | undefined {
  try {
    const dir = cacheDir()
    if (!dir) return undefined
    const text = readFileSync(fileFor(dir, rulesHash), 'utf8')
    const stored = JSON.parse(text, reviver()) as {format: string; hash: string} & CachedBase
    if (stored.format !== FORMAT || stored.hash !== rulesHash || stored.base?.hash !== rulesHash.slice(0, 16)) return undefined
    return {base: stored.base, keywords: stored.keywords}
  } catch {
    return undefined
  }
}

/** Store a compiled base (best effort: a read-only home only costs the next start-up its parse). */
export function writeCachedBase(rulesHash: string, cached: CachedBase): void {
  try {
    const dir = cacheDir()
    if (!dir) return
    mkdirSync(dir, {recursive: true})
    const file = fileFor(dir, rulesHash)
    const tmp = `${file}.${process.pid}.tmp`
    writeFileSync(tmp, JSON.stringify({format: FORMAT, hash: rulesHash, ...cached}, replacer))
    renameSync(tmp, file)
    prune(dir, basename(file))
  } catch {
    // no cache this time
  }
}

/** Keep the most recent cache files: every edit of a rule file makes a new one. */
function prune(dir: string, current: string): void {
  const files = readdirSync(dir).filter((f) => /^rules-[0-9a-f]+\.json$/.test(f) && f !== current)
    .map((f) => ({f, t: statSync(join(dir, f)).mtimeMs})).sort((a, b) => b.t - a.t)
  for (const {f} of files.slice(KEEP - 1)) {
    try {
      unlinkSync(join(dir, f))
    } catch {
      // removed by another process
    }
  }
}
