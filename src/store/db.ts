// Opening the store: the file, WAL, foreign keys, and the schema migrations.

import {mkdirSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {ClausescopeError} from '../core/errors.js'
import {MIGRATIONS} from './migrations/index.js'
import {loadSqlite, type Database} from './sqlite.js'

export const DEFAULT_DB = 'clausescope.db'

/** `--db`, then CLAUSESCOPE_DB, then ./clausescope.db. */
export function resolveDbPath(flag?: string): string {
  return resolve(flag ?? process.env.CLAUSESCOPE_DB ?? DEFAULT_DB)
}

export function openDatabase(file: string): Database {
  const Sqlite = loadSqlite()
  let db: Database
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), {recursive: true})
    db = new Sqlite(file)
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
  } catch (error) {
    throw new ClausescopeError('db-open', `Cannot open the database ${file}: ${(error as Error).message}`, {cause: error})
  }
  migrate(db, file)
  return db
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', {simple: true}) as number
}

function migrate(db: Database, file: string): void {
  const current = schemaVersion(db)
  const latest = MIGRATIONS.at(-1)?.version ?? 0
  if (current > latest) {
    throw new ClausescopeError('db-too-new',
      `${file} has schema version ${current}, newer than this clausescope (${latest}).`,
      {suggestions: ['Upgrade clausescope, or use another --db file.']})
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue
    db.transaction(() => {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    })()
  }
}
