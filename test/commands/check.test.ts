import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {FIXTURES, parseJsonOutput, runCli} from '../helpers/cli.js'

interface CheckJson {
  diagnostics: Array<{check: string; level: string; message: string; legal: string[]; path?: string; page?: number; suggestion: string}>
  summary: {errors: number; warnings: number}
  checks: Array<{check: string; status: string; reason?: string}>
  facts: Record<string, {value: unknown; source: string}>
}

const draft = (name: string) => join(FIXTURES, 'drafts', name)

describe('clausescope check', () => {
  it('prints one JSON value and exits 0 on a compliant draft', () => {
    const run = runCli(['check', draft('compliant-2026'), '--json'])
    expect(run.status).toBe(0)
    const out = parseJsonOutput<CheckJson>(run)
    expect(out.diagnostics).toEqual([])
    expect(out.summary).toMatchObject({errors: 0, warnings: 0})
    expect(out.facts.consultationDate).toMatchObject({value: '2026-09-14', source: 'document'})
  })

  it('exits 1 on errors and still prints exactly one JSON value with the contract fields', () => {
    const run = runCli(['check', draft('price-only-award--fires'), '--json'])
    expect(run.status).toBe(1)
    const out = parseJsonOutput<CheckJson>(run)
    expect(out.summary.errors).toBe(2)
    const d = out.diagnostics.find((x) => x.check === 'price-only-award')!
    expect(d).toMatchObject({level: 'error', legal: ['R2152-7'], page: 2})
    expect(d.path).toMatch(/RC\.txt$/)
  })

  it('prints a human report grouped by document, with pages and suggestions', () => {
    const run = runCli(['check', draft('env-award-criterion-missing--fires')])
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('1 erreur(s)')
    expect(run.stdout).toMatch(/RC\.txt\n {2}✖ erreur \[env-award-criterion-missing\] p\. 2/)
    expect(run.stdout).toContain('→ Ajouter au moins un critère')
  })

  it('exits 0 on warnings unless --fail-on warning; --ignore silences a check', () => {
    expect(runCli(['check', draft('label-without-equivalent--fires'), '--json']).status).toBe(0)
    expect(runCli(['check', draft('label-without-equivalent--fires'), '--fail-on', 'warning', '--json']).status).toBe(1)
    const ignored = runCli(['check', draft('price-only-award--fires'), '--ignore', 'price-only-award', '--ignore', 'env-award-criterion-missing', '--json'])
    expect(ignored.status).toBe(0)
    expect(parseJsonOutput<CheckJson>(ignored).checks.filter((c) => c.status === 'ignored')).toHaveLength(2)
  })

  it('lets flags decide applicability: an earlier date turns the 2026 errors off', () => {
    const run = runCli(['check', draft('price-only-award--fires'), '--consultation-date', '2026-08-20', '--json'])
    expect(run.status).toBe(0)
    const out = parseJsonOutput<CheckJson>(run)
    expect(out.facts.consultationDate).toEqual({value: '2026-08-20', source: 'flag'})
    expect(out.checks.find((c) => c.check === 'price-only-award')?.status).toBe('not-applicable')
  })

  it('exits 2 on usage errors: bad date, unknown check, missing path, bad option value', () => {
    expect(runCli(['check', draft('compliant-2026'), '--consultation-date', '2026-13-01']).status).toBe(2)
    const unknown = runCli(['check', draft('compliant-2026'), '--ignore', 'no-such-check'])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('no-such-check')
    expect(runCli(['check', join(FIXTURES, 'drafts', 'does-not-exist')]).status).toBe(2)
    expect(runCli(['check', draft('compliant-2026'), '--nature', 'concession']).status).toBe(2)
    const json = runCli(['check', draft('compliant-2026'), '--estimated-value', 'beaucoup', '--json'])
    expect(json.status).toBe(2)
    expect(parseJsonOutput<{error: {message: string}}>(json).error.message).toContain('--estimated-value')
  })

  it('writes one self-contained HTML page', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'clausescope-check-')), 'rapport.html')
    const run = runCli(['check', draft('obsolete-legal-reference--fires'), '--format', 'html', '--output', out])
    expect(run.status).toBe(0)
    const html = readFileSync(out, 'utf8')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('obsolete-legal-reference')
    expect(html).toContain('article 14 du code des marchés publics')
    expect(html).not.toMatch(/<script|<link|src="http/)
  })
})
