// The SSE reference lists in the store: SIRENE legal units (`organisations`, with the ESS flag)
// and inclusion/disability structures (`inclusion_structures`). After each import, the SSE holder
// counts of awards are recomputed (refreshSse).

import type {InclusionItem} from '../sources/inclusion.js'
import type {SireneItem} from '../sources/sirene.js'
import {refreshSse} from './awards.js'
import type {Database} from './sqlite.js'

export interface ReferenceImportCounts {
  records: number
  /** Legal units or structures written (new or updated). */
  kept: number
  /** SIRENE units left out: not ESS-flagged, not a public body, not a holder or buyer of a stored award (see `all`). */
  ignored: number
  skipped: number
}

export interface ReferenceImportOptions {
  onProblem: (message: string) => void
  onProgress?: (records: number) => void
  /**
   * Keep every SIRENE unit. By default only ESS-flagged units, public bodies (legal category 7xxx:
   * the buyers, whose category sets their EU threshold) and the holders and buyers of stored
   * awards are kept: the national stock has about 30 million units, and the others play no part
   * in the indicators.
   */
  all?: boolean
  source?: string
}

/** Streams SIRENE units or inclusion structures into the store, in large transactions. */
export async function importOrganisations(db: Database, items: AsyncIterable<SireneItem | InclusionItem>, runId: number,
  options: ReferenceImportOptions): Promise<ReferenceImportCounts> {
  const counts: ReferenceImportCounts = {records: 0, kept: 0, ignored: 0, skipped: 0}
  const upsertUnit = db.prepare(`INSERT INTO organisations (siren, name, legal_category, activity, ess, state, run_id)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (siren) DO UPDATE SET name = excluded.name, legal_category = excluded.legal_category,
        activity = excluded.activity, ess = excluded.ess, state = excluded.state, run_id = excluded.run_id`)
  const upsertStructure = db.prepare(`INSERT INTO inclusion_structures (siret, kind, siren, family, name, source, run_id)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (siret, kind) DO UPDATE SET name = coalesce(excluded.name, name), source = excluded.source, run_id = excluded.run_id`)
  let relevant: Set<string> | undefined
  const isRelevant = (siren: string): boolean => {
    relevant ??= referencedSirens(db)
    return relevant.has(siren)
  }
  db.pragma('cache_size = -65536')
  db.exec('BEGIN')
  try {
    for await (const item of items) {
      counts.records++
      if ('problem' in item) {
        counts.skipped++
        options.onProblem(item.problem)
      } else if ('unit' in item) {
        const u = item.unit
        if (!options.all && u.ess !== 'O' && !u.legalCategory?.startsWith('7') && !isRelevant(u.siren)) {
          counts.ignored++
        } else {
          upsertUnit.run(u.siren, u.name, u.legalCategory, u.activity, u.ess, u.state, runId || null)
          counts.kept++
        }
      } else {
        const s = item.structure
        upsertStructure.run(s.siret, s.kind, s.siren, s.family, s.name, options.source ?? null, runId || null)
        counts.kept++
      }
      if (counts.records % 100_000 === 0) {
        db.exec('COMMIT')
        options.onProgress?.(counts.records)
        db.exec('BEGIN')
      }
    }
    db.exec('COMMIT')
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK')
    throw error
  }
  refreshSse(db)
  return counts
}

/** SIRENs of every stored award holder and buyer. */
function referencedSirens(db: Database): Set<string> {
  const out = new Set<string>()
  for (const s of db.prepare('SELECT DISTINCT siren FROM award_holders WHERE siren IS NOT NULL').pluck().iterate()) out.add(s as string)
  for (const s of db.prepare('SELECT DISTINCT substr(buyer_id, 1, 9) FROM awards').pluck().iterate()) out.add(s as string)
  return out
}

export interface SseListCounts {
  organisations: number
  ess: number
  structures: number
  insertion: number
  disability: number
}

export function sseListCounts(db: Database): SseListCounts {
  return db.prepare(`SELECT
      (SELECT count(*) FROM organisations) AS organisations,
      (SELECT count(*) FROM organisations WHERE ess = 'O') AS ess,
      (SELECT count(*) FROM inclusion_structures) AS structures,
      (SELECT count(*) FROM inclusion_structures WHERE family = 'insertion') AS insertion,
      (SELECT count(*) FROM inclusion_structures WHERE family = 'disability') AS disability`).get() as SseListCounts
}
