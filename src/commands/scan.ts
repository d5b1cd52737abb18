import {Args, Flags} from '@oclif/core'
import {BaseCommand, dbFlag} from '../cli/base-command.js'
import {UsageError} from '../core/errors.js'
import type {DocumentResult} from '../core/model.js'
import {loadRuleBase} from '../detect/engine.js'
import {analysePaths, countFiles} from '../pipeline.js'
import {renderDocument, renderSummary, summarise, type ScanSummary} from '../report/scan-text.js'
import {startProgress} from '../cli/progress.js'
import {openDatabase} from '../store/db.js'
import {DocumentStore} from '../store/documents.js'

export interface ScanResult {
  documents: DocumentResult[]
  summary: ScanSummary
  database?: string
}

export default class Scan extends BaseCommand {
  static override description = 'Analyse tender documents (PDF, DOCX, ODT, HTML, TXT, ZIP archives, TED/eForms/BOAMP notices): find social and environmental clauses, store them with their evidence, and print them.'
  static override strict = false
  static override args = {
    path: Args.string({description: 'files, folders (searched recursively) or ZIP archives', required: true}),
  }
  static override examples = [
    '<%= config.bin %> scan DCE.zip',
    '<%= config.bin %> scan ./consultations --db analyses.db',
    '<%= config.bin %> scan CCAP.pdf RC.pdf --no-store --json',
  ]
  static override flags = {
    db: dbFlag,
    store: Flags.boolean({description: 'store results in the database (--no-store analyses without writing anything)', default: true, allowNo: true}),
    force: Flags.boolean({description: 'analyse again documents already stored with the same rules', default: false}),
  }

  async run(): Promise<ScanResult> {
    const {argv, flags} = await this.parse(Scan)
    const paths = argv as string[]
    if (paths.length === 0) throw new UsageError('scan needs at least one file or folder.')
    const rules = loadRuleBase()
    const dbPath = flags.store ? this.dbPath(flags.db) : undefined
    const store = dbPath ? new DocumentStore(openDatabase(dbPath)) : undefined
    const runId = store?.beginRun('scan', paths)
    const progress = startProgress(await countFiles(paths), this.jsonEnabled())
    const results: DocumentResult[] = []
    try {
      for await (const {result} of analysePaths(paths, {rules, store, runId, force: flags.force})) {
        results.push(result)
        progress.tick(result.path)
        if (!this.jsonEnabled()) {
          progress.interrupt(() => {
            for (const line of renderDocument(result)) this.log(line)
            this.log('')
          })
        }
      }
    } finally {
      progress.stop()
    }
    const summary = summarise(results)
    if (store && runId !== undefined) {
      store.finishRun(runId, {documents: summary.documents, analysed: summary.analysed, not_analysable: summary.not_analysable, failed: summary.failed})
      store.db.close()
    }
    for (const line of renderSummary(summary, dbPath)) this.log(line)
    const out: ScanResult = {documents: results, summary}
    if (dbPath) out.database = dbPath
    return out
  }
}
