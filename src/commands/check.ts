import {stat, writeFile} from 'node:fs/promises'
import {Args, Flags, type Interfaces} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {ClausescopeError, UsageError} from '../core/errors.js'
import {CHECK_IDS, isCheckId, type CheckId} from '../checks/types.js'
import type {CheckReport} from '../checks/run.js'

function parseDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const d = m ? new Date(`${value}T00:00:00Z`) : undefined
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--consultation-date: "${value}" is not a date in the form YYYY-MM-DD.`, ['e.g. --consultation-date 2026-09-15'])
  }
  return value
}

function parseEuros(value: string): number {
  const n = Number(value.replace(/[\s\u00A0\u202F_]/g, '').replace(/€|eur(?:os?)?$/i, '').replace(',', '.'))
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--estimated-value: "${value}" is not an amount in euros excl. VAT.`, ['e.g. --estimated-value 450000'])
  return n
}

export default class Check extends BaseCommand {
  static override description = 'Lint a draft DCE (RC, CCAP, CCTP, AE: folder, ZIP or files) against the social and environmental obligations in force on its consultation date, with page references and what to write instead. Exit code 1 when errors are found (or warnings, with --fail-on warning), 2 on a usage error.'
  static override strict = false
  static override args = {
    path: Args.string({description: 'files, folders or ZIP archives of the draft DCE', required: true}),
  }
  static override examples = [
    '<%= config.bin %> check ./DCE',
    '<%= config.bin %> check RC.pdf CCAP.pdf --consultation-date 2026-09-15 --estimated-value 450000 --nature services --buyer local',
    '<%= config.bin %> check DCE.zip --format html --output verification.html',
    '<%= config.bin %> check ./DCE --ignore obsolete-legal-reference --json',
  ]
  static override flags = {
    'consultation-date': Flags.string({description: 'date of launch or dispatch of the notice, YYYY-MM-DD [default: read from the documents, else today]', helpValue: 'YYYY-MM-DD'}),
    'estimated-value': Flags.string({description: 'estimated value excl. VAT, all lots together, in euros [default: read from the documents]', helpValue: 'EUROS'}),
    nature: Flags.string({description: 'nature of the contract [default: read from the CCAG named or the object]', options: ['works', 'supplies', 'services']}),
    buyer: Flags.string({description: 'kind of buyer, for the EU threshold: local (216 000 €), central (140 000 €), utility (432 000 €)', options: ['local', 'central', 'utility']}),
    ignore: Flags.string({description: `silence a check (repeatable): ${CHECK_IDS.join(', ')}`, multiple: true, helpValue: 'CHECK'}),
    'fail-on': Flags.string({description: 'lowest level that makes the exit code 1', options: ['error', 'warning'], default: 'error'}),
    format: Flags.string({description: 'human output: text, or one self-contained HTML page', options: ['text', 'html'], default: 'text'}),
    output: Flags.string({char: 'o', description: 'write the HTML page to this file instead of stdout', helpValue: 'FILE'}),
  }

  async run(): Promise<CheckReport> {
    const {argv, flags} = await this.parse(Check)
    const paths = argv as string[]
    if (paths.length === 0) throw new UsageError('check needs at least one file, folder or ZIP archive.')
    for (const p of paths) {
      try {
        await stat(p)
      } catch {
        throw new UsageError(`${p}: no such file or folder.`)
      }
    }
    const ignore: CheckId[] = []
    for (const id of flags.ignore ?? []) {
      if (!isCheckId(id)) throw new UsageError(`--ignore: unknown check "${id}".`, [`known checks: ${CHECK_IDS.join(', ')}`])
      ignore.push(id)
    }
    const {lintDraft} = await import('../checks/lint.js')
    const report = await lintDraft(paths, {
      today: new Date().toISOString().slice(0, 10),
      ignore,
      ...(flags['consultation-date'] ? {consultationDate: parseDate(flags['consultation-date'])} : {}),
      ...(flags['estimated-value'] ? {estimatedValue: parseEuros(flags['estimated-value'])} : {}),
      ...(flags.nature ? {nature: flags.nature as 'works' | 'supplies' | 'services'} : {}),
      ...(flags.buyer ? {buyer: flags.buyer as 'local' | 'central' | 'utility'} : {}),
    })
    await this.render(report, flags.format, flags.output)
    const failing = report.summary.errors > 0 || (flags['fail-on'] === 'warning' && report.summary.warnings > 0)
    // Exit code 1 without throwing, so that --json still prints the report as its one JSON value.
    if (failing) process.exitCode = 1
    return report
  }

  private async render(report: CheckReport, format: string, output: string | undefined): Promise<void> {
    if (format === 'html') {
      const {renderCheckHtml} = await import('../report/check-html.js')
      const page = renderCheckHtml(report)
      if (output) {
        await writeFile(output, page)
        this.logToStderr(`Rapport écrit dans ${output}`)
      } else if (!this.jsonEnabled()) {
        process.stdout.write(page)
      }
      return
    }
    const {renderCheckText} = await import('../report/check-text.js')
    for (const line of renderCheckText(report)) this.log(line)
  }
}
