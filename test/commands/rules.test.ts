import {describe, expect, it} from 'vitest'
import {parseJsonOutput, runCli} from '../helpers/cli.js'
import {ruleDir, ruleYaml} from '../detect/helpers.js'

describe('clausescope rules', () => {
  it('lists every rule with its category and legal basis', () => {
    const run = runCli(['rules', 'list', '--json'])
    expect(run.status).toBe(0)
    const {rules} = parseJsonOutput<{rules: Array<{id: string; category: string; legal: string[]}>}>(run)
    expect(rules.find((r) => r.id === 'insertion-clause/heures-insertion')).toMatchObject({category: 'insertion-clause', legal: ['L2112-2']})
    expect(new Set(rules.map((r) => r.category)).size).toBe(9)
    const text = runCli(['rules', 'list'])
    expect(text.stdout).toMatch(/^ID\s+CATEGORY\s+LEGAL$/m)
    expect(text.stdout).toMatch(/^reserved-ess\/ess\s+reserved-ess\s+L2113-15, L2113-16$/m)
  })

  it('shows one rule with its codes and examples', () => {
    const run = runCli(['rules', 'show', 'reserved-ess/ess', '--json'])
    expect(run.status).toBe(0)
    const rule = parseJsonOutput<{codes: {decp: string; eforms: string[]}; examples: {match: string[]}}>(run)
    expect(rule.codes.decp).toBe('Marché réservé')
    expect(rule.codes.eforms).toEqual(['BT-71 res-pub-ser'])
    expect(rule.examples.match.length).toBeGreaterThan(0)
    const missing = runCli(['rules', 'show', 'no-such/rule'])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('No rule "no-such/rule"')
  })

  it('runs the examples: exit 0 when they pass, 1 with the failures listed when not', () => {
    const ok = runCli(['rules', 'test', '--json'])
    expect(ok.status).toBe(0)
    expect(parseJsonOutput<{failed: number}>(ok).failed).toBe(0)

    const broken = ruleYaml('insertion-clause/faux', `match:\n  any: ["heures d'insertion"]\nexamples:\n  match: ["Le titulaire réalise des heures d'ouverture."]\n  nomatch: ["Aucune."]\n`)
    const dir = ruleDir({'insertion-clause/faux.yml': broken})
    const line = broken.split('\n').findIndex((l) => l.includes("heures d'ouverture")) + 1
    const bad = runCli(['rules', 'test', '--rules', dir])
    expect(bad.status).toBe(1)
    expect(bad.stdout).toContain(`rules/insertion-clause/faux.yml:${line}: insertion-clause/faux (match): expected a finding, got none`)
    const json = parseJsonOutput<{failed: number; failures: Array<{rule: string; line: number}>}>(runCli(['rules', 'test', '--rules', dir, '--json']))
    expect(json.failures.filter((f) => f.rule === 'insertion-clause/faux')).toEqual([expect.objectContaining({line})])
  })

  it('reports an invalid rule file with its line', () => {
    const dir = ruleDir({'insertion-clause/faux.yml': 'id: insertion-clause/faux\ncategory: insertion-clause\ntokenz: [x]\n'})
    const run = runCli(['rules', 'list', '--rules', dir])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('rules/insertion-clause/faux.yml:3:1: unknown key "tokenz" in a rule')
  })
})
