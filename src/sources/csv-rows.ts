// Streaming CSV rows (csv-parse) for the reference files: header row, delimiter guessed from it
// (`,` `;` or tab), BOM tolerated. A malformed row is reported with its line number and skipped.

import {createReadStream} from 'node:fs'
import {open} from 'node:fs/promises'
import {ClausescopeError} from '../core/errors.js'

export type CsvItem = {line: number; row: Record<string, string>} | {line: number; problem: string}

async function firstLine(file: string): Promise<string> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new ClausescopeError('not-found', `${file}: cannot read (${error.code ?? error.message}).`)
  })
  try {
    const {buffer, bytesRead} = await handle.read(Buffer.alloc(65536), 0, 65536, 0)
    const head = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '')
    return head.split(/\r?\n/, 1)[0] ?? ''
  } finally {
    await handle.close()
  }
}

export function guessDelimiter(header: string): string {
  const counts = [',', ';', '\t', '|'].map((d) => [d, header.split(d).length - 1] as const)
  counts.sort((a, b) => b[1] - a[1])
  return counts[0]![1] > 0 ? counts[0]![0] : ','
}

/** The header's column names, as written. */
export async function csvHeader(file: string): Promise<string[]> {
  const line = await firstLine(file)
  return line.split(guessDelimiter(line)).map((c) => c.trim().replace(/^"|"$/g, ''))
}

export async function* readCsvRows(file: string): AsyncGenerator<CsvItem> {
  const delimiter = guessDelimiter(await firstLine(file))
  const {parse} = await import('csv-parse')
  const skipped: CsvItem[] = []
  const parser = parse({
    delimiter, columns: (h: string[]) => h.map((c) => c.trim()), bom: true, relax_column_count: true,
    skip_empty_lines: true, relax_quotes: true, info: true, skip_records_with_error: true, trim: false,
    on_skip: (err) => {
      const line = typeof err?.lines === 'number' ? err.lines : 0
      skipped.push({line, problem: `${file}: line ${line || '?'}: ${err?.message ?? 'unreadable row'}`})
      return undefined
    },
  })
  createReadStream(file).on('error', (e) => parser.destroy(e)).pipe(parser)
  for await (const item of parser as AsyncIterable<{record: Record<string, string>; info: {lines: number}}>) {
    while (skipped.length > 0) yield skipped.shift()!
    yield {line: item.info.lines, row: item.record}
  }
  while (skipped.length > 0) yield skipped.shift()!
}

/** The first column present among `names` (case- and separator-insensitive). */
export function columnPicker(header: string[]): (names: string[]) => string | undefined {
  const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '')
  const byNorm = new Map(header.map((h) => [norm(h), h]))
  return (names) => {
    for (const n of names) {
      const found = byNorm.get(norm(n))
      if (found !== undefined) return found
    }
    return undefined
  }
}
