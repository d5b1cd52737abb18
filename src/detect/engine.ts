// The matcher: a document's sentences against the compiled rule base. The document is folded
// once, the prefilter finds the (sentence, rule) pairs worth trying, and only those run their
// full conditions: context, anchors, require/all/not, negation, boilerplate, quantities.

import type {Finding, Quantities, Segment, TenderDocument} from '../core/model.js'
import {foldedOffset, foldShifts, originalOffset, type FoldedShifts} from '../text/normalize.js'
import {boilerplateFor} from './boilerplate.js'
import {DocumentScan} from './doc-scan.js'
import {NegationScope} from './negation.js'
import {planBoilerplate, planRule} from './plan.js'
import {AnchorTable, Sentence} from './sentence.js'
import {insertionHours, insertionShare, lotListHours} from './quantities.js'
import {coefficientTotal, continuesWithWeight, criterionWeight, eformsBlockWeight, statedTotal} from './weight.js'
import {anchors, anyAnchor, around, conditionsHold, sentenceConditionsHold, windowPlan, type WindowPlan} from './conditions.js'
import {inContext, isTitle, ruledOutByKindOrRole, TABLE_OF_CONTENTS} from './context.js'
import type {BoilerplateList, CategoryCodes, Rule, RuleBase} from './types.js'

export {loadRuleBase, defaultRulesDir, ENGINE_VERSION} from './rules.js'
export type {RuleBase, Rule, CategoryCodes} from './types.js'

/** A finding with its category's codes (DECP value, eForms codes, OCDS goal and strategy). */
export interface DetectedFinding extends Finding {
  codes: CategoryCodes
}

/** The folded document: all sentences joined by "\n", with each sentence's range in both forms. */
interface FoldedDocument {
  original: string
  folded: string
  shifts: FoldedShifts
  origStart: number[]
  foldStart: number[]
  foldEnd: number[]
}

/** `blank` may overwrite parts of the folded text with spaces (same length): unticked form options. */
function foldDocument(segments: Segment[], blank: (folded: string, starts: number[], ends: number[]) => string): FoldedDocument {
  const origStart: number[] = []
  let at = 0
  for (const s of segments) {
    origStart.push(at)
    at += s.text.length + 1
  }
  const original = segments.map((s) => s.text).join('\n')
  const shifts = foldShifts(original)
  const foldStart = origStart.map((o) => foldedOffset(shifts, o))
  const foldEnd = segments.map((s, i) => foldedOffset(shifts, origStart[i]! + s.text.length))
  return {original, folded: blank(shifts.text, foldStart, foldEnd), shifts, origStart, foldStart, foldEnd}
}

interface Hit {
  rule: Rule
  anchor: [number, number] // in the sentence's folded text
}

/** Table-of-contents lines ("4.5 Insertion professionnelle ........ 5") repeat headings: never findings. */
function isContentsLine(text: string): boolean {
  // Leaders are dots or ellipses: most sentences have neither two dots in a row nor an ellipsis.
  return LEADER_START.test(text) && TABLE_OF_CONTENTS.test(text)
}
const LEADER_START = /\.\s?\.|…/

/** A line that is only a weight: "12 pts", "(20 %)", "- 15 points". */
const BARE_WEIGHT = /^\W{0,3}\d+(?:[.,]\d+)?\s*(?:%|points?\b|pts\b)\W{0,3}$/

const LEAD_MAX = 8
const LIST_ITEM_MAX = 200

/**
 * The sentences leading into the list sentence `i` belongs to: walking back over short list items
 * ("valeur technique 35 % ;", "2.1 Méthodologie : 15 points") up to the sentence that introduces
 * them ("les offres sont jugées sur les critères suivants :"), within one notice field.
 */
function leadText(fd: FoldedDocument, segs: Segment[], i: number): string {
  let out = ''
  for (let j = i - 1; j >= 0 && j >= i - LEAD_MAX; j--) {
    if (segs[j]!.field !== segs[i]!.field) break
    const t = fd.folded.slice(fd.foldStart[j]!, fd.foldEnd[j]!)
    out += ` ${t}`
    if (t.length > LIST_ITEM_MAX || /:\s*$/.test(t)) break
  }
  return out
}

export class Matcher {
  private readonly negation: NegationScope
  private readonly sentence: Sentence
  /** The rules and boilerplate lists with their pattern lists joined (plan.ts), in the base's order. */
  private readonly rules: Rule[]
  private readonly boilerplate: BoilerplateList[]
  /** Per rule, the numbers of its `any` patterns in the sentence's AnchorTable. */
  private readonly anchorIds: Int32Array[]
  /** The prefilter's keywords and the anchor patterns' literal words, found in one scan. */
  private readonly scanner: DocumentScan

  private readonly ruledOutBy = new Map<string, Uint8Array>()
  private readonly windowPlans: WindowPlan[]
  private readonly fallbacks = new Map<string, Rule['unlessFound']>()
  private readonly hasFallbacks: boolean

  constructor(private readonly base: RuleBase) {
    this.negation = new NegationScope(base.negation)
    this.rules = base.rules.map(planRule)
    this.windowPlans = this.rules.map(windowPlan)
    this.boilerplate = planBoilerplate(base.boilerplate)
    const table = new AnchorTable(base.rules.flatMap((r) => r.any))
    this.anchorIds = base.rules.map((r) => Int32Array.from(r.any, (p) => table.id(p)))
    this.sentence = new Sentence(table)
    this.scanner = new DocumentScan(base.prefilter.keywordsByRule, table.literals)
    for (const r of base.rules) if (r.unlessFound.length > 0) this.fallbacks.set(r.id, r.unlessFound)
    this.hasFallbacks = this.fallbacks.size > 0
  }

  detect(doc: TenderDocument): DetectedFinding[] {
    const segs = doc.segments
    if (segs.length === 0) return []
    const fd = foldDocument(segs, (t, a, b) => this.negation.withoutUntickedOptions(t, a, b))
    const {candidates, anchorIds, anchorsFrom} = this.scanner.sentences(fd.folded, fd.foldStart, fd.foldEnd, this.rules.length)
    const findings: DetectedFinding[] = []
    let total: number | undefined | null = null
    let coefficients: number | undefined | null = null
    const docTotal = () => (total === null ? (total = statedTotal(fd.folded)) : total)
    const docCoefficients = () => (coefficients === null ? (coefficients = coefficientTotal(fd.folded)) : coefficients)
    const s = this.sentence
    for (const [i, candidateRules] of candidates) {
      const seg = segs[i]!
      const out = this.ruledOut(doc, seg)
      const ruleIdx = candidateRules.filter((r) => out[r] === 0)
      if (ruleIdx.length === 0) continue
      const text = fd.folded.slice(fd.foldStart[i]!, fd.foldEnd[i]!)
      if (isContentsLine(text) || isTitle(seg)) continue
      const next = i + 1 < segs.length ? fd.folded.slice(fd.foldStart[i + 1]!, fd.foldEnd[i + 1]!) : undefined
      s.reset(i, text, fd.foldStart[i]!, fd.foldEnd[i]!, next, () => leadText(fd, segs, i), anchorIds, anchorsFrom[i]!, anchorsFrom[i + 1]!)
      const hits: Hit[] = []
      if (ruleIdx.length > 1) ruleIdx.sort((a, b) => a - b)
      for (const r of ruleIdx) {
        const hit = this.evaluate(r, doc, fd, s)
        if (hit) hits.push(hit)
      }
      if (hits.length > 0) findings.push(...this.toFindings(hits, fd, segs, s, docTotal, docCoefficients))
    }
    return this.withoutFallbacks(findings)
  }

  /** Per document kind and sentence role, the rules they rule out (1) before any pattern runs. */
  private ruledOut(doc: TenderDocument, seg: Segment): Uint8Array {
    const key = `${doc.kind}\0${seg.role ?? ''}`
    let out = this.ruledOutBy.get(key)
    if (!out) this.ruledOutBy.set(key, (out = Uint8Array.from(this.rules, (r) => (ruledOutByKindOrRole(r, doc, seg) ? 1 : 0))))
    return out
  }

  /**
   * Fallback rules (`unless_found`) say what a sentence means only when the document says nothing
   * more precise: a bare "Marché réservé" is read as EA/ESAT unless the document names SIAE or ESS.
   */
  private withoutFallbacks(findings: DetectedFinding[]): DetectedFinding[] {
    if (!this.hasFallbacks) return findings
    const found = new Set(findings.map((f) => f.category))
    return findings.filter((f) => !(this.fallbacks.get(f.rule) ?? []).some((c) => found.has(c)))
  }

  private evaluate(ruleIndex: number, doc: TenderDocument, fd: FoldedDocument, s: Sentence): Hit | undefined {
    const rule = this.rules[ruleIndex]!
    const anchorIds = this.anchorIds[ruleIndex]!
    const seg = doc.segments[s.index]!
    const fs = s.start
    // Every check is a pure function of the sentence: the one that most often fails for the least
    // work comes first. Half the candidates have a keyword but no anchor (one joined pattern).
    if (rule.terms.length === 0 && !anyAnchor(anchorIds, s)) return undefined
    if (!inContext(rule, doc, seg, s)) return undefined
    // Without a window, all/require/not read the whole sentence (continued after a colon: "un
    // nombre d'heures d'insertion :" then "Lot unique : 35 H ..."), the same answer for every
    // anchor: asked before finding the anchors.
    if (!rule.window && !sentenceConditionsHold(rule, s)) return undefined
    let notInSentence = false
    if (rule.window) {
      const plan = this.windowPlans[ruleIndex]!
      if (plan.require && !s.hasContinued(rule.require)) return undefined
      if (plan.all.some((p) => !s.hasContinued([p]))) return undefined
      notInSentence = plan.not && !s.hasContinued(rule.not)
    }
    const original = (a: number, b: number) => fd.original.slice(originalOffset(fd.shifts, fs + a), originalOffset(fd.shifts, fs + b))
    for (const anchor of anchors(rule, anchorIds, s, original)) {
      if (rule.window && !conditionsHold(rule, around(s.continued, anchor, rule.window), notInSentence)) continue
      if (rule.negation) {
        const span = {text: fd.folded, segStart: fs, segEnd: s.end, start: fs + anchor[0], end: fs + anchor[1], next: s.next}
        if (this.negation.negated(span)) continue
      }
      if (rule.boilerplate && s.isBoilerplate(rule.category, () => boilerplateFor(this.boilerplate, s.text, rule.category, seg.role, (ps) => s.has(ps)) !== undefined)) return undefined
      return {rule, anchor}
    }
    return undefined
  }

  private quantities(hit: Hit, text: string, next: string | undefined, seg: Segment, docTotal: () => number | undefined, docCoefficients: () => number | undefined, following: () => string[]): Quantities | undefined {
    const q: Quantities = {}
    const peek = next !== undefined && (/[:]\s*$/.test(text) || next.length <= 40) ? next : undefined
    for (const kind of hit.rule.quantities) {
      let v: number | undefined
      if (kind === 'hours') v = insertionHours(text, hit.anchor) ?? (peek ? peekHours(peek, following) : undefined)
      else if (kind === 'percent') v = insertionShare(text, hit.anchor) ?? (peek ? insertionShare(peek) : undefined)
      // A short next line is this criterion's weight ("12 pts") only when it is a bare value, not
      // the next criterion of the list ("Critère n° 2 – Valeur technique (40 %)").
      // The next sentence may also refer back to it: "; il compte pour 60 % de la note finale".
      else v = seg.weight ?? criterionWeight(text, hit.anchor, docTotal(), docCoefficients()) ?? (peek && (/:\s*$/.test(text) || BARE_WEIGHT.test(peek)) ? criterionWeight(peek, undefined, docTotal()) : undefined) ?? (next !== undefined && continuesWithWeight(next) ? criterionWeight(next, undefined, docTotal(), docCoefficients()) : undefined) ?? eformsBlockWeight(following())
      if (v !== undefined) q[kind] = v
    }
    return Object.keys(q).length > 0 ? q : undefined
  }

  /** At most one finding per category in a sentence: the first rule's, with quantities completed by the others. */
  private toFindings(hits: Hit[], fd: FoldedDocument, segs: Segment[], s: Sentence, docTotal: () => number | undefined, docCoefficients: () => number | undefined): DetectedFinding[] {
    const i = s.index
    const seg = segs[i]!
    const {text, next} = s
    const byCategory = new Map<string, DetectedFinding>()
    // The fields after this sentence, for a weight that an eForms rendering states a few lines below.
    const following = () => segs.slice(i + 1, i + 5).map((_, k) => fd.folded.slice(fd.foldStart[i + 1 + k]!, fd.foldEnd[i + 1 + k]!))
    for (const hit of hits) {
      const quantities = this.quantities(hit, text, next, seg, docTotal, docCoefficients, following)
      const existing = byCategory.get(hit.rule.category)
      if (existing) {
        if (quantities) existing.quantities = {...quantities, ...existing.quantities}
        continue
      }
      const f: DetectedFinding = {
        category: hit.rule.category, rule: hit.rule.id, start: seg.start, end: seg.end,
        quote: quoteOf(seg, fd, i, hit.anchor), legal: hit.rule.legal, codes: this.base.categories[hit.rule.category],
      }
      if (seg.page !== undefined) f.page = seg.page
      if (seg.section) f.section = seg.section
      if (seg.lot !== undefined) f.lot = seg.lot
      if (quantities) f.quantities = quantities
      byCategory.set(hit.rule.category, f)
    }
    return [...byCategory.values()]
  }
}

/** Hours on the line after a sentence; when that line opens a per-lot breakdown, only the breakdown's total. */
function peekHours(peek: string, following: () => string[]): number | undefined {
  const list = lotListHours(following())
  return list.isLotList ? list.hours : insertionHours(peek)
}

const MAX_QUOTE = 600

/** The sentence as in the document; a long one is cut around the matched words. */
function quoteOf(seg: Segment, fd: FoldedDocument, i: number, anchor: [number, number]): string {
  if (seg.text.length <= MAX_QUOTE) return seg.text
  const fs = fd.foldStart[i]!
  const a = originalOffset(fd.shifts, fs + anchor[0]) - fd.origStart[i]!
  const b = originalOffset(fd.shifts, fs + anchor[1]) - fd.origStart[i]!
  const from = Math.max(0, Math.min(a - 200, b + 200 - MAX_QUOTE))
  const to = Math.min(seg.text.length, from + MAX_QUOTE)
  return `${from > 0 ? '…' : ''}${seg.text.slice(from, to).trim()}${to < seg.text.length ? '…' : ''}`
}

const matchers = new WeakMap<RuleBase, Matcher>()

/** Findings of one document; at most one per category per sentence. */
export function detect(doc: TenderDocument, rules: RuleBase): DetectedFinding[] {
  let m = matchers.get(rules)
  if (!m) matchers.set(rules, (m = new Matcher(rules)))
  return m.detect(doc)
}
