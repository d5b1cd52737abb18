import {Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import type {RulesTestResult} from '../../detect/catalog.js'

export default class RulesTest extends BaseCommand {
  static override description = "Run every rule's own examples (and the boilerplate examples); print the failures and exit with status 1 if any."
  static override examples = ['<%= config.bin %> rules test', '<%= config.bin %> rules test --rules ./my-rules --json']
  static override flags = {
    rules: Flags.string({description: 'rules folder [default: the rules shipped with clausescope]', helpValue: 'DIR'}),
  }

  async run(): Promise<RulesTestResult> {
    const {flags} = await this.parse(RulesTest)
    const {loadRuleBase} = await import('../../detect/rules.js')
    const {testRules} = await import('../../detect/catalog.js')
    const result = testRules(loadRuleBase(flags.rules))
    for (const f of result.failures) {
      this.log(`${f.file}:${f.line}: ${f.rule} (${f.expect}): ${f.problem}`)
      this.log(`    ${f.text.trim().replace(/\n/g, ' / ')}`)
    }
    this.log(`${result.passed}/${result.examples} examples passed (${result.rules} rules)${result.failed > 0 ? `, ${result.failed} failed` : ''}.`)
    if (result.failed > 0) process.exitCode = 1
    return result
  }
}
