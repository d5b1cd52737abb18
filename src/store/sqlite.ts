// Loads better-sqlite3. No single release runs on every supported Node: 12.x aborts on
// Node >= 24.19 and 13.x (built for N-API 10) crashes on Node 20 (N-API 9). Both are installed
// (13.x under the alias `better-sqlite3-napi10`, which ships prebuilt binaries) and the one that
// fits this runtime is picked here.

import {createRequire} from 'node:module'
import type BetterSqlite3 from 'better-sqlite3'
import {ClausescopeError} from '../core/errors.js'

export type Database = BetterSqlite3.Database
export type Statement<P extends unknown[] | {} = unknown[], R = unknown> = BetterSqlite3.Statement<P, R>

type DatabaseConstructor = typeof BetterSqlite3

let ctor: DatabaseConstructor | undefined

function napiVersion(): number {
  return Number(process.versions.napi ?? 0)
}

export function loadSqlite(): DatabaseConstructor {
  if (ctor) return ctor
  const require = createRequire(import.meta.url)
  const candidates = napiVersion() >= 10 ? ['better-sqlite3-napi10', 'better-sqlite3'] : ['better-sqlite3']
  const errors: string[] = []
  for (const name of candidates) {
    try {
      ctor = require(name) as DatabaseConstructor
      return ctor
    } catch (error) {
      errors.push(`${name}: ${(error as Error).message}`)
    }
  }
  throw new ClausescopeError('sqlite-unavailable',
    `The SQLite driver could not be loaded on Node ${process.version}: ${errors.join('; ')}`,
    {suggestions: ['Run `npm ci` again with this Node version, or pass --no-store to analyse without a database.']})
}
