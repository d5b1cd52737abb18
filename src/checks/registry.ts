// Every check of TAXONOMY.md, in the order reports list them: errors (2026) first.

import {awardWeightsInconsistent} from './award-weights-inconsistent.js'
import {envAwardCriterionMissing} from './env-award-criterion-missing.js'
import {envExecutionConditionMissing} from './env-execution-condition-missing.js'
import {insertionClauseWithoutQuantity} from './insertion-clause-without-quantity.js'
import {labelWithoutEquivalent} from './label-without-equivalent.js'
import {obsoleteLegalReference} from './obsolete-legal-reference.js'
import {priceOnlyAward} from './price-only-award.js'
import {reservedWithoutLegalBasis} from './reserved-without-legal-basis.js'
import {socialExecutionConditionMissing} from './social-execution-condition-missing.js'
import type {Check} from './types.js'

export const CHECKS: readonly Check[] = [
  envAwardCriterionMissing,
  priceOnlyAward,
  envExecutionConditionMissing,
  socialExecutionConditionMissing,
  obsoleteLegalReference,
  labelWithoutEquivalent,
  insertionClauseWithoutQuantity,
  awardWeightsInconsistent,
  reservedWithoutLegalBasis,
]
