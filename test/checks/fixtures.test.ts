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
      expect(dossier.documents.map((d) => d.kind).sort()).toEqual(['CCAP', 'RC'])
      const report = runChecks(dossier)
      const fired = [...new Set(report.diagnostics.map((d) => d.check))].sort()
      expect(fired).toEqual(expected(dir))
      for (const d of report.diagnostics) {
        expect(d.path).toMatch(/(RC|CCAP)\.txt$/)
        expect(d.suggestion.length).toBeGreaterThan(20)
      }
      if (name.endsWith('--fires')) expect(report.diagnostics.some((d) => d.page !== undefined)).toBe(true)
    })
  }

  it('reports the 2026 checks as not applicable on the pre-2026 draft', async () => {
    const report = runChecks(await readDraft([join(DRAFTS, 'pre-2026')], {today: '2026-11-21'}))
    expect(report.checks.filter((c) => c.status === 'not-applicable').map((c) => c.check)).toEqual(
      ['env-award-criterion-missing', 'price-only-award', 'env-execution-condition-missing', 'social-execution-condition-missing'])
  })
})
