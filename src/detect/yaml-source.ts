// Reading rule-base YAML with positions, so that every mistake in a rule file is reported as
// `rules/x.yml:12:5: unknown key "tokenz"`: the person fixing it never has to read TypeScript.

import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair} from 'yaml'
import {ClausescopeError} from '../core/errors.js'

export interface RuleProblem {
  file: string
  line: number
  col: number
  message: string
}

export function formatProblem(p: RuleProblem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`
}

/** The rule base cannot be loaded; `problems` lists every mistake found, not just the first. */
export class RuleBaseError extends ClausescopeError {
  readonly problems: RuleProblem[]

  constructor(problems: RuleProblem[]) {
    const shown = problems.slice(0, 50).map(formatProblem)
    if (problems.length > 50) shown.push(`... and ${problems.length - 50} more`)
    super('invalid-rules', `The rule base has ${problems.length} error(s):\n${shown.join('\n')}`, {
      suggestions: ['Fix the rule files listed above; rules/README.md describes the format.'],
    })
    this.name = 'RuleBaseError'
    this.problems = problems
  }
}

export interface Entry {
  key: string
  keyNode: Node
  value: Node | null
}

/** One YAML file being read: its root node and the problems found so far. */
export class YamlSource {
  readonly root: Node | null
  private readonly lines = new LineCounter()

  constructor(readonly file: string, text: string, readonly problems: RuleProblem[]) {
    const doc = parseDocument(text, {lineCounter: this.lines, prettyErrors: false, uniqueKeys: true})
    for (const e of [...doc.errors, ...doc.warnings]) {
      const {line, col} = this.lines.linePos(e.pos[0])
      problems.push({file, line, col, message: e.message.split('\n')[0] ?? e.message})
    }
    this.root = doc.errors.length > 0 ? null : ((doc.contents as Node | null) ?? null)
  }

  line(node: Node | null | undefined): number {
    return this.lines.linePos(node?.range?.[0] ?? 0).line
  }

  problem(node: Node | null | undefined, message: string): void {
    const offset = node?.range?.[0] ?? 0
    const {line, col} = this.lines.linePos(offset)
    this.problems.push({file: this.file, line, col, message})
  }

  /** A mapping's entries; unknown keys are reported (with `what` naming the mapping); `allowed` null = any key. */
  entries(node: Node | null, allowed: readonly string[] | null, what: string): Map<string, Entry> {
    const out = new Map<string, Entry>()
    if (!isMap(node)) {
      this.problem(node, `${what} must be a mapping of keys to values`)
      return out
    }
    for (const pair of node.items as Pair<Node, Node | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      if (allowed && !allowed.includes(key)) {
        const hint = allowed.find((a) => closeTo(a, key))
        this.problem(pair.key, `unknown key "${key}" in ${what}` + (hint ? ` (did you mean "${hint}"?)` : `; expected one of: ${allowed.join(', ')}`))
        continue
      }
      out.set(key, {key, keyNode: pair.key, value: pair.value ?? null})
    }
    return out
  }

  string(node: Node | null | undefined, what: string): string | undefined {
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) {
      const s = String(node.value).trim()
      if (s.length > 0) return s
    }
    this.problem(node, `${what} must be a non-empty text`)
    return undefined
  }

  /** A list of texts; a single text is accepted as a list of one. */
  strings(node: Node | null | undefined, what: string): string[] {
    if (isScalar(node)) {
      const s = this.string(node, what)
      return s === undefined ? [] : [s]
    }
    if (!isSeq(node)) {
      this.problem(node, `${what} must be a list of texts`)
      return []
    }
    const out: string[] = []
    for (const item of node.items as Node[]) {
      const s = this.string(item, `each item of ${what}`)
      if (s !== undefined) out.push(s)
    }
    return out
  }

  list(node: Node | null | undefined, what: string): Node[] {
    if (isSeq(node)) return node.items as Node[]
    this.problem(node, `${what} must be a list`)
    return []
  }

  boolean(node: Node | null | undefined, what: string): boolean | undefined {
    if (isScalar(node) && typeof node.value === 'boolean') return node.value
    this.problem(node, `${what} must be true or false`)
    return undefined
  }

  integer(node: Node | null | undefined, what: string, min: number, max: number): number | undefined {
    if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= min && node.value <= max) {
      return node.value
    }
    this.problem(node, `${what} must be a whole number from ${min} to ${max}`)
    return undefined
  }
}

/** Same letters but one typo away (a substitution, insertion or deletion). */
function closeTo(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i)
}

export {isMap, isScalar, isSeq}
export type {Node}
