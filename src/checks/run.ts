// Running the checks over a dossier: which apply, which could not be decided, and the
// diagnostics, sorted by document, errors first, then by page. The result is the JSON contract
// of `check --json` (ARCHITECTURE.md): `diagnostics` and `summary`, plus what decided them.

import {REFORM_DATE} from './applicability.js'
import type {CriteriaGroup} from './criteria.js'
import {CHECKS} from './registry.js'
import type {CheckId, Diagnostic, DossierFacts, DraftDossier, Level, UnreadDocument} from './types.js'

export type CheckStatus = 'passed' | 'failed' | 'not-applicable' | 'undecided' | 'ignored'

export interface CheckOutcome {
  check: CheckId
  level: Level
  title: string
  legal: string[]
  status: CheckStatus
  /** Why a check did not apply or could not be decided, in French. */
  reason?: string
}

export interface CheckReport {
  diagnostics: Diagnostic[]
  summary: {errors: number; warnings: number; undecided: number; notApplicable: number}
  checks: CheckOutcome[]
  facts: DossierFacts
  reformDate: string
  documents: Array<{path: string; kind: string; pageCount?: number; findings: number}>
  unread: UnreadDocument[]
  criteria: CriteriaGroup[]
}

const KIND_ORDER = ['RC', 'CCAP', 'CCTP', 'AE', 'notice', 'other']

function sortDiagnostics(diagnostics: Diagnostic[], order: string[]): Diagnostic[] {
  const docIndex = (d: Diagnostic) => (d.path === undefined ? order.length : order.indexOf(d.path))
  const level = (d: Diagnostic) => (d.level === 'error' ? 0 : 1)
  return [...diagnostics].sort((a, b) =>
    docIndex(a) - docIndex(b) || level(a) - level(b) || (a.page ?? 0) - (b.page ?? 0))
}

export function runChecks(dossier: DraftDossier, options: {ignore?: CheckId[]} = {}): CheckReport {
  const ignore = new Set(options.ignore ?? [])
  const checks: CheckOutcome[] = []
  const diagnostics: Diagnostic[] = []
  for (const check of CHECKS) {
    const outcome: CheckOutcome = {check: check.id, level: check.level, title: check.title, legal: [...check.legal], status: 'passed'}
    checks.push(outcome)
    if (ignore.has(check.id)) {
      outcome.status = 'ignored'
      continue
    }
    const applicability = check.applies(dossier)
    if (applicability.applies !== true) {
      outcome.status = applicability.applies === false ? 'not-applicable' : 'undecided'
      outcome.reason = applicability.reason
      continue
    }
    const found = check.run(dossier)
    if (found.length > 0) outcome.status = 'failed'
    diagnostics.push(...found)
  }
  const order = [...dossier.documents]
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
    .map((d) => d.path)
  return {
    diagnostics: sortDiagnostics(diagnostics, order),
    summary: {
      errors: diagnostics.filter((d) => d.level === 'error').length,
      warnings: diagnostics.filter((d) => d.level === 'warning').length,
      undecided: checks.filter((c) => c.status === 'undecided').length,
      notApplicable: checks.filter((c) => c.status === 'not-applicable').length,
    },
    checks,
    facts: dossier.facts,
    reformDate: REFORM_DATE,
    documents: dossier.documents.map((d) => ({
      path: d.path, kind: d.kind, ...(d.pageCount === undefined ? {} : {pageCount: d.pageCount}), findings: d.findings.length,
    })),
    unread: dossier.unread,
    criteria: dossier.criteria.groups,
  }
}
