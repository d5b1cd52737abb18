// CSV rendering (RFC 4180: comma, CRLF-free LF lines, quotes doubled), streaming-friendly: one
// line at a time, so exports of a million rows never sit in memory.

export type Cell = string | number | boolean | null | undefined

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return ''
  const s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value)
  return /[",\n\r]/.test(s) || s.startsWith(' ') || s.endsWith(' ') ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\n`
}

/** A whole table as CSV text (for small tables such as indicators). */
export function csvTable(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return csvLine(columns) + rows.map(csvLine).join('')
}
