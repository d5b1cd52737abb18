// The awards and award_holders tables: writing DECP awards in bulk (one row per uid, the latest
// publication wins), and deriving each award's SSE holder counts from the reference lists.

import type {AwardRecord, DecpItem} from '../sources/decp.js'
import type {Database, Statement} from './sqlite.js'

export interface AwardImportCounts {
  /** Records read from the file (rows for a CSV), bad ones included. */
  records: number
  /** Contracts (uids) seen for the first time. */
  added: number
  /** Contracts already stored and replaced by a later publication. */
  replaced: number
  /** Records ignored because the store holds a later publication of the same uid. */
  superseded: number
  /** CSV rows merged into a contract already read (other holders, older modifications). */
  merged: number
  skipped: number
  holders: number
}

export interface ImportOptions {
  onProblem: (message: string) => void
  onProgress?: (records: number) => void
  /** Records per transaction. */
  batchSize?: number
  /**
   * About how many records the input holds (e.g. file size / 1 kB). A bulk load into a smaller
   * table drops the indicators' index and rebuilds it at the end: one sort instead of a million
   * random B-tree insertions that no longer fit in the page cache.
   */
  expectedRecords?: number
}

/** The covering index of the indicators (created by migration 002; rebuilt after bulk loads). */
export const INDICATOR_INDEX = `CREATE INDEX IF NOT EXISTS awards_year_buyer ON awards(year, buyer_id, amount, social, env,
  reserved, holders, sse_holders, ess_holders, insertion_holders, disability_holders)`

const COLUMNS = [
  'uid', 'record_id', 'buyer_id', 'kind', 'nature', 'procedure', 'object', 'cpv', 'cpv_division', 'place_code',
  'place_type', 'departement', 'notification_date', 'year', 'publication_date', 'version', 'initial_amount', 'amount',
  'duration_months', 'social_considerations', 'env_considerations', 'social', 'env', 'reserved', 'eu_category',
  'holders', 'format', 'run_id',
] as const

function rowValues(a: AwardRecord, runId: number): unknown[] {
  return [
    a.uid, a.id, a.buyerId, a.kind, a.nature, a.procedure, a.object, a.cpv,
    a.cpv && /^\d{2}/.test(a.cpv) ? a.cpv.slice(0, 2) : null, a.placeCode, a.placeType, a.departement,
    a.notificationDate, a.notificationDate ? Number(a.notificationDate.slice(0, 4)) : null, a.publicationDate,
    a.version, a.initialAmount, a.amount, a.durationMonths,
    a.socialConsiderations.length > 0 ? a.socialConsiderations.join('; ') : null,
    a.envConsiderations.length > 0 ? a.envConsiderations.join('; ') : null,
    a.social ? 1 : 0, a.env ? 1 : 0, a.reserved ? 1 : 0, a.euCategory, a.holders.length, a.format, runId,
  ]
}

interface CsvKept {
  notification_date: string | null
  initial_amount: number | null
  amount: number | null
}

/** Writes awards one by one; the caller batches them in transactions. */
export class AwardWriter {
  readonly counts: AwardImportCounts = {records: 0, added: 0, replaced: 0, superseded: 0, merged: 0, skipped: 0, holders: 0}
  private readonly find: Statement<[string], [number, string, number | null]>
  private readonly insert: Statement
  private readonly update: Statement
  private readonly clearHolders: Statement
  private readonly insertHolder: Statement
  private readonly hasHolder: Statement<unknown[], [number]>
  private readonly mergeCsv: Statement
  private readonly holderCount: Statement<[number], number>
  private readonly storedHolders: Statement<[number], number>
  private readonly csvDates: Statement<[number], CsvKept>
  private readonly setHolderCount: Statement

  constructor(readonly db: Database, readonly runId: number) {
    this.find = db.prepare<[string], [number, string, number | null]>('SELECT id, version, run_id FROM awards WHERE uid = ?').raw()
    this.insert = db.prepare(`INSERT INTO awards (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})
      ON CONFLICT (uid) DO NOTHING`)
    this.update = db.prepare(`UPDATE awards SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`)
    this.clearHolders = db.prepare('DELETE FROM award_holders WHERE award_id = ?')
    this.insertHolder = db.prepare('INSERT INTO award_holders (award_id, position, id_type, holder_id, siren) VALUES (?, ?, ?, ?, ?)')
    this.hasHolder = db.prepare<unknown[], [number]>(
      'SELECT count(*) FROM award_holders WHERE award_id = ? AND holder_id = ? AND id_type IS ?').raw()
    this.holderCount = db.prepare<[number], number>('SELECT count(*) FROM award_holders WHERE award_id = ?').pluck()
    this.storedHolders = db.prepare<[number], number>('SELECT holders FROM awards WHERE id = ?').pluck()
    this.setHolderCount = db.prepare('UPDATE awards SET holders = ? WHERE id = ?')
    this.csvDates = db.prepare<[number], CsvKept>('SELECT notification_date, initial_amount, amount FROM awards WHERE id = ?')
    // A CSV row of an older modification still tells the original notification date and amount,
    // and its amount stands when the later rows state none (latest modification stating one).
    this.mergeCsv = db.prepare(`UPDATE awards SET
        amount = coalesce(amount, @amount),
        year = CASE WHEN @date IS NOT NULL AND (notification_date IS NULL OR @date < notification_date) THEN @year ELSE year END,
        notification_date = CASE WHEN @date IS NOT NULL AND (notification_date IS NULL OR @date < notification_date) THEN @date ELSE notification_date END,
        initial_amount = coalesce(@initial, initial_amount)
      WHERE id = @id`)
  }

  put(item: DecpItem): void {
    this.counts.records++
    if ('problem' in item) {
      this.counts.skipped++
      return
    }
    const a = item.award
    // Most uids are new: try the insert first, look the stored version up only on conflict.
    const inserted = this.insert.run(...rowValues(a, this.runId))
    if (inserted.changes > 0) {
      this.addHolders(Number(inserted.lastInsertRowid), a, 0)
      this.counts.added++
      return
    }
    const existing = this.find.get(a.uid)!
    if (item.merge) {
      this.putCsvRow(existing, a, item.merge.modificationId)
    } else if (a.version >= existing[1]) {
      this.replace(existing, a)
      this.counts.replaced++
    } else {
      this.counts.superseded++
    }
  }

  private replace([id, , runId]: [number, string, number | null], a: AwardRecord): void {
    // Holders count those of the contracts this import leaves in the store.
    if (runId === this.runId) this.counts.holders -= this.storedHolders.get(id) ?? 0
    this.update.run(...rowValues(a, this.runId), id)
    this.clearHolders.run(id)
    this.addHolders(id, a, 0)
  }

  private putCsvRow(existing: [number, string, number | null], a: AwardRecord, modificationId: number | null): void {
    const [id, version] = existing
    if (a.version > version) {
      // A later modification's row: its amount (when it states one) and holders win, but the
      // notification date and initial amount stay those of the original contract (mergeCsv below).
      const before = this.csvDates.get(id)!
      this.replace(existing, a)
      this.counts.replaced++
      this.mergeDates(id, before.notification_date, before.initial_amount, before.amount)
    } else if (a.version === version) {
      let position = this.holderCount.get(id) ?? 0
      for (const h of a.holders) {
        if (this.hasHolder.get(id, h.id, h.idType)![0] > 0) continue
        this.insertHolder.run(id, position++, h.idType, h.id, h.siren)
        this.counts.holders++
      }
      this.setHolderCount.run(position, id)
      this.counts.merged++
    } else {
      this.counts.superseded++
    }
    this.mergeDates(id, a.notificationDate, modificationId ? null : a.initialAmount, a.amount)
  }

  private mergeDates(id: number, date: string | null, initial: number | null, amount: number | null): void {
    this.mergeCsv.run({date, year: date ? Number(date.slice(0, 4)) : null, initial, amount, id})
  }

  private addHolders(id: number, a: AwardRecord, from: number): void {
    let position = from
    for (const h of a.holders) this.insertHolder.run(id, position++, h.idType, h.id, h.siren)
    this.counts.holders += a.holders.length
  }
}

/** Streams batches of DECP items into the store in large transactions; returns the counts. */
export async function importAwards(db: Database, batches: AsyncIterable<DecpItem[]>, runId: number, options: ImportOptions): Promise<AwardImportCounts> {
  const writer = new AwardWriter(db, runId)
  const batchSize = options.batchSize ?? 20_000
  db.pragma('cache_size = -65536')
  db.pragma('synchronous = OFF')
  const stored = db.prepare('SELECT count(*) FROM awards').pluck().get() as number
  const bulk = (options.expectedRecords ?? 0) > Math.max(50_000, stored)
  if (bulk) db.exec('DROP INDEX IF EXISTS awards_year_buyer')
  let inBatch = 0
  db.exec('BEGIN')
  try {
    for await (const batch of batches) {
      for (const item of batch) {
        if ('problem' in item) options.onProblem(item.problem)
        writer.put(item)
      }
      inBatch += batch.length
      if (inBatch >= batchSize) {
        db.exec('COMMIT')
        options.onProgress?.(writer.counts.records)
        db.exec('BEGIN')
        inBatch = 0
      }
    }
    db.exec('COMMIT')
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK')
    throw error
  } finally {
    if (bulk) db.exec(INDICATOR_INDEX)
  }
  refreshSse(db)
  return writer.counts
}

/**
 * Recomputes, for every award, how many of its holders are SSE providers (ESS-flagged in SIRENE,
 * or listed as inclusion or disability structures), by kind. Run after every import, whichever
 * list changed.
 */
export function refreshSse(db: Database): void {
  db.transaction(() => {
    db.exec(`
      UPDATE awards SET sse_holders = 0, ess_holders = 0, insertion_holders = 0, disability_holders = 0
        WHERE sse_holders + ess_holders + insertion_holders + disability_holders > 0;
      CREATE TEMP TABLE IF NOT EXISTS sse_refresh (award_id INTEGER PRIMARY KEY, sse INTEGER, ess INTEGER, ins INTEGER, dis INTEGER);
      DELETE FROM temp.sse_refresh;
      CREATE TEMP TABLE IF NOT EXISTS sse_units_now (siren TEXT PRIMARY KEY, ess INTEGER, insertion INTEGER, disability INTEGER) WITHOUT ROWID;
      DELETE FROM temp.sse_units_now;
      INSERT INTO temp.sse_units_now SELECT siren, ess, insertion, disability FROM sse_units;
      INSERT INTO temp.sse_refresh
        SELECT h.award_id, count(*), sum(u.ess), sum(u.insertion), sum(u.disability)
        FROM award_holders h JOIN temp.sse_units_now u ON u.siren = h.siren
        GROUP BY h.award_id;
      UPDATE awards SET sse_holders = s.sse, ess_holders = s.ess, insertion_holders = s.ins, disability_holders = s.dis
        FROM temp.sse_refresh s WHERE awards.id = s.award_id;
      DELETE FROM temp.sse_refresh;
    `)
  })()
}

/** A row in `runs` for an import, for provenance: every award row points to it. */
export function beginRun(db: Database, command: string, args: string[]): number {
  return db.prepare('INSERT INTO runs (command, args, started_at) VALUES (?, ?, ?) RETURNING id')
    .pluck().get(command, JSON.stringify(args), new Date().toISOString()) as number
}

export function finishRun(db: Database, runId: number, counts: object): void {
  db.prepare('UPDATE runs SET ended_at = ?, counts = ? WHERE id = ?').run(new Date().toISOString(), JSON.stringify(counts), runId)
}
