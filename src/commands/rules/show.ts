import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import type {RuleDetails} from '../../detect/catalog.js'

export default class RulesShow extends BaseCommand {
  static override description = 'Show one rule: description, legal basis, category codes (DECP, eForms, OCDS) and examples.'
  static override examples = ['<%= config.bin %> rules show insertion-clause/heures-insertion', '<%= config.bin %> rules show reserved-ess/ess --json']
  static override args = {id: Args.string({description: 'rule id, e.g. insertion-clause/heures-insertion', required: true})}
  static override flags = {
    rules: Flags.string({description: 'rules folder [default: the rules shipped with clausescope]', helpValue: 'DIR'}),
  }

  async run(): Promise<RuleDetails> {
    const {args, flags} = await this.parse(RulesShow)
    const {loadRuleBase} = await import('../../detect/rules.js')
    const {describeRule} = await import('../../detect/catalog.js')
    const rule = describeRule(loadRuleBase(flags.rules), args.id)
    this.log(`${rule.id}  (${rule.file})`)
    this.log(`category:    ${rule.category} — ${rule.codes.label}`)
    this.log(`legal basis: ${rule.legal.join(', ')}`)
    this.log(`codes:       DECP "${rule.codes.decp}"; eForms ${rule.codes.eforms.join(', ')}; OCDS ${rule.codes.ocds.goal} / ${rule.codes.ocds.strategy}`)
    if (rule.quantities.length > 0) this.log(`quantities:  ${rule.quantities.join(', ')}`)
    this.log(`\n${rule.description}\n`)
    this.log('Matches:')
    for (const e of rule.examples.match) this.log(`  + ${e.trim().replace(/\n/g, ' / ')}`)
    this.log('Does not match:')
    for (const e of rule.examples.nomatch) this.log(`  - ${e.trim().replace(/\n/g, ' / ')}`)
    return rule
  }
}
