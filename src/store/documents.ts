// The documents and findings tables: one row per distinct file content (sha256), its status,
// where it was read from, and the findings of its latest analysis.

import type {DeclaredConsiderations, DocumentResult, Finding, ProcedureFacts, Provenance} from '../core/model.js'
import type {Database} from './sqlite.js'

interface DocumentRow {
  id: number
  sha256: string
  path: string
  size: number
  format: string | null
  kind: string | null
  page_count: number | null
  status: DocumentResult['status']
  error_code: string | null
  reason: string | null
  declared: string | null
  facts: string | null
  ruleset: string | null
}

interface FindingRow {
  category: Finding['category']
  rule: string
  page: number | null
  section: string | null
  start_offset: number
  end_offset: number
  quote: string
  hours: number | null
  percent: number | null
  weight: number | null
  legal: string
  lot: string | null
}

export class DocumentStore {
  private readonly byHash
  private readonly findingsOf
  private readonly upsert
  private readonly deleteFindings
  private readonly insertFinding
  private readonly startRun
  private readonly endRun

  constructor(readonly db: Database) {
    this.byHash = db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE sha256 = ?')
    this.findingsOf = db.prepare<[number], FindingRow>('SELECT * FROM findings WHERE document_id = ? ORDER BY start_offset, id')
    this.upsert = db.prepare(`
      INSERT INTO documents (sha256, path, container, url, size, format, kind, page_count, status, error_code,
                             reason, declared, facts, ruleset, first_seen_at, analysed_at, run_id)
      VALUES (@sha256, @path, @container, @url, @size, @format, @kind, @page_count, @status, @error_code,
              @reason, @declared, @facts, @ruleset, @now, @now, @run_id)
      ON CONFLICT (sha256) DO UPDATE SET
        path = excluded.path, container = excluded.container, url = excluded.url, format = excluded.format,
        kind = excluded.kind, page_count = excluded.page_count, status = excluded.status,
        error_code = excluded.error_code, reason = excluded.reason, declared = excluded.declared,
        facts = excluded.facts, ruleset = excluded.ruleset, analysed_at = excluded.analysed_at,
        run_id = excluded.run_id
      RETURNING id`)
    this.deleteFindings = db.prepare('DELETE FROM findings WHERE document_id = ?')
    this.insertFinding = db.prepare(`
      INSERT INTO findings (document_id, category, rule, page, section, start_offset, end_offset, quote,
                            hours, percent, weight, legal, lot)
      VALUES (@document_id, @category, @rule, @page, @section, @start, @end, @quote,
              @hours, @percent, @weight, @legal, @lot)`)
    this.startRun = db.prepare('INSERT INTO runs (command, args, started_at) VALUES (?, ?, ?) RETURNING id')
    this.endRun = db.prepare('UPDATE runs SET ended_at = ?, counts = ? WHERE id = ?')
  }

  beginRun(command: string, args: string[]): number {
    return (this.startRun.get(command, JSON.stringify(args), new Date().toISOString()) as {id: number}).id
  }

  finishRun(runId: number, counts: Record<string, number>): void {
    this.endRun.run(new Date().toISOString(), JSON.stringify(counts), runId)
  }

  /**
   * The stored result for these bytes when it was produced by the same rule set and analyser
   * version, so it need not be analysed again. Failed documents are always retried.
   */
  cached(sha256: string, ruleset: string): DocumentResult | undefined {
    const row = this.byHash.get(sha256)
    if (!row || row.ruleset !== ruleset || row.status === 'failed') return undefined
    return this.toResult(row)
  }

  /** Writes one document and its findings in one transaction. */
  save(result: DocumentResult, source: Provenance, ruleset: string, runId?: number): void {
    this.db.transaction(() => {
      const {id} = this.upsert.get({
        sha256: source.sha256, path: source.path, container: source.container ?? null, url: source.url ?? null,
        size: source.size, format: result.format ?? null, kind: result.kind ?? null,
        page_count: result.pageCount ?? null, status: result.status, error_code: result.errorCode ?? null,
        reason: result.reason ?? null, declared: result.declared ? JSON.stringify(result.declared) : null,
        facts: result.facts ? JSON.stringify(result.facts) : null, ruleset, now: source.readAt,
        run_id: runId ?? null,
      }) as {id: number}
      this.deleteFindings.run(id)
      for (const f of result.findings) {
        this.insertFinding.run({
          document_id: id, category: f.category, rule: f.rule, page: f.page ?? null,
          section: f.section ? JSON.stringify(f.section) : null, start: f.start, end: f.end, quote: f.quote,
          hours: f.quantities?.hours ?? null, percent: f.quantities?.percent ?? null,
          weight: f.quantities?.weight ?? null, legal: JSON.stringify(f.legal), lot: f.lot ?? null,
        })
      }
    })()
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM documents').get() as {n: number}).n
  }

  private toResult(row: DocumentRow): DocumentResult {
    const result: DocumentResult = {path: row.path, status: row.status, sha256: row.sha256, size: row.size, findings: []}
    if (row.reason) result.reason = row.reason
    if (row.error_code) result.errorCode = row.error_code
    if (row.format) result.format = row.format as DocumentResult['format']
    if (row.kind) result.kind = row.kind as DocumentResult['kind']
    if (row.page_count !== null) result.pageCount = row.page_count
    if (row.declared) result.declared = JSON.parse(row.declared) as DeclaredConsiderations
    if (row.facts) result.facts = JSON.parse(row.facts) as ProcedureFacts
    result.findings = this.findingsOf.all(row.id).map(toFinding)
    return result
  }
}

function toFinding(r: FindingRow): Finding {
  const f: Finding = {category: r.category, rule: r.rule, start: r.start_offset, end: r.end_offset, quote: r.quote,
    legal: JSON.parse(r.legal) as string[]}
  if (r.page !== null) f.page = r.page
  if (r.section) f.section = JSON.parse(r.section) as string[]
  const q: NonNullable<Finding['quantities']> = {}
  if (r.hours !== null) q.hours = r.hours
  if (r.percent !== null) q.percent = r.percent
  if (r.weight !== null) q.weight = r.weight
  if (Object.keys(q).length > 0) f.quantities = q
  if (r.lot) f.lot = r.lot
  return f
}
