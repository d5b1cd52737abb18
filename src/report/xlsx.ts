// XLSX exports (exceljs streaming writer): one sheet per entity, rows streamed from the store,
// and a "columns" sheet saying what each column means and where it comes from. A sheet holds at
// most 1,048,576 rows: longer tables continue on "name (2)", "name (3)"...

import type {Cell} from './csv.js'

export interface XlsxTable {
  name: string
  columns: {name: string; description: string; source: string}[]
  rows: Iterable<Record<string, unknown>>
}

const MAX_ROWS = 1_048_576

export async function writeXlsx(file: string, tables: XlsxTable[]): Promise<Record<string, number>> {
  const ExcelJS = (await import('exceljs')).default
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({filename: file, useSharedStrings: false, useStyles: true})
  workbook.creator = 'clausescope'
  workbook.created = new Date()
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const names = table.columns.map((c) => c.name)
    let part = 1
    let sheet = addSheet(workbook, table.name, names)
    let inSheet = 1
    let n = 0
    for (const row of table.rows) {
      if (inSheet >= MAX_ROWS) {
        sheet.commit()
        sheet = addSheet(workbook, `${table.name} (${++part})`, names)
        inSheet = 1
      }
      sheet.addRow(names.map((c) => cellValue(row[c] as Cell))).commit()
      inSheet++
      n++
    }
    sheet.commit()
    counts[table.name] = n
  }
  const about = addSheet(workbook, 'columns', ['sheet', 'column', 'description', 'source'])
  for (const table of tables) {
    for (const c of table.columns) about.addRow([table.name, c.name, c.description, c.source]).commit()
  }
  about.commit()
  await workbook.commit()
  return counts
}

type Sheet = ReturnType<InstanceType<typeof import('exceljs').stream.xlsx.WorkbookWriter>['addWorksheet']>

function addSheet(workbook: InstanceType<typeof import('exceljs').stream.xlsx.WorkbookWriter>, name: string, header: string[]): Sheet {
  const sheet = workbook.addWorksheet(name, {views: [{state: 'frozen', ySplit: 1}]})
  const row = sheet.addRow(header)
  row.font = {bold: true}
  row.commit()
  return sheet
}

function cellValue(v: Cell): string | number | boolean | null {
  if (v === undefined || v === null) return null
  if (typeof v === 'number' && !Number.isFinite(v)) return null
  // Spreadsheets turn long digit strings (SIRET) into rounded numbers: they stay text here.
  return v
}
