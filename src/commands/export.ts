import {extname} from 'node:path'
import {Args, Flags} from '@oclif/core'
import {BaseCommand, dbFlag} from '../cli/base-command.js'
import {UsageError} from '../core/errors.js'
import {writeTableFile} from '../report/csv.js'
import {writeOcds} from '../report/ocds.js'
import {writeXlsx} from '../report/xlsx.js'
import {EXPORTS} from '../stats/datasets.js'
import {procedureFindings} from '../stats/notices.js'
import {openDatabase} from '../store/db.js'

type Kind = 'awards' | 'notices' | 'findings' | 'ocds'
type Format = 'csv' | 'ndjson' | 'xlsx' | 'json'

export interface ExportResult {
  kind: Kind
  format: Format
  out: string
  /** Rows written per table (sheet). */
  rows: Record<string, number>
}

const BY_EXTENSION: Record<string, Format> = {'.csv': 'csv', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.xlsx': 'xlsx', '.json': 'json'}

export default class Export extends BaseCommand {
  static override description = `Export the store: awards (with holders), notices (analysed documents), findings, as CSV, NDJSON or XLSX (one sheet per entity and a "columns" sheet describing every column and its source); or ocds: one OCDS release per procedure with the Sustainability extension fields (hasSustainability, sustainability[].goal/strategies) from the findings.`
  static override args = {
    kind: Args.string({description: 'what to export', required: true, options: ['awards', 'notices', 'findings', 'ocds']}),
  }
  static override examples = [
    '<%= config.bin %> export awards --format xlsx --out marches.xlsx',
    '<%= config.bin %> export findings --format csv --out clauses.csv',
    '<%= config.bin %> export ocds --out releases.json --ocid-prefix ocds-a1b2c3',
  ]
  static override flags = {
    db: dbFlag,
    format: Flags.string({description: 'csv, ndjson or xlsx (ocds: json or ndjson) [default: from the --out extension, else csv / json]',
      options: ['csv', 'ndjson', 'xlsx', 'json']}),
    out: Flags.string({description: 'file to write', required: true, helpValue: 'FILE'}),
    'ocid-prefix': Flags.string({description: 'OCDS ocid prefix (register yours with the Open Contracting Partnership)', default: 'ocds-cscope'}),
  }

  async run(): Promise<ExportResult> {
    const {args, flags} = await this.parse(Export)
    const kind = args.kind as Kind
    const format = (flags.format ?? BY_EXTENSION[extname(flags.out).toLowerCase()] ?? (kind === 'ocds' ? 'json' : 'csv')) as Format
    if (kind === 'ocds' ? format !== 'json' && format !== 'ndjson' : format === 'json') {
      throw new UsageError(`export ${kind} --format ${format}: use ${kind === 'ocds' ? 'json or ndjson' : 'csv, ndjson or xlsx'}.`)
    }
    const db = openDatabase(this.dbPath(flags.db))
    let rows: Record<string, number>
    try {
      if (kind === 'ocds') {
        rows = {releases: await writeOcds(flags.out, procedureFindings(db), flags['ocid-prefix'], format as 'json' | 'ndjson')}
      } else {
        const datasets = EXPORTS[kind]
        // Lazy: each query starts when its table is written (one open statement at a time).
        const tables = datasets.map((d) => ({name: d.name, columns: d.columns, rows: (function* () { yield* d.rows(db) })()}))
        rows = format === 'xlsx' ? await writeXlsx(flags.out, tables) : {[kind]: await writeTableFile(flags.out, tables[0]!, format as 'csv' | 'ndjson')}
      }
    } finally {
      db.close()
    }
    this.log(`${flags.out}: ${Object.entries(rows).map(([t, n]) => `${n} ${t}`).join(', ')} (${format}).`)
    return {kind, format, out: flags.out, rows}
  }
}
