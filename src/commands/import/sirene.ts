import {Args, Flags} from '@oclif/core'
import {BaseCommand, dbFlag} from '../../cli/base-command.js'
import {readSirene} from '../../sources/sirene.js'
import {beginRun, finishRun} from '../../store/awards.js'
import {openDatabase} from '../../store/db.js'
import {importOrganisations, sseListCounts, type ReferenceImportCounts, type SseListCounts} from '../../store/organisations.js'
import {maxWarningsFlag} from './decp.js'

export interface ImportReferenceResult {
  file: string
  database: string
  counts: ReferenceImportCounts
  lists: SseListCounts
  seconds: number
}

export default class ImportSirene extends BaseCommand {
  static override description = `Load SIRENE legal units (INSEE stock StockUniteLegale CSV, or a subset with at least siren and economieSocialeSolidaireUniteLegale): ESS flag, legal category, name.
By default only ESS-flagged units, public bodies (legal category 7xxx) and the holders and buyers of stored awards are kept (the national stock has about 30 million units); --all keeps every unit. Award SSE figures are updated at the end.`
  static override args = {file: Args.string({description: 'SIRENE legal-units CSV file', required: true})}
  static override examples = [
    '<%= config.bin %> import sirene StockUniteLegale_utf8.csv',
    '<%= config.bin %> import sirene unites-legales-ess.csv --all --json',
  ]
  static override flags = {
    db: dbFlag,
    all: Flags.boolean({description: 'keep every legal unit, not only ESS-flagged ones and those named in the awards', default: false}),
    'max-warnings': maxWarningsFlag,
  }

  async run(): Promise<ImportReferenceResult> {
    const {args, flags} = await this.parse(ImportSirene)
    const database = this.dbPath(flags.db)
    const db = openDatabase(database)
    const started = Date.now()
    let warned = 0
    try {
      const runId = beginRun(db, 'import sirene', [args.file])
      const counts = await importOrganisations(db, readSirene(args.file), runId, {
        all: flags.all, source: 'sirene',
        onProblem: (m) => {
          if (warned++ < flags['max-warnings']) process.stderr.write(`warning: skipped ${m}\n`)
        },
        onProgress: (n) => process.stderr.write(`… ${n.toLocaleString('en')} legal units\n`),
      })
      finishRun(db, runId, counts)
      if (warned > flags['max-warnings']) process.stderr.write(`warning: … and ${warned - flags['max-warnings']} more skipped rows\n`)
      const lists = sseListCounts(db)
      this.log(`${args.file}: ${counts.records} legal units read, ${counts.kept} kept, ${counts.ignored} left out (not ESS, not public, not in the awards), ${counts.skipped} skipped.`)
      this.log(`${database}: ${lists.organisations} legal units, ${lists.ess} ESS-flagged.`)
      return {file: args.file, database, counts, lists, seconds: (Date.now() - started) / 1000}
    } finally {
      db.close()
    }
  }
}
