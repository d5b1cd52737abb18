import type {Migration} from './index.js'

/**
 * Awards (DECP contracts, one row per uid) with their holders, and the SSE reference lists:
 * SIRENE legal units (ESS flag) and inclusion/disability structures (SIAE, EA, ESAT...).
 * The *_holders counts of an award are derived from the lists (AwardStore.refreshSse) so that
 * indicators are one pass over one table.
 */
export const awardsAndOrganisations: Migration = {
  version: 2,
  name: 'awards, holders and SSE reference lists',
  up(db) {
    db.exec(`
      CREATE TABLE awards (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        record_id TEXT NOT NULL,
        buyer_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('marche', 'concession')),
        nature TEXT,
        procedure TEXT,
        object TEXT,
        cpv TEXT,
        cpv_division TEXT,
        place_code TEXT,
        place_type TEXT,
        departement TEXT,
        notification_date TEXT,
        year INTEGER,
        publication_date TEXT,
        version TEXT NOT NULL,
        initial_amount REAL,
        amount REAL,
        duration_months REAL,
        social_considerations TEXT,
        env_considerations TEXT,
        social INTEGER NOT NULL,
        env INTEGER NOT NULL,
        reserved INTEGER NOT NULL,
        eu_category TEXT NOT NULL,
        holders INTEGER NOT NULL DEFAULT 0,
        sse_holders INTEGER NOT NULL DEFAULT 0,
        ess_holders INTEGER NOT NULL DEFAULT 0,
        insertion_holders INTEGER NOT NULL DEFAULT 0,
        disability_holders INTEGER NOT NULL DEFAULT 0,
        format TEXT NOT NULL,
        run_id INTEGER -- runs(id); not a declared foreign key: checking it costs 5% of a bulk import
      );
      -- Covering index for the indicators: --by year and --by year,buyer read it in order, no sort.
      CREATE INDEX awards_year_buyer ON awards(year, buyer_id, amount, social, env, reserved, holders,
        sse_holders, ess_holders, insertion_holders, disability_holders);
      CREATE TABLE award_holders (
        award_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        id_type TEXT,
        holder_id TEXT NOT NULL,
        siren TEXT,
        PRIMARY KEY (award_id, position)
      ) WITHOUT ROWID;
      -- No index on siren nor foreign key: they would slow the bulk import; the SSE refresh scans
      -- holders once against the (much smaller) reference lists.

      CREATE TABLE organisations (
        siren TEXT PRIMARY KEY,
        name TEXT,
        legal_category TEXT,
        activity TEXT,
        ess TEXT,
        state TEXT,
        run_id INTEGER REFERENCES runs(id)
      ) WITHOUT ROWID;
      CREATE TABLE inclusion_structures (
        siret TEXT NOT NULL,
        kind TEXT NOT NULL,
        siren TEXT NOT NULL,
        family TEXT NOT NULL CHECK (family IN ('insertion', 'disability')),
        name TEXT,
        source TEXT,
        run_id INTEGER REFERENCES runs(id),
        PRIMARY KEY (siret, kind)
      ) WITHOUT ROWID;
      CREATE INDEX inclusion_structures_siren ON inclusion_structures(siren);

      CREATE VIEW sse_units AS
        SELECT siren, max(ess) AS ess, max(insertion) AS insertion, max(disability) AS disability
        FROM (
          SELECT siren, 1 AS ess, 0 AS insertion, 0 AS disability FROM organisations WHERE ess = 'O'
          UNION ALL
          SELECT siren, 0, family = 'insertion', family = 'disability' FROM inclusion_structures
        )
        GROUP BY siren;
    `)
  },
}
