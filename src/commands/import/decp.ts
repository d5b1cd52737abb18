import {statSync} from 'node:fs'
import {Args, Flags} from '@oclif/core'
import {BaseCommand, dbFlag} from '../../cli/base-command.js'
import {readDecp} from '../../sources/decp.js'
import {beginRun, finishRun, importAwards, type AwardImportCounts} from '../../store/awards.js'
import {openDatabase} from '../../store/db.js'

export interface ImportDecpResult {
  file: string
  database: string
  counts: AwardImportCounts
  /** Contracts in the store after the import, all files together. */
  contracts: number
  seconds: number
}

function fileSize(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0 // readDecp says what is wrong with the file
  }
}

export const maxWarningsFlag = Flags.integer({
  description: 'print at most this many warnings about skipped records (all are counted)', default: 50, min: 0,
})

export default class ImportDecp extends BaseCommand {
  static override description = `Load awarded contracts from a DECP file: v2 JSON (arrêtés of 22 Dec 2022, marchés and concessions), v1 JSON, or the consolidated CSV of decp.info.
A contract is identified by its uid (buyer SIRET + id); met twice, the latest publication (datePublicationDonnees) wins. Its amount is the montant of its latest modification stating one. Bad records are skipped with a warning naming them. The file is streamed: any size.`
  static override args = {file: Args.string({description: 'DECP file (.json or .csv)', required: true})}
  static override examples = [
    '<%= config.bin %> import decp decp-2024.json',
    '<%= config.bin %> import decp decp-consolide.csv --db indicateurs.db --json',
  ]
  static override flags = {db: dbFlag, 'max-warnings': maxWarningsFlag}

  async run(): Promise<ImportDecpResult> {
    const {args, flags} = await this.parse(ImportDecp)
    const database = this.dbPath(flags.db)
    const db = openDatabase(database)
    const started = Date.now()
    let warned = 0
    try {
      const runId = beginRun(db, 'import decp', [args.file])
      const counts = await importAwards(db, readDecp(args.file), runId, {
        expectedRecords: fileSize(args.file) / 1000,
        onProblem: (message) => {
          if (warned++ < flags['max-warnings']) process.stderr.write(`warning: skipped ${message}\n`)
        },
        onProgress: (records) => process.stderr.write(`… ${records.toLocaleString('en')} records\n`),
      })
      finishRun(db, runId, counts)
      if (warned > flags['max-warnings']) process.stderr.write(`warning: … and ${warned - flags['max-warnings']} more skipped records\n`)
      const contracts = db.prepare('SELECT count(*) FROM awards').pluck().get() as number
      const seconds = (Date.now() - started) / 1000
      this.log(`${args.file}: ${counts.records} records read, ${counts.added} contracts added, ${counts.replaced} replaced by a later publication, ` +
        `${counts.superseded} older duplicates ignored, ${counts.merged} rows merged, ${counts.skipped} skipped; ${counts.holders} holders.`)
      this.log(`${contracts} contracts in ${database} (${seconds.toFixed(1)} s).`)
      return {file: args.file, database, counts, contracts, seconds}
    } finally {
      db.close()
    }
  }
}
