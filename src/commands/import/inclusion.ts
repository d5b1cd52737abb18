import {Args, Flags} from '@oclif/core'
import {BaseCommand, dbFlag} from '../../cli/base-command.js'
import {UsageError} from '../../core/errors.js'
import {INCLUSION_KINDS, normaliseKind, readInclusion} from '../../sources/inclusion.js'
import {beginRun, finishRun} from '../../store/awards.js'
import {openDatabase} from '../../store/db.js'
import {importOrganisations, sseListCounts} from '../../store/organisations.js'
import {maxWarningsFlag} from './decp.js'
import type {ImportReferenceResult} from './sirene.js'

export default class ImportInclusion extends BaseCommand {
  static override description = `Load a list of inclusion and disability structures (SIAE: EI, AI, ACI, ETTI, EITI, GEIQ; EA, EATT, ESAT) as CSV or JSON with a SIRET and a kind, e.g. the Marché de l'inclusion exports.
A holder of an award counts as an SSE provider when its SIREN is listed. Award SSE figures are updated at the end.`
  static override args = {file: Args.string({description: 'CSV or JSON list of structures', required: true})}
  static override examples = [
    '<%= config.bin %> import inclusion siaes.json',
    '<%= config.bin %> import inclusion liste-esat.csv --kind ESAT',
  ]
  static override flags = {
    db: dbFlag,
    kind: Flags.string({description: `kind of the structures that have none in the file (${Object.keys(INCLUSION_KINDS).join(', ')})`}),
    'max-warnings': maxWarningsFlag,
  }

  async run(): Promise<ImportReferenceResult> {
    const {args, flags} = await this.parse(ImportInclusion)
    const kind = flags.kind === undefined ? undefined : normaliseKind(flags.kind)
    if (flags.kind !== undefined && !kind) throw new UsageError(`--kind ${flags.kind}: use one of ${Object.keys(INCLUSION_KINDS).join(', ')}.`)
    const database = this.dbPath(flags.db)
    const db = openDatabase(database)
    const started = Date.now()
    let warned = 0
    try {
      const runId = beginRun(db, 'import inclusion', [args.file])
      const counts = await importOrganisations(db, readInclusion(args.file, kind), runId, {
        source: args.file,
        onProblem: (m) => {
          if (warned++ < flags['max-warnings']) process.stderr.write(`warning: skipped ${m}\n`)
        },
      })
      finishRun(db, runId, counts)
      if (warned > flags['max-warnings']) process.stderr.write(`warning: … and ${warned - flags['max-warnings']} more skipped records\n`)
      const lists = sseListCounts(db)
      this.log(`${args.file}: ${counts.records} records read, ${counts.kept} structures stored, ${counts.skipped} skipped.`)
      this.log(`${database}: ${lists.structures} structures (${lists.insertion} insertion, ${lists.disability} disability).`)
      return {file: args.file, database, counts, lists, seconds: (Date.now() - started) / 1000}
    } finally {
      db.close()
    }
  }
}
