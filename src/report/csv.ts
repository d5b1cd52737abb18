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

export interface TableSource {
  columns: {name: string}[]
  rows: Iterable<Record<string, unknown>>
}

/**
 * Streams a table to a file as CSV (header line, then one line per row) or NDJSON (one JSON
 * object per line, keys in column order). Returns the number of rows written.
 */
export async function writeTableFile(file: string, table: TableSource, format: 'csv' | 'ndjson'): Promise<number> {
  const {createWriteStream} = await import('node:fs')
  const out = createWriteStream(file)
  const failed = new Promise<never>((_, reject) => out.on('error', reject))
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await Promise.race([new Promise<void>((r) => out.once('drain', () => r())), failed])
  }
  const names = table.columns.map((c) => c.name)
  let n = 0
  if (format === 'csv') await write(csvLine(names))
  for (const row of table.rows) {
    if (format === 'csv') {
      await write(csvLine(names.map((c) => row[c] as Cell)))
    } else {
      const ordered: Record<string, unknown> = {}
      for (const c of names) ordered[c] = row[c] ?? null
      await write(`${JSON.stringify(ordered)}\n`)
    }
    n++
  }
  await Promise.race([new Promise<void>((resolve) => out.end(resolve)), failed])
  return n
}
