// Notice indicators and the OCDS mapping, on a small store written through DocumentStore.
//
//   N1     notice (2024, services, 300 000 €, declares BT-775 opp = insertion-clause)
//          + an annex with the same notice id           detected: insertion-clause, social-award-criterion
//   dce1   RC.pdf and CCAP.pdf of dce1.zip (no facts)   detected: env-award-criterion, insertion-clause, env-execution-condition
//   N2     notice (2025, works, 6 000 000 €, declares BT-06 env-imp = env-execution-condition), nothing detected
//   N3     notice (2024) that could not be analysed

import {describe, expect, it} from 'vitest'
import {toRelease} from '../../src/report/ocds.js'
import {noticeStats, procedureFindings} from '../../src/stats/notices.js'
import {noticeStore} from './notice-store.js'

describe('notice indicators', () => {
  it('counts procedures, not documents, and never counts an unreadable one as "no clause"', () => {
    const {total} = noticeStats(noticeStore())
    expect(total).toMatchObject({
      notices: 4, documents: 6, analysed: 3, not_analysable: 1, declared: 2,
      'insertion-clause_notices': 2, 'insertion-clause_share': 2 / 3,     // N1, dce1 out of N1, dce1, N2
      social_notices: 2, social_share: 2 / 3,
      env_notices: 1, env_share: 1 / 3,                                  // dce1 only
      'reserved-disability_notices': 0, 'reserved-disability_share': 0,
    })
  })

  it('compares declared and detected where notices declare codes (N1 and N2)', () => {
    const {total} = noticeStats(noticeStore())
    expect(total).toMatchObject({
      'insertion-clause_both': 1, 'insertion-clause_declared_only': 0, 'insertion-clause_detected_only': 0, // N1
      'social-award-criterion_detected_only': 1,                                                           // N1's annex
      'env-execution-condition_declared_only': 1, 'env-execution-condition_both': 0,                      // N2
      social_both: 1, env_declared_only: 1, env_detected_only: 0,                                         // dce1 declares nothing
    })
  })

  it('groups by year of dispatch and by EU threshold, unknown keys last', () => {
    const db = noticeStore()
    const byYear = noticeStats(db, {by: ['year']}).groups.map((g) => [g.year, g.notices, g.analysed])
    expect(byYear).toEqual([[2024, 2, 1], [2025, 1, 1], [null, 1, 1]])
    // N1: services 300 000 ≥ 221 000 (2024); N2: works 6 000 000 ≥ 5 538 000 (2025); N3, dce1: no value
    const byThreshold = noticeStats(db, {by: ['threshold']}).groups.map((g) => [g.threshold, g.notices])
    expect(byThreshold).toEqual([['at-or-above', 2], ['unknown', 2]])
    expect(noticeStats(db, {by: ['year'], from: '2025'}).total.notices).toBe(1)
  })

  it('maps findings to OCDS sustainability goals and strategies, per tender and per lot', () => {
    const procs = procedureFindings(noticeStore())
    const n1 = toRelease(procs.find((p) => p.unit === 'N1')!, 'ocds-test00') as {ocid: string; tender: Record<string, unknown>; buyer: unknown}
    expect(n1.ocid).toBe('ocds-test00-N1')
    expect(n1.buyer).toEqual({id: '21590350100017', name: 'Commune A'})
    expect(n1.tender.hasSustainability).toBe(true)
    expect(n1.tender.sustainability).toEqual([
      {goal: 'social', strategies: ['awardCriteria'], description: 'Clause social-award-criterion.'},
      {goal: 'social.disadvantagedEmploymentOpportunities', strategies: ['contractPerformanceConditions'],
        description: 'Le titulaire réalise 350 heures d’insertion.'},
    ])
    expect(n1.tender.lots).toEqual([{id: 'LOT-0001', hasSustainability: true, sustainability: [
      {goal: 'social.disadvantagedEmploymentOpportunities', strategies: ['contractPerformanceConditions'], description: 'Le titulaire réalise 350 heures d’insertion.'}]}])
    const n2 = toRelease(procs.find((p) => p.unit === 'N2')!, 'ocds-test00') as {tender: Record<string, unknown>}
    expect(n2.tender.hasSustainability).toBe(false)
    const n3 = toRelease(procs.find((p) => p.unit === 'N3')!, 'ocds-test00') as {tender: Record<string, unknown>}
    expect(n3.tender).not.toHaveProperty('hasSustainability')
  })
})
