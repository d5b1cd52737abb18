// Declared considerations: coded fields of notices (eForms BT-06/71/736/774/775/805, legacy TED
// reserved flags, BOAMP indexation) and DECP considerations, mapped to clause categories
// (docs/TAXONOMY.md). Pure functions, no I/O. A declared code is what the buyer ticked, not what
// the documents say: the store keeps both so that "declared vs detected" can be measured.

import {CLAUSE_CATEGORIES, type ClauseCategory, type DeclaredCode, type DeclaredConsiderations} from '../core/model.js'

/*
 * Decisions (documented here because the code lists are ambiguous):
 * - BT-71 `res-ws` ("sheltered workshops and economic operators aiming at the social and
 *   professional integration of disabled or disadvantaged persons") covers both L2113-12 (EA/ESAT)
 *   and L2113-13 (SIAE). The code alone cannot tell them apart; TAXONOMY says a reservation with no
 *   beneficiary stated is `reserved-disability`, so `res-ws` -> reserved-disability. The text
 *   detector refines it (a notice citing L2113-13 or SIAE gets reserved-insertion from the text).
 * - Legacy RESTRICTED_SHELTERED_WORKSHOP is the same reservation (converter maps it to BT-71 res-ws):
 *   reserved-disability.
 * - Legacy RESTRICTED_SHELTERED_PROGRAM and BT-736 `yes` (execution within sheltered employment
 *   programmes, Dir. 2014/24 art. 20) are, in French law, the same L2113-12/13 family; sheltered
 *   employment programmes are the disability side (ESAT), hence reserved-disability.
 * - RESERVED_ORGANISATIONS_SERVICE_MISSION and BT-71 `res-pub-ser` (Dir. art. 77, L2113-15):
 *   reserved-ess.
 * - BT-775 `opp` (employment of the long-term unemployed, disadvantaged or disabled) is the French
 *   clause d'insertion: insertion-clause. Other social objectives: social-other-condition.
 * - BT-774 (any code): env-execution-condition (how the contract reduces its impact).
 * - BT-805 eu/national/other (established GPP criteria): env-technical-specification: GPP criteria
 *   sets are mostly specifications and labels; they may also be award criteria, which the text says.
 * - BT-06 `soc-obj` / `env-imp` follow TAXONOMY (insertion-clause / env-execution-condition), but
 *   only when the same lot has no BT-775 / BT-774 code, which says more precisely what the aim is
 *   (a lot with `soc-obj` + `gen-eq` is not an insertion clause).
 * - `none`, `no`, `not-known`, BT-776 (innovation) and BT-754 (accessibility, a legal minimum):
 *   recorded, no category.
 * - BOAMP (DILA XML, [U]: the value set of CRITERES_SOCIAUX_ENV is not documented, DOMAIN §9.6):
 *   MARCHE_RESERVE_OUI -> reserved-disability (reservation, beneficiary unstated);
 *   CRITERES_SOCIAUX_ENV/SOCIAUX -> insertion-clause (an unspecified social consideration, TAXONOMY
 *   borderline rule); ENVIRONNEMENTAUX -> env-execution-condition (the one real example announces an
 *   environmental execution condition).
 */

const SOCIAL_OTHER = new Set(['acc-all', 'et-eq', 'gen-eq', 'hum-right', 'work-cond', 'other'])

/** The categories one code stands for on its own (no context). */
export function categoriesForCode(code: DeclaredCode): ClauseCategory[] {
  const value = code.code.trim().toLowerCase()
  switch (code.field) {
    case 'BT-71':
      if (value === 'res-ws') return ['reserved-disability']
      if (value === 'res-pub-ser') return ['reserved-ess']
      return []
    case 'BT-736':
      return value === 'yes' ? ['reserved-disability'] : []
    case 'BT-775':
      if (value === 'opp') return ['insertion-clause']
      return SOCIAL_OTHER.has(value) ? ['social-other-condition'] : []
    case 'BT-774':
      return value.length > 0 && value !== 'none' ? ['env-execution-condition'] : []
    case 'BT-805':
      return ['eu', 'national', 'other'].includes(value) ? ['env-technical-specification'] : []
    case 'BT-06':
      if (value === 'soc-obj') return ['insertion-clause']
      if (value === 'env-imp') return ['env-execution-condition']
      return []
    case 'RESTRICTED_SHELTERED_WORKSHOP':
    case 'RESTRICTED_SHELTERED_PROGRAM':
      return value === 'true' ? ['reserved-disability'] : []
    case 'RESERVED_ORGANISATIONS_SERVICE_MISSION':
      return value === 'true' ? ['reserved-ess'] : []
    case 'MARCHE_RESERVE':
      return value === 'oui' ? ['reserved-disability'] : []
    case 'CRITERES_SOCIAUX_ENV':
      if (value === 'sociaux') return ['insertion-clause']
      if (value === 'environnementaux') return ['env-execution-condition']
      return []
    default:
      return []
  }
}

function sortCategories(set: Set<ClauseCategory>): ClauseCategory[] {
  return CLAUSE_CATEGORIES.filter((c) => set.has(c))
}

/** The categories a notice's codes stand for, deduplicated, in TAXONOMY order. */
export function declaredCategories(codes: readonly DeclaredCode[]): ClauseCategory[] {
  const lotKey = (c: DeclaredCode) => c.lot ?? ''
  const hasField = (field: string, lot: string) =>
    codes.some((c) => c.field === field && lotKey(c) === lot && c.code !== 'none')
  const out = new Set<ClauseCategory>()
  for (const code of codes) {
    if (code.field === 'BT-06') {
      const lot = lotKey(code)
      if (code.code === 'soc-obj' && hasField('BT-775', lot)) continue
      if (code.code === 'env-imp' && hasField('BT-774', lot)) continue
    }
    for (const cat of categoriesForCode(code)) out.add(cat)
  }
  return sortCategories(out)
}

/** Codes (deduplicated on field, code and lot) with their categories. */
export function declareConsiderations(codes: readonly DeclaredCode[]): DeclaredConsiderations {
  const seen = new Set<string>()
  const unique: DeclaredCode[] = []
  for (const c of codes) {
    const key = `${c.field}\u0000${c.code}\u0000${c.lot ?? ''}`
    if (seen.has(key)) continue
    seen.add(key)
    unique.push(c)
  }
  return {codes: unique, categories: declaredCategories(unique)}
}

function foldValue(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s_-]+/g, ' ').trim()
}

const DECP_VALUES: Record<string, ClauseCategory[]> = {
  // An unspecified social clause is an insertion clause (TAXONOMY, borderline cases).
  'clause sociale': ['insertion-clause'],
  'critere social': ['social-award-criterion'],
  // "Marché réservé" with no beneficiary stated is reserved-disability (TAXONOMY).
  'marche reserve': ['reserved-disability'],
  'concession reservee': ['reserved-disability'],
  'clause environnementale': ['env-execution-condition'],
  'critere environnemental': ['env-award-criterion'],
}

/**
 * Categories for DECP `considerationsSociales` / `considerationsEnvironnementales` values
 * (DOMAIN §1.11): an array, or the flattened strings of consolidated exports
 * ("Clause sociale, Critère social"). Negative values ("Pas de considération sociale",
 * "Sans objet") and unknown values give nothing.
 */
export function decpConsiderationCategories(values: string | readonly string[] | null | undefined): ClauseCategory[] {
  if (values === null || values === undefined) return []
  const list = typeof values === 'string' ? values.split(/[,;|]/) : values
  const out = new Set<ClauseCategory>()
  for (const raw of list) {
    for (const cat of DECP_VALUES[foldValue(String(raw))] ?? []) out.add(cat)
  }
  return sortCategories(out)
}
