// Human rendering of `check`: the facts that decided which obligations apply, then the
// diagnostics grouped by document (errors first, with pages), then the checks that did not
// apply or could not be decided.

import {fileName} from '../checks/locate.js'
import type {CheckReport} from '../checks/run.js'
import type {Diagnostic} from '../checks/types.js'
import {factLines, LEVEL_LABEL} from './check-facts.js'

function diagnosticLines(d: Diagnostic): string[] {
  const mark = d.level === 'error' ? '✖' : '⚠'
  const where = [d.page !== undefined ? `p. ${d.page}` : undefined, d.article ? `« ${d.article} »` : undefined].filter(Boolean).join(', ')
  const lines = [`  ${mark} ${LEVEL_LABEL[d.level]} [${d.check}]${where ? ` ${where}` : ''}`, `    ${d.message}`]
  if (d.quote) lines.push(`    Extrait : « ${d.quote} »`)
  lines.push(`    → ${d.suggestion}`, `    Base légale : ${d.legal.join(', ')}`)
  return lines
}

function groupByDocument(diagnostics: Diagnostic[]): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>()
  for (const d of diagnostics) {
    const key = d.path ?? '(dossier)'
    groups.set(key, [...(groups.get(key) ?? []), d])
  }
  return groups
}

export function renderCheckText(report: CheckReport): string[] {
  const {errors, warnings} = report.summary
  const lines: string[] = []
  lines.push(`Vérification du DCE : ${errors} erreur(s), ${warnings} avertissement(s)`, '')
  lines.push('Faits retenus :')
  for (const f of factLines(report.facts)) lines.push(`  ${f.label} : ${f.value} (${f.origin})`)
  lines.push(`  Documents lus : ${report.documents.map((d) => `${fileName(d.path)} (${d.kind})`).join(', ') || 'aucun'}`)
  for (const u of report.unread) lines.push(`  Non lu : ${fileName(u.path)} — ${u.reason}`)
  lines.push('')
  for (const [path, list] of groupByDocument(report.diagnostics)) {
    lines.push(fileName(path))
    for (const d of list) lines.push(...diagnosticLines(d), '')
  }
  if (report.diagnostics.length === 0) lines.push('Aucune anomalie relevée par les contrôles applicables.', '')
  const undecided = report.checks.filter((c) => c.status === 'undecided')
  if (undecided.length > 0) {
    lines.push('Contrôles non décidés (information manquante) :')
    for (const c of undecided) lines.push(`  ? ${c.check} : ${c.reason}`)
    lines.push('')
  }
  const notApplicable = report.checks.filter((c) => c.status === 'not-applicable')
  if (notApplicable.length > 0) {
    lines.push('Contrôles non applicables :')
    for (const c of notApplicable) lines.push(`  – ${c.check} : ${c.reason}`)
    lines.push('')
  }
  const ignored = report.checks.filter((c) => c.status === 'ignored')
  if (ignored.length > 0) lines.push(`Contrôles ignorés (--ignore) : ${ignored.map((c) => c.check).join(', ')}`, '')
  return lines
}
