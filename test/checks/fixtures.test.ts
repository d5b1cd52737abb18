// End to end over fixtures/drafts: each case's README says what must fire ("- Must fire: a, b."
// or "nothing"); the draft is read through the real pipeline and rule base.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {readDraft} from '../../src/checks/lint.js'
import {runChecks} from '../../src/checks/run.js'
import {CHECK_IDS} from '../../src/checks/types.js'

const DRAFTS = join(import.meta.dirname, '..', '..', 'fixtures', 'drafts')
const cases = readdirSync(DRAFTS, {withFileTypes: true}).filter((e) => e.isDirectory() && e.name !== 'bench').map((e) => e.name).sort()

function expected(dir: string): string[] {
  const readme = readFileSync(join(dir, 'README.md'), 'utf8')
  const line = /^- Must fire: (.*)$/m.exec(readme)
  if (!line) throw new Error(`${dir}/README.md has no "- Must fire:" line`)
  if (/^nothing\b/.test(line[1]!)) return []
  return line[1]!.replace(/\.$/, '').split(/,\s*/).sort()
}

describe('draft fixtures', () => {
  it('cover every check with a draft that fires it and a twin that does not', () => {
    for (const id of CHECK_IDS) {
      expect(cases).toContain(`${id}--fires`)
      expect(cases.some((c) => c.startsWith(`${id}--silent`) || c === 'reserved-above-threshold')).toBe(true)
    }
  })

  for (const name of cases) {
    it(`${name}: fires exactly what its README says`, async () => {
      const dir = join(DRAFTS, name)
      const dossier = await readDraft([dir], {today: '2026-11-21'})
      const kinds = dossier.documents.map((d) => d.kind)
      expect(kinds).toContain('RC')
      expect(kinds).toContain('CCAP')
      const report = runChecks(dossier)
      const fired = [...new Set(report.diagnostics.map((d) => d.check))].sort()
      expect(fired).toEqual(expected(dir))
      for (const d of report.diagnostics) {
        expect(d.path).toMatch(/(RC|CCAP|CCTP|AE)\.txt$/)
        expect(d.suggestion.length).toBeGreaterThan(20)
      }
      if (name.endsWith('--fires')) expect(report.diagnostics.some((d) => d.page !== undefined)).toBe(true)
    })
  }

  it('says which lots are reserved when only some are', async () => {
    const report = runChecks(await readDraft([join(DRAFTS, 'social-execution-condition-missing--one-lot-reserved')], {today: '2026-11-21'}))
    expect(report.facts.estimatedValue).toMatchObject({value: 420_000, source: 'document'})
    const [d] = report.diagnostics
    expect(d!.message).toContain('Seul le lot 3 est réservé')
    expect(d!.message).toContain('420 000 € HT')
  })

  it('leaves the social check undecided, naming --buyer, when the threshold depends on the buyer', async () => {
    const report = runChecks(await readDraft([join(DRAFTS, 'social-execution-condition-missing--undecided-buyer')], {today: '2026-11-21'}))
    const social = report.checks.find((c) => c.check === 'social-execution-condition-missing')!
    expect(social.status).toBe('undecided')
    expect(social.reason).toContain('--buyer')
    const decided = runChecks(await readDraft([join(DRAFTS, 'social-execution-condition-missing--undecided-buyer')], {today: '2026-11-21', buyer: 'local'}))
    expect(decided.diagnostics.map((d) => d.check)).toEqual(['social-execution-condition-missing'])
  })

  it('reads an annual maximum over the renewals, and weights written in prose', async () => {
    const report = runChecks(await readDraft([join(DRAFTS, 'social-execution-condition-missing--annual-framework')], {today: '2026-11-21'}))
    expect(report.facts.estimatedValue?.value).toBe(6_000_000)
    expect(report.criteria[0]!.criteria.map((c) => [c.name, c.weight])).toEqual(
      [['prix', 60], ['valeur technique', 30], ["performances en matière de protection de l'environnement", 10]])
  })

  it('totals the sample DCE\'s criteria to 100 (a description after the weight is not a threshold)', async () => {
    const sample = join(import.meta.dirname, '..', '..', 'fixtures', 'sample-dce')
    const report = runChecks(await readDraft([sample], {today: '2026-11-21'}))
    const [group] = report.criteria
    expect(group!.criteria.map((c) => [c.name, c.weight])).toEqual(
      [['Prix des prestations', 50], ['Valeur technique', 35], ["Performance environnementale de l'offre", 15]])
    expect(report.diagnostics.map((d) => d.check)).not.toContain('award-weights-inconsistent')
  })

  it('reports the 2026 checks as not applicable on the pre-2026 draft', async () => {
    const report = runChecks(await readDraft([join(DRAFTS, 'pre-2026')], {today: '2026-11-21'}))
    expect(report.checks.filter((c) => c.status === 'not-applicable').map((c) => c.check)).toEqual(
      ['env-award-criterion-missing', 'price-only-award', 'env-execution-condition-missing', 'social-execution-condition-missing'])
  })
})
