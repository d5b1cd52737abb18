// Versioned schema migrations, applied in order, each in its own transaction.
// Add a migration as a new file and a new entry at the end; never edit one that has shipped.

import type {Database} from '../sqlite.js'
import {documentsAndFindings} from './001-documents.js'
import {awardsAndOrganisations} from './002-awards.js'

export interface Migration {
  version: number
  name: string
  up: (db: Database) => void
}

export const MIGRATIONS: Migration[] = [
  documentsAndFindings,
  awardsAndOrganisations,
]
