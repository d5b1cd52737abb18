import {Flags} from '@oclif/core'
import {BaseCommand, dbFlag} from '../cli/base-command.js'
import {AWARD_DIMENSIONS, FIGURE_NAMES, awardStats, parseDimensions, type Figures, type Group} from '../stats/awards.js'
import {NOTICE_FIGURE_NAMES, noticeStats} from '../stats/notices.js'
import {euros, percent, plain, renderCsv, renderText, type Column} from '../stats/table.js'
import {openDatabase} from '../store/db.js'

export interface StatsResult {
  groups: Group[]
  total: Figures
}

const AWARD_COLUMNS: Column[] = [
  {title: 'contracts', value: plain('contracts')},
  {title: 'amount', value: euros('amount')},
  {title: 'social', value: percent('social_share')},
  {title: 'social €', value: percent('social_amount_share')},
  {title: 'env', value: percent('env_share')},
  {title: 'env €', value: percent('env_amount_share')},
  {title: 'reserved', value: percent('reserved_share')},
  {title: 'SSE', value: percent('sse_share')},
  {title: 'SSE €', value: percent('sse_amount_share')},
]

const NOTICE_COLUMNS: Column[] = [
  {title: 'notices', value: plain('notices')},
  {title: 'analysed', value: plain('analysed')},
  {title: 'social', value: percent('social_share')},
  {title: 'insertion', value: percent('insertion-clause_share')},
  {title: 'reserved', value: (r) => percent('x')({x: ['reserved-disability', 'reserved-insertion', 'reserved-ess'].reduce((s, c) => s + Number(r[`${c}_notices`] ?? 0), 0) / Math.max(1, Number(r.analysed))})},
  {title: 'env', value: percent('env_share')},
  {title: 'declared', value: plain('declared')},
  {title: 'social decl/det/both', value: (r) => `${r.social_declared_only}/${r.social_detected_only}/${r.social_both}`},
  {title: 'env decl/det/both', value: (r) => `${r.env_declared_only}/${r.env_detected_only}/${r.env_both}`},
]

export default class Stats extends BaseCommand {
  static override description = `Indicators for SPASER and council reports: share of contracts (in number and in euros) with social considerations (clause, criterion, reserved), environmental considerations, reserved contracts, and reaching SSE providers (ESS, insertion, disability), from imported DECP awards.
With --notices: the same idea over the notices and documents analysed by scan/crawl: share of procedures with each detected clause category, and declared vs detected agreement where notices carry coded considerations.`
  static override examples = [
    '<%= config.bin %> stats --by year',
    '<%= config.bin %> stats --by year,buyer --from 2024 --json',
    '<%= config.bin %> stats --buyer 21750001600019 --by cpv --format csv > indicateurs.csv',
    '<%= config.bin %> stats --notices --by year',
  ]
  static override flags = {
    db: dbFlag,
    by: Flags.string({description: `group by any of ${AWARD_DIMENSIONS.join(', ')}, comma-separated`, helpValue: 'DIMS'}),
    buyer: Flags.string({description: 'only this buyer SIRET (repeat or comma-separate for several)', multiple: true, helpValue: 'SIRET'}),
    from: Flags.string({description: 'notified (notices: sent) on or after: YYYY, YYYY-MM or YYYY-MM-DD', helpValue: 'DATE'}),
    to: Flags.string({description: 'notified (notices: sent) on or before: YYYY, YYYY-MM or YYYY-MM-DD', helpValue: 'DATE'}),
    notices: Flags.boolean({description: 'indicators over analysed notices and documents instead of awards', default: false}),
    format: Flags.string({description: 'output format when --json is not given', options: ['table', 'csv'], default: 'table'}),
  }

  async run(): Promise<StatsResult> {
    const {flags} = await this.parse(Stats)
    const by = parseDimensions(flags.by)
    const buyers = flags.buyer?.flatMap((b) => b.split(',')).map((b) => b.trim()).filter(Boolean)
    const db = openDatabase(this.dbPath(flags.db))
    let result: StatsResult
    try {
      const options = {by, buyers, from: flags.from, to: flags.to}
      result = flags.notices ? noticeStats(db, options) : awardStats(db, options)
    } finally {
      db.close()
    }
    const table = {keys: by, ...result}
    if (this.jsonEnabled()) return result
    if (flags.format === 'csv') {
      process.stdout.write(renderCsv(table, flags.notices ? NOTICE_FIGURE_NAMES : FIGURE_NAMES))
    } else {
      for (const line of renderText(table, flags.notices ? NOTICE_COLUMNS : AWARD_COLUMNS)) this.log(line)
      if (!flags.notices && result.total.contracts === 0) this.log('No awards in the store: load some with `clausescope import decp FILE`.')
      if (flags.notices && result.total.notices === 0) this.log('No analysed documents in the store: run `clausescope scan` or `clausescope crawl` first.')
    }
    return result
  }
}
