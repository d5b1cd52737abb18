import {Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import type {RuleSummary} from '../../detect/catalog.js'

export default class RulesList extends BaseCommand {
  static override description = 'List the rules of the rule base: id, clause category and legal basis.'
  static override examples = ['<%= config.bin %> rules list', '<%= config.bin %> rules list --json', '<%= config.bin %> rules list --rules ./my-rules']
  static override flags = {
    rules: Flags.string({description: 'rules folder [default: the rules shipped with clausescope]', helpValue: 'DIR'}),
  }

  async run(): Promise<{rules: RuleSummary[]}> {
    const {flags} = await this.parse(RulesList)
    const {loadRuleBase} = await import('../../detect/rules.js')
    const {listRules} = await import('../../detect/catalog.js')
    const rules = listRules(loadRuleBase(flags.rules))
    const width = Math.max(...rules.map((r) => r.id.length), 2)
    const catWidth = Math.max(...rules.map((r) => r.category.length), 8)
    this.log(`${'ID'.padEnd(width)}  ${'CATEGORY'.padEnd(catWidth)}  LEGAL`)
    for (const r of rules) this.log(`${r.id.padEnd(width)}  ${r.category.padEnd(catWidth)}  ${r.legal.join(', ')}`)
    return {rules}
  }
}
