// The rule base loader: reads rules/ (shared files and one YAML file per rule), validates
// everything with line numbers, compiles every pattern once and builds the prefilter.

import {createHash} from 'node:crypto'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {CLAUSE_CATEGORIES, isClauseCategory, type ClauseCategory} from '../core/model.js'
import {Prefilter} from './prefilter.js'
import {readCachedBase, writeCachedBase} from './rule-cache.js'
import {enumList, PatternReader, readExample, readRule, ruleKeywords, SEGMENT_ROLES} from './rule-file.js'
import type {BoilerplateList, CategoryCodes, NegationCues, Rule, RuleBase} from './types.js'
import {RuleBaseError, YamlSource, type RuleProblem} from './yaml-source.js'

/** Bumped when the engine's behaviour changes, so stored results are re-analysed like after a rule change. */
export const ENGINE_VERSION = 'engine-1'

const SHARED_FILES = ['patterns.yml', 'categories.yml', 'negation.yml', 'boilerplate.yml'] as const

/** The package's rules/ folder: two levels up from src/detect/ and from dist/detect/ alike. */
export function defaultRulesDir(): string {
  return fileURLToPath(new URL('../../rules/', import.meta.url))
}

function listYaml(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...listYaml(path))
    else if (/\.ya?ml$/.test(name)) out.push(path)
  }
  return out
}

/**
 * Load, validate and compile the rule base. Throws RuleBaseError listing every problem. The
 * compiled base of the same rule files is read from a cache when there is one (rule-cache.ts).
 */
export function loadRuleBase(dir: string = defaultRulesDir()): RuleBase {
  let files: string[]
  try {
    files = listYaml(dir)
  } catch (error) {
    throw new RuleBaseError([{file: dir, line: 1, col: 1, message: `cannot read the rules folder: ${(error as Error).message}`}])
  }
  const hash = createHash('sha256').update(ENGINE_VERSION)
  const texts = new Map<string, {path: string; text: string}>()
  for (const path of files) {
    const text = readFileSync(path, 'utf8')
    const rel = relative(dir, path).split(sep).join('/')
    hash.update(`\0${rel}\0${text}`)
    texts.set(rel, {path, text})
  }
  const fullHash = hash.digest('hex')
  const cached = readCachedBase(fullHash)
  if (cached) return {...cached.base, dir, prefilter: new Prefilter(cached.keywords)}
  const base = compileRuleBase(dir, texts, fullHash.slice(0, 16))
  const keywords = base.rules.map(ruleKeywords)
  const {prefilter: _prefilter, dir: _dir, ...stored} = base
  writeCachedBase(fullHash, {base: stored, keywords})
  return base
}

function compileRuleBase(dir: string, texts: Map<string, {path: string; text: string}>, hash: string): RuleBase {
  const problems: RuleProblem[] = []
  const display = (path: string) => join('rules', relative(dir, path)).split(sep).join('/')
  const sources = new Map<string, YamlSource>()
  for (const [rel, {path, text}] of texts) sources.set(rel, new YamlSource(display(path), text, problems))
  const shared = (name: string) => {
    const src = sources.get(name)
    if (!src) problems.push({file: `rules/${name}`, line: 1, col: 1, message: 'missing shared file'})
    return src?.root ? src : undefined
  }
  const named = readNamedPatterns(shared('patterns.yml'))
  const categories = readCategories(shared('categories.yml'))
  const negation = readNegation(shared('negation.yml'), named)
  const boilerplate = readBoilerplate(shared('boilerplate.yml'), named)
  const rules: Rule[] = []
  for (const [rel, src] of sources) {
    if ((SHARED_FILES as readonly string[]).includes(rel)) continue
    const parts = rel.replace(/\.ya?ml$/, '').split('/')
    if (parts.length !== 2) {
      problems.push({file: src.file, line: 1, col: 1, message: 'a rule file must be rules/<category>/<name>.yml'})
      continue
    }
    if (!src.root) continue
    const rule = readRule(new PatternReader(src, named), parts.join('/'))
    if (rule) rules.push(rule)
  }
  if (problems.length > 0) throw new RuleBaseError(problems)
  return {
    hash, dir, rules, named,
    categories: categories as Record<ClauseCategory, CategoryCodes>,
    negation: negation!, boilerplate,
    prefilter: new Prefilter(rules.map(ruleKeywords)),
  }
}

function readNamedPatterns(src: YamlSource | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  if (!src) return out
  const reader = new PatternReader(src, {})
  for (const [name, entry] of src.entries(src.root, null, 'rules/patterns.yml')) {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) src.problem(entry.keyNode, `list name "${name}" must be lower-case letters, digits and dashes`)
    out[name] = reader.patterns(entry.value, name).map((p) => p.source)
  }
  return out
}

function readCategories(src: YamlSource | undefined): Partial<Record<ClauseCategory, CategoryCodes>> {
  const out: Partial<Record<ClauseCategory, CategoryCodes>> = {}
  if (!src) return out
  const entries = src.entries(src.root, CLAUSE_CATEGORIES, 'rules/categories.yml')
  for (const category of CLAUSE_CATEGORIES) {
    const entry = entries.get(category)
    if (!entry) {
      src.problem(src.root, `missing category "${category}"`)
      continue
    }
    const e = src.entries(entry.value, ['label', 'decp', 'eforms', 'ocds'], category)
    const ocds = src.entries(e.get('ocds')?.value ?? null, ['goal', 'strategy'], `${category}.ocds`)
    out[category] = {
      label: src.string(e.get('label')?.value, `${category}.label`) ?? '',
      decp: src.string(e.get('decp')?.value, `${category}.decp`) ?? '',
      eforms: src.strings(e.get('eforms')?.value, `${category}.eforms`),
      ocds: {goal: src.string(ocds.get('goal')?.value, `${category}.ocds.goal`) ?? '', strategy: src.string(ocds.get('strategy')?.value, `${category}.ocds.strategy`) ?? ''},
    }
  }
  return out
}

function readNegation(src: YamlSource | undefined, named: Record<string, string[]>): NegationCues | undefined {
  if (!src) return undefined
  const reader = new PatternReader(src, named)
  const e = src.entries(src.root, ['before', 'before_window', 'after', 'after_window', 'cancel', 'empty', 'checked', 'unchecked'], 'rules/negation.yml')
  const get = (k: string) => e.get(k)?.value ?? null
  return {
    before: reader.patterns(get('before'), 'before'),
    beforeWindow: src.integer(get('before_window'), 'before_window', 1, 30) ?? 6,
    after: reader.patterns(get('after'), 'after'),
    afterWindow: src.integer(get('after_window'), 'after_window', 1, 30) ?? 6,
    cancel: reader.patterns(get('cancel'), 'cancel'),
    empty: reader.patterns(get('empty'), 'empty'),
    checked: src.strings(get('checked'), 'checked'),
    unchecked: src.strings(get('unchecked'), 'unchecked'),
  }
}

function readBoilerplate(src: YamlSource | undefined, named: Record<string, string[]>): BoilerplateList[] {
  if (!src) return []
  const reader = new PatternReader(src, named)
  const out: BoilerplateList[] = []
  for (const [name, entry] of src.entries(src.root, null, 'rules/boilerplate.yml')) {
    const e = src.entries(entry.value, ['description', 'patterns', 'unless', 'suppresses', 'roles', 'examples'], name)
    const suppresses: ClauseCategory[] = []
    for (const c of e.has('suppresses') ? src.strings(e.get('suppresses')!.value, `${name}.suppresses`) : []) {
      if (isClauseCategory(c)) suppresses.push(c)
      else src.problem(e.get('suppresses')!.value, `unknown category "${c}" in ${name}.suppresses`)
    }
    const examples = e.has('examples') ? src.list(e.get('examples')!.value, `${name}.examples`) : []
    if (examples.length === 0) src.problem(entry.value, `${name} needs examples: sentences it must recognise`)
    const roles = e.has('roles') ? enumList(src, e.get('roles')!.value, SEGMENT_ROLES, 'segment role') : []
    if (!e.has('patterns') && roles.length === 0) src.problem(entry.value, `${name} needs patterns (or roles, for a list that covers whole notice fields)`)
    out.push({
      name, suppresses, roles,
      description: src.string(e.get('description')?.value, `${name}.description`) ?? '',
      patterns: e.has('patterns') ? reader.patterns(e.get('patterns')!.value, `${name}.patterns`) : [],
      unless: e.has('unless') ? reader.patterns(e.get('unless')!.value, `${name}.unless`) : [],
      examples: examples.map((n) => readExample(src, n, `${name}.examples`)).filter((x) => x !== undefined),
    })
  }
  return out
}
