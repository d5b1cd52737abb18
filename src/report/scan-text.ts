// Human rendering of scan results: per document, findings grouped by category with page,
// section and quote; then the totals.

import type {DocumentResult, Finding} from '../core/model.js'

export interface ScanSummary {
  documents: number
  analysed: number
  not_analysable: number
  failed: number
  cached: number
  findings: number
  byCategory: Record<string, number>
}

export function summarise(results: DocumentResult[]): ScanSummary {
  const s: ScanSummary = {documents: results.length, analysed: 0, not_analysable: 0, failed: 0, cached: 0, findings: 0, byCategory: {}}
  for (const r of results) {
    s[r.status]++
    if (r.cached) s.cached++
    s.findings += r.findings.length
    for (const f of r.findings) s.byCategory[f.category] = (s.byCategory[f.category] ?? 0) + 1
  }
  return s
}

const QUOTE_MAX = 220

function shorten(text: string, max = QUOTE_MAX): string {
  const t = text.replace(/\s+/g, ' ').trim()
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`
}

function where(f: Finding): string {
  const parts: string[] = []
  if (f.page !== undefined) parts.push(`p. ${f.page}`)
  const section = f.section?.at(-1)
  if (section) parts.push(shorten(section, 70))
  if (f.lot) parts.push(`lot ${f.lot}`)
  return parts.length > 0 ? parts.join(', ') : `offset ${f.start}`
}

function quantities(f: Finding): string {
  const q = f.quantities
  if (!q) return ''
  const parts: string[] = []
  if (q.hours !== undefined) parts.push(`${q.hours} h`)
  if (q.percent !== undefined) parts.push(`${q.percent} %`)
  if (q.weight !== undefined) parts.push(`weight ${q.weight} %`)
  return parts.length > 0 ? ` (${parts.join(', ')})` : ''
}

export function renderDocument(r: DocumentResult): string[] {
  const info = [r.kind, r.format, r.pageCount ? `${r.pageCount} p.` : undefined].filter(Boolean).join(', ')
  const head = `${r.path}${info ? `  [${info}]` : ''}`
  if (r.status !== 'analysed') return [`${head}`, `  ${r.status === 'failed' ? 'FAILED' : 'NOT ANALYSABLE'} (${r.errorCode}): ${r.reason}`]
  const lines = [`${head}${r.cached ? '  (unchanged since last scan)' : ''}`]
  if (r.declared && r.declared.codes.length > 0) {
    lines.push(`  declared: ${r.declared.codes.map((c) => `${c.field}=${c.code}${c.lot ? ` (lot ${c.lot})` : ''}`).join(', ')}`)
  }
  if (r.findings.length === 0) {
    lines.push('  no social or environmental clause found')
    return lines
  }
  const byCategory = new Map<string, Finding[]>()
  for (const f of r.findings) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f])
  for (const [category, findings] of byCategory) {
    lines.push(`  ${category} (${findings.length})`)
    for (const f of findings) lines.push(`    ${where(f)}${quantities(f)}: « ${shorten(f.quote)} »`)
  }
  return lines
}

export function renderSummary(s: ScanSummary, dbPath: string | undefined): string[] {
  const lines = [
    `${s.documents} document(s): ${s.analysed} analysed, ${s.not_analysable} not analysable, ${s.failed} failed` +
      `${s.cached > 0 ? ` (${s.cached} unchanged, taken from the store)` : ''}; ${s.findings} finding(s)`,
  ]
  for (const [category, n] of Object.entries(s.byCategory).sort((a, b) => b[1] - a[1])) lines.push(`  ${category}: ${n}`)
  lines.push(dbPath ? `Stored in ${dbPath}` : 'Nothing stored (--no-store)')
  return lines
}
