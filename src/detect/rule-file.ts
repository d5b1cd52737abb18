// One rule file (rules/<category>/<name>.yml) read, checked and compiled. Every mistake is
// reported with its line; the rule is dropped when it has any.

import {CLAUSE_CATEGORIES, isClauseCategory, type DocumentKind, type SegmentRole} from '../core/model.js'
import {compileRegex, compileTerm, foldPattern, requiredLiterals, type Literal, type Term} from './patterns.js'
import {QUANTITY_KINDS, type Context, type Pattern, type QuantityKind, type Rule, type RuleExample} from './types.js'
import {isMap, isScalar, type Node, type YamlSource} from './yaml-source.js'

const RULE_KEYS = ['id', 'category', 'legal', 'description', 'match', 'where', 'where_not', 'quantities', 'negation', 'boilerplate', 'unless_found', 'examples'] as const
const MATCH_KEYS = ['any', 'terms', 'all', 'require', 'not', 'window'] as const
const CONTEXT_KEYS = ['kind', 'role', 'section', 'field', 'text', 'lead'] as const
const EXAMPLE_KEYS = ['text', 'kind', 'role', 'section', 'field', 'quantities'] as const
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['RC', 'CCAP', 'CCTP', 'AE', 'notice', 'other']
export const SEGMENT_ROLES: readonly SegmentRole[] = [
  'title', 'description', 'award-criterion', 'execution-condition', 'technical-specification', 'reservation', 'selection', 'other',
]

/** Reads pattern lists, expanding `@name` references to the named lists of rules/patterns.yml. */
export class PatternReader {
  constructor(readonly src: YamlSource, private readonly named: Record<string, string[]>) {}

  /** `wordStart`: the patterns only match from the start of a word (as the prefilter assumes for match.any). */
  patterns(node: Node | null, what: string, wordStart = false): Pattern[] {
    const out: Pattern[] = []
    const items = isScalar(node) ? [node] : this.src.list(node, what)
    for (const item of items) {
      const source = this.src.string(item, `each pattern of ${what}`)
      if (source === undefined) continue
      const sources = source.startsWith('@') ? this.named[source.slice(1)] : [source]
      if (!sources) {
        this.src.problem(item, `unknown pattern list "${source}" in ${what}; known lists (rules/patterns.yml): ${Object.keys(this.named).map((n) => '@' + n).join(', ')}`)
        continue
      }
      for (const s of sources) {
        const plain = compileRegex(s)
        const regex = typeof plain === 'string' || !wordStart ? plain : compileRegex(`(?<![a-z0-9])(?:${s})`)
        if (typeof regex === 'string') this.src.problem(item, `bad regular expression "${s}" in ${what}: ${regex.replace(/^\/.*\/\w*: /, '')}`)
        else if (matchesEmpty(regex)) this.src.problem(item, `the pattern "${s}" in ${what} matches an empty text`)
        else out.push(source.startsWith('@') ? {source: s, regex, list: source.slice(1)} : {source: s, regex})
      }
    }
    return out
  }
}

// Compiled patterns are shared (compileRegex): each is tried on the empty text once.
const emptyMatch = new WeakMap<RegExp, boolean>()
function matchesEmpty(regex: RegExp): boolean {
  let empty = emptyMatch.get(regex)
  if (empty === undefined) {
    regex.lastIndex = 0
    emptyMatch.set(regex, (empty = regex.test('')))
  }
  return empty
}

export function enumList<T extends string>(src: YamlSource, node: Node | null, allowed: readonly T[], what: string): T[] {
  const out: T[] = []
  for (const v of src.strings(node, what)) {
    if ((allowed as readonly string[]).includes(v)) out.push(v as T)
    else src.problem(node, `unknown ${what} "${v}"; expected one of: ${allowed.join(', ')}`)
  }
  return out
}

function readContexts(reader: PatternReader, node: Node | null, what: string): Context[] {
  const src = reader.src
  const items = isMap(node) ? [node] : src.list(node, what)
  return items.map((item) => {
    const e = src.entries(item, CONTEXT_KEYS, what)
    const c: Context = {}
    if (e.has('kind')) c.kinds = enumList(src, e.get('kind')!.value, DOCUMENT_KINDS, 'document kind')
    if (e.has('role')) c.roles = enumList(src, e.get('role')!.value, SEGMENT_ROLES, 'segment role')
    if (e.has('section')) c.sections = reader.patterns(e.get('section')!.value, `${what}.section`)
    if (e.has('field')) c.fields = reader.patterns(e.get('field')!.value, `${what}.field`)
    if (e.has('text')) c.text = reader.patterns(e.get('text')!.value, `${what}.text`)
    if (e.has('lead')) c.lead = reader.patterns(e.get('lead')!.value, `${what}.lead`)
    if (e.size === 0) src.problem(item, `${what}: an alternative needs at least one of ${CONTEXT_KEYS.join(', ')}`)
    return c
  })
}

export function readExample(src: YamlSource, node: Node, what: string): RuleExample | undefined {
  const line = src.line(node)
  if (isScalar(node)) {
    const text = src.string(node, what)
    return text === undefined ? undefined : {text, line}
  }
  const e = src.entries(node, EXAMPLE_KEYS, what)
  const text = src.string(e.get('text')?.value ?? node, `${what}.text`)
  if (text === undefined) return undefined
  const ex: RuleExample = {text, line}
  if (e.has('kind')) ex.kind = enumList(src, e.get('kind')!.value, DOCUMENT_KINDS, 'document kind')[0]
  if (e.has('role')) ex.role = enumList(src, e.get('role')!.value, SEGMENT_ROLES, 'segment role')[0]
  if (e.has('section')) ex.section = src.strings(e.get('section')!.value, `${what}.section`)
  if (e.has('field')) ex.field = src.string(e.get('field')!.value, `${what}.field`)
  if (e.has('quantities')) {
    const q = src.entries(e.get('quantities')!.value, QUANTITY_KINDS, `${what}.quantities`)
    ex.quantities = {}
    for (const [k, entry] of q) {
      const v = isScalar(entry.value) && typeof entry.value.value === 'number' ? entry.value.value : undefined
      if (v === undefined) src.problem(entry.value, `${what}.quantities.${k} must be a number`)
      else ex.quantities[k as QuantityKind] = v
    }
  }
  return ex
}

function readExamples(src: YamlSource, node: Node | null, key: 'match' | 'nomatch'): RuleExample[] {
  const items = src.list(node, `examples.${key}`)
  if (items.length === 0) src.problem(node, `examples.${key} needs at least one example`)
  return items.map((n) => readExample(src, n, `examples.${key}`)).filter((x): x is RuleExample => x !== undefined)
}

/** Read one rule; `expectedId` is "<category>/<name>" from the file's path. */
export function readRule(reader: PatternReader, expectedId: string): Rule | undefined {
  const src = reader.src
  const before = src.problems.length
  const e = src.entries(src.root, RULE_KEYS, 'a rule')
  const need = (k: (typeof RULE_KEYS)[number]) => {
    const v = e.get(k)
    if (!v) src.problem(src.root, `missing key "${k}"`)
    return v?.value ?? null
  }
  const id = src.string(need('id'), 'id')
  if (id !== undefined && id !== expectedId) src.problem(e.get('id')!.value, `id "${id}" does not match the file's path: expected "${expectedId}"`)
  const category = src.string(need('category'), 'category')
  if (category !== undefined && !isClauseCategory(category)) {
    src.problem(e.get('category')!.value, `unknown category "${category}"; expected one of: ${CLAUSE_CATEGORIES.join(', ')}`)
  } else if (category !== undefined && !expectedId.startsWith(category + '/')) {
    src.problem(e.get('category')!.value, `category "${category}" does not match the rule's folder "${expectedId.split('/')[0]}"`)
  }
  const legal = src.strings(need('legal'), 'legal')
  const description = src.string(need('description'), 'description')
  const m = src.entries(need('match'), MATCH_KEYS, 'match')
  const any = m.has('any') ? reader.patterns(m.get('any')!.value, 'match.any', true) : []
  const terms: Term[] = []
  for (const t of m.has('terms') ? src.strings(m.get('terms')!.value, 'match.terms') : []) {
    const term = compileTerm(t)
    if (!term || term.keyword.length < 3) src.problem(m.get('terms')!.value, `the term "${t}" needs a word of at least 4 letters`)
    else terms.push(term)
  }
  if (isMap(e.get('match')?.value) && !m.has('any') && !m.has('terms')) src.problem(e.get('match')!.value, 'match needs "any" (patterns) or "terms" (words)')
  for (const p of any) {
    const lits = requiredLiterals(foldPattern(p.source))
    if (!lits) src.problem(m.get('any')!.value, `the pattern "${p.source}" in match.any needs a literal word of at least 3 letters (used to index rules)`)
  }
  const ex = src.entries(need('examples'), ['match', 'nomatch'], 'examples')
  const rule: Rule = {
    id: id ?? expectedId, category: (category ?? 'insertion-clause') as Rule['category'], legal, description: description ?? '',
    file: src.file, any, terms,
    all: m.has('all') ? reader.patterns(m.get('all')!.value, 'match.all') : [],
    require: m.has('require') ? reader.patterns(m.get('require')!.value, 'match.require') : [],
    not: m.has('not') ? reader.patterns(m.get('not')!.value, 'match.not') : [],
    where: e.has('where') ? readContexts(reader, e.get('where')!.value, 'where') : [],
    whereNot: e.has('where_not') ? readContexts(reader, e.get('where_not')!.value, 'where_not') : [],
    quantities: e.has('quantities') ? enumList(src, e.get('quantities')!.value, QUANTITY_KINDS, 'quantity') : [],
    negation: e.has('negation') ? src.boolean(e.get('negation')!.value, 'negation') ?? true : true,
    boilerplate: e.has('boilerplate') ? src.boolean(e.get('boilerplate')!.value, 'boilerplate') ?? true : true,
    unlessFound: e.has('unless_found') ? enumList(src, e.get('unless_found')!.value, CLAUSE_CATEGORIES, 'category') : [],
    examples: {
      match: ex.has('match') ? readExamples(src, ex.get('match')!.value, 'match') : [],
      nomatch: ex.has('nomatch') ? readExamples(src, ex.get('nomatch')!.value, 'nomatch') : [],
    },
  }
  if (!ex.has('match') && isMap(e.get('examples')?.value)) src.problem(e.get('examples')!.value, 'examples need a "match" list')
  if (!ex.has('nomatch') && isMap(e.get('examples')?.value)) src.problem(e.get('examples')!.value, 'examples need a "nomatch" list')
  if (m.has('window')) {
    const w = src.integer(m.get('window')!.value, 'match.window', 1, 200)
    if (w !== undefined) rule.window = w
  }
  return src.problems.length === before ? rule : undefined
}

/** The prefilter keywords of a rule: the literals of its `any` patterns and its terms' stems. */
export function ruleKeywords(rule: Rule): Literal[] {
  const out = new Map<string, Literal>()
  const add = (l: Literal) => out.set(l.text, {text: l.text, wordStart: l.wordStart && (out.get(l.text)?.wordStart ?? true)})
  for (const p of rule.any) for (const l of requiredLiterals(foldPattern(p.source)) ?? []) add(l)
  for (const t of rule.terms) add({text: t.keyword, wordStart: true})
  return [...out.values()]
}
