import type {Migration} from './index.js'

export const documentsAndFindings: Migration = {
  version: 1,
  name: 'documents and findings',
  up(db) {
    db.exec(`
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        command TEXT NOT NULL,
        args TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        counts TEXT
      );
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        container TEXT,
        url TEXT,
        size INTEGER NOT NULL,
        format TEXT,
        kind TEXT,
        page_count INTEGER,
        status TEXT NOT NULL CHECK (status IN ('analysed', 'not_analysable', 'failed')),
        error_code TEXT,
        reason TEXT,
        declared TEXT,
        facts TEXT,
        ruleset TEXT,
        first_seen_at TEXT NOT NULL,
        analysed_at TEXT NOT NULL,
        run_id INTEGER REFERENCES runs(id)
      );
      CREATE INDEX documents_status ON documents(status);
      CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        category TEXT NOT NULL,
        rule TEXT NOT NULL,
        page INTEGER,
        section TEXT,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        quote TEXT NOT NULL,
        hours REAL,
        percent REAL,
        weight REAL,
        legal TEXT NOT NULL,
        lot TEXT
      );
      CREATE INDEX findings_document ON findings(document_id);
      CREATE INDEX findings_category ON findings(category);
    `)
  },
}
