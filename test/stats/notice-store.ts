// A small store of analysed notices and DCE documents, for the notice indicators and exports tests
// (described in test/stats/notices.test.ts).

import type {DocumentResult, Finding} from '../../src/core/model.js'
import {openDatabase} from '../../src/store/db.js'
import {DocumentStore} from '../../src/store/documents.js'
import type {Database} from '../../src/store/sqlite.js'

const finding = (category: Finding['category'], quote = `Clause ${category}.`, lot?: string): Finding =>
  ({category, rule: `${category}/test`, start: 0, end: quote.length, quote, legal: [], ...(lot ? {lot} : {})})

/** The store described in notices.test.ts, in memory or in a file. */
export function noticeStore(file = ':memory:'): Database {
  const db = openDatabase(file)
  const store = new DocumentStore(db)
  const save = (path: string, result: Omit<DocumentResult, 'path'>, container?: string): void =>
    store.save({path, ...result}, {path, sha256: path.padEnd(64, '0'), size: 1, readAt: '2025-06-01T10:00:00.000Z', ...(container ? {container} : {})}, 'test')
  save('n1.xml', {status: 'analysed', kind: 'notice', findings: [finding('insertion-clause', 'Le titulaire réalise 350 heures d’insertion.', 'LOT-0001')],
    declared: {codes: [{field: 'BT-775', code: 'opp'}], categories: ['insertion-clause']},
    facts: {noticeId: 'N1', buyerId: '21590350100017', buyerName: 'Commune A', dispatchDate: '2024-03-01', nature: 'services', estimatedValue: 300000, cpv: ['90910000']}})
  save('n1-annexe.pdf', {status: 'analysed', kind: 'other', findings: [finding('social-award-criterion')], facts: {noticeId: 'N1'}})
  save('dce1.zip!/RC.pdf', {status: 'analysed', kind: 'RC', findings: [finding('env-award-criterion')]}, 'dce1.zip')
  save('dce1.zip!/CCAP.pdf', {status: 'analysed', kind: 'CCAP', findings: [finding('insertion-clause'), finding('env-execution-condition')]}, 'dce1.zip')
  save('n2.xml', {status: 'analysed', kind: 'notice', findings: [],
    declared: {codes: [{field: 'BT-06', code: 'env-imp'}], categories: ['env-execution-condition']},
    facts: {noticeId: 'N2', buyerId: '21590350100017', dispatchDate: '2025-01-10', nature: 'works', estimatedValue: 6000000}})
  save('n3.pdf', {status: 'not_analysable', errorCode: 'no-text-layer', reason: 'n3.pdf: no text layer', findings: [],
    facts: {noticeId: 'N3', dispatchDate: '2024-06-01'}})
  return db
}

