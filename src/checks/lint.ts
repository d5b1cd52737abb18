// The draft linter as one stage function: read the DCE through the shared pipeline (extract ->
// detect, nothing stored), build the dossier (documents, findings, award criteria, facts) and run
// the checks.

import type {ProcedureFacts} from '../core/model.js'
import type {RuleBase} from '../detect/engine.js'
import {parseAwardCriteria} from './criteria.js'
import {inferFacts, type FactFlags} from './facts.js'
import {runChecks, type CheckReport} from './run.js'
import type {CheckId, DossierFacts, DraftDocument, DraftDossier, UnreadDocument} from './types.js'

export interface LintOptions extends FactFlags {
  ignore?: CheckId[]
  /** The rule base; loaded from rules/ when absent. */
  rules?: RuleBase
}

/** Facts a notice of the dossier states in coded fields win over what the text suggests. */
function noticeFacts(documents: Array<DraftDocument & {facts?: ProcedureFacts}>, flags: FactFlags): DossierFacts {
  const facts = inferFacts(documents, flags)
  for (const doc of documents) {
    const f = doc.facts
    if (!f) continue
    const from = {path: doc.path, quote: 'champ codé de l\'avis'}
    if (!flags.consultationDate && f.dispatchDate && facts.consultationDate?.source !== 'document') {
      facts.consultationDate = {value: f.dispatchDate, source: 'document', from}
      delete facts.launchedBy
    }
    if (flags.estimatedValue === undefined && f.estimatedValue !== undefined && facts.estimatedValue?.source !== 'flag') {
      facts.estimatedValue = {value: f.estimatedValue, source: 'document', from}
    }
    if (!flags.nature && f.nature && facts.nature?.source !== 'flag') facts.nature = {value: f.nature, source: 'document', from}
  }
  return facts
}

// A folder's own documentation (README, LISEZMOI, SOURCE notes) is not a piece of the DCE: its
// words about clauses must not count as clauses of the draft.
const NOT_A_PIECE = /^(?:readme|lisez[-_ ]?moi|source)(?:\.(?:md|txt|markdown))?$/i

/** Read and analyse every document under the paths into a dossier. */
export async function readDraft(paths: string[], options: LintOptions): Promise<DraftDossier> {
  const {analysePaths} = await import('../pipeline.js')
  const rules = options.rules ?? (await import('../detect/engine.js')).loadRuleBase()
  const documents: Array<DraftDocument & {facts?: ProcedureFacts}> = []
  const unread: UnreadDocument[] = []
  for await (const {result, document} of analysePaths(paths, {rules})) {
    if (NOT_A_PIECE.test(result.path.split(/[/\\!]/).pop() ?? '')) continue
    if (result.status !== 'analysed' || !document) {
      unread.push({path: result.path, status: result.status === 'analysed' ? 'failed' : result.status, reason: result.reason ?? 'non lu'})
      continue
    }
    const doc: DraftDocument & {facts?: ProcedureFacts} = {path: result.path, kind: document.kind, segments: document.segments, findings: result.findings}
    if (document.pageCount !== undefined) doc.pageCount = document.pageCount
    if (document.facts) doc.facts = document.facts
    documents.push(doc)
  }
  return {documents, unread, criteria: parseAwardCriteria(documents), facts: noticeFacts(documents, options)}
}

export async function lintDraft(paths: string[], options: LintOptions): Promise<CheckReport> {
  const dossier = await readDraft(paths, options)
  return runChecks(dossier, options.ignore ? {ignore: options.ignore} : {})
}
