// Plain-text and CSV tables of indicators, for the terminal and for spreadsheets.

import {csvTable, type Cell} from '../report/csv.js'

export interface IndicatorTable {
  keys: string[]
  groups: Record<string, string | number | null>[]
  total: Record<string, number | null>
}

export interface Column {
  title: string
  value: (row: Record<string, string | number | null>) => string
}

export const percent = (field: string) => (row: Record<string, unknown>): string => {
  const v = row[field]
  return typeof v === 'number' ? `${(v * 100).toFixed(1)} %` : '–'
}

export const euros = (field: string) => (row: Record<string, unknown>): string => {
  const v = row[field]
  return typeof v === 'number' ? `${Math.round(v).toLocaleString('fr-FR').replace(/\u202f/g, ' ')} €` : '–'
}

export const plain = (field: string) => (row: Record<string, unknown>): string => {
  const v = row[field]
  return v === null || v === undefined ? '–' : String(v)
}

/** Aligned text table: key columns, then the chosen figure columns, then a total line. */
export function renderText(table: IndicatorTable, figures: Column[]): string[] {
  const columns: Column[] = [...table.keys.map((k) => ({title: k, value: plain(k)})), ...figures]
  const totalRow: Record<string, string | number | null> = {...table.total}
  if (table.keys.length > 0) totalRow[table.keys[0]!] = 'total'
  const body = [...table.groups, totalRow].map((r) => columns.map((c) => c.value(r)))
  const widths = columns.map((c, i) => Math.max(c.title.length, ...body.map((r) => r[i]!.length)))
  const line = (cells: string[]): string => cells.map((c, i) => (i < table.keys.length ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd()
  const out = [line(columns.map((c) => c.title)), widths.map((w) => '-'.repeat(w)).join('  ')]
  for (const [i, r] of body.entries()) {
    if (i === body.length - 1 && table.groups.length > 0) out.push(widths.map((w) => '-'.repeat(w)).join('  '))
    out.push(line(r))
  }
  return out
}

/** CSV: key columns and every figure; a last row for the total, its first key cell 'total'. */
export function renderCsv(table: IndicatorTable, figureNames: string[]): string {
  const columns = [...table.keys, ...figureNames]
  const rows: Cell[][] = table.groups.map((g) => columns.map((c) => g[c]))
  const total: Cell[] = [...table.keys.map((_, i) => (i === 0 ? 'total' : '')), ...figureNames.map((f) => table.total[f])]
  rows.push(total)
  return csvTable(columns, rows)
}
