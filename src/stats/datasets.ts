// The tables `export` writes: each dataset is a query over the store, its columns in order, and
// for each column what it means and where it comes from (the "columns" sheet of an XLSX export).
// Rows are streamed from SQLite, never loaded all at once.

import type {Database} from '../store/sqlite.js'

export interface DatasetColumn {
  name: string
  description: string
  source: string
}

export interface Dataset {
  name: string
  columns: DatasetColumn[]
  rows: (db: Database) => IterableIterator<Record<string, unknown>>
}

const col = (name: string, description: string, source: string): DatasetColumn => ({name, description, source})
const DECP = 'DECP (import decp)'
const DERIVED = 'computed by clausescope'

export const AWARDS: Dataset = {
  name: 'awards',
  columns: [
    col('uid', 'national contract key: buyer SIRET + id', `${DECP}: acheteur.id + id`),
    col('id', "the buyer's contract identifier", `${DECP}: id`),
    col('buyer_id', 'buyer SIRET (concession: granting authority)', `${DECP}: acheteur.id / autoriteConcedante.id`),
    col('buyer_name', 'buyer legal unit name', 'SIRENE (import sirene)'),
    col('kind', 'marche or concession', DECP),
    col('nature', 'nature of the contract', `${DECP}: nature`),
    col('procedure', 'award procedure', `${DECP}: procedure`),
    col('object', 'object of the contract', `${DECP}: objet`),
    col('cpv', 'main CPV code', `${DECP}: codeCPV`),
    col('departement', 'département of the place of performance', `${DERIVED} from ${DECP}: lieuExecution`),
    col('notification_date', 'date of notification (concession: of signature)', `${DECP}: dateNotification / dateSignature`),
    col('year', 'year of notification', DERIVED),
    col('publication_date', 'first publication of the data', `${DECP}: datePublicationDonnees`),
    col('initial_amount', 'amount at notification, € excl. VAT', `${DECP}: montant / valeurGlobale`),
    col('amount', 'amount of the latest modification stating one, else initial amount', `${DECP}: modifications[].montant / valeurGlobale`),
    col('social_considerations', 'declared social considerations', `${DECP}: considerationsSociales`),
    col('env_considerations', 'declared environmental considerations', `${DECP}: considerationsEnvironnementales`),
    col('social', '1 if Clause sociale, Critère social or Marché/Concession réservé(e)', DERIVED),
    col('env', '1 if Clause environnementale or Critère environnemental', DERIVED),
    col('reserved', '1 if Marché réservé or Concession réservée', DERIVED),
    col('eu_category', 'which EU threshold applies: works, supplies-services, defence, concession', `${DERIVED} from CPV, nature`),
    col('holders', 'number of holders', `${DECP}: titulaires / concessionnaires`),
    col('holder_ids', 'holders as type:identifier, separated by ;', `${DECP}: titulaires[].typeIdentifiant, id`),
    col('sse_holders', 'holders whose SIREN is ESS-flagged or a listed inclusion/disability structure', 'SIRENE, inclusion lists'),
    col('ess_holders', "holders ESS-flagged 'O' in SIRENE", 'SIRENE: economieSocialeSolidaireUniteLegale'),
    col('insertion_holders', 'holders listed as SIAE (EI, AI, ACI, ETTI, EITI, GEIQ)', 'inclusion lists (import inclusion)'),
    col('disability_holders', 'holders listed as EA, EATT or ESAT', 'inclusion lists (import inclusion)'),
    col('sse_amount', 'amount × SSE holders / holders', DERIVED),
    col('format', 'decp-v2, decp-v1 or decp-csv', DERIVED),
    col('source_file', 'file the contract was imported from', 'runs'),
  ],
  rows: (db) => db.prepare(`
    SELECT a.uid, a.record_id AS id, a.buyer_id, o.name AS buyer_name, a.kind, a.nature, a.procedure, a.object, a.cpv,
      a.departement, a.notification_date, a.year, a.publication_date, a.initial_amount, a.amount,
      a.social_considerations, a.env_considerations, a.social, a.env, a.reserved, a.eu_category, a.holders,
      (SELECT group_concat(coalesce(h.id_type, '') || ':' || h.holder_id, '; ') FROM award_holders h WHERE h.award_id = a.id) AS holder_ids,
      a.sse_holders, a.ess_holders, a.insertion_holders, a.disability_holders,
      CASE WHEN a.holders > 0 THEN a.amount * a.sse_holders / a.holders END AS sse_amount, a.format,
      json_extract(r.args, '$[0]') AS source_file
    FROM awards a LEFT JOIN organisations o ON o.siren = substr(a.buyer_id, 1, 9) LEFT JOIN runs r ON r.id = a.run_id
    ORDER BY a.id`).iterate() as IterableIterator<Record<string, unknown>>,
}

export const HOLDERS: Dataset = {
  name: 'holders',
  columns: [
    col('uid', 'contract key', 'awards'),
    col('position', 'rank of the holder in the contract', DECP),
    col('id_type', 'identifier type: SIRET, TVA, TAHITI, RIDET, FRWF, IREP, HORS-UE', `${DECP}: typeIdentifiant`),
    col('holder_id', 'identifier', `${DECP}: id`),
    col('siren', 'legal unit, from a SIRET or French VAT number', DERIVED),
    col('name', 'legal unit name', 'SIRENE'),
    col('ess', "economieSocialeSolidaireUniteLegale: O, N or empty", 'SIRENE'),
    col('inclusion_kinds', 'kinds under which the SIREN is listed (EI, ACI, EA, ESAT...)', 'inclusion lists'),
  ],
  rows: (db) => db.prepare(`
    SELECT a.uid, h.position, h.id_type, h.holder_id, h.siren, o.name, o.ess,
      (SELECT group_concat(DISTINCT s.kind) FROM inclusion_structures s WHERE s.siren = h.siren) AS inclusion_kinds
    FROM award_holders h JOIN awards a ON a.id = h.award_id LEFT JOIN organisations o ON o.siren = h.siren
    ORDER BY h.award_id, h.position`).iterate() as IterableIterator<Record<string, unknown>>,
}

const SCAN = 'scan / crawl (documents table)'

export const NOTICES: Dataset = {
  name: 'notices',
  columns: [
    col('document_id', 'store id of the document', SCAN),
    col('path', 'file path (archive!/member for DCE members)', SCAN),
    col('url', 'where it was downloaded from', SCAN),
    col('sha256', 'content hash', SCAN),
    col('format', 'pdf, docx, eforms, boamp...', SCAN),
    col('kind', 'RC, CCAP, CCTP, AE, notice, other', SCAN),
    col('status', 'analysed, not_analysable or failed', SCAN),
    col('reason', 'why it could not be analysed', SCAN),
    col('notice_id', 'notice identifier', 'notice facts'),
    col('buyer_id', 'buyer identifier', 'notice facts'),
    col('buyer_name', 'buyer name', 'notice facts'),
    col('title', 'title of the procedure', 'notice facts'),
    col('cpv', 'CPV codes, separated by ;', 'notice facts'),
    col('nature', 'works, supplies or services', 'notice facts'),
    col('estimated_value', 'estimated value, € excl. VAT', 'notice facts'),
    col('dispatch_date', 'date the notice was sent', 'notice facts'),
    col('departement', 'département', 'notice facts'),
    col('declared_codes', 'coded considerations (field=code), separated by ;', 'notice (eForms BT-06/71/774/775/805, BOAMP, TED)'),
    col('declared_categories', 'clause categories the declared codes stand for', DERIVED),
    col('detected_categories', 'clause categories found in the text', 'rule base (findings)'),
    col('findings', 'number of findings', 'findings'),
    col('analysed_at', 'time of the analysis', SCAN),
  ],
  rows: (db) => mapRows(db.prepare(`
    SELECT d.id AS document_id, d.path, d.url, d.sha256, d.format, d.kind, d.status, d.reason, d.facts, d.declared,
      (SELECT group_concat(DISTINCT f.category) FROM findings f WHERE f.document_id = d.id) AS detected_categories,
      (SELECT count(*) FROM findings f WHERE f.document_id = d.id) AS findings, d.analysed_at
    FROM documents d ORDER BY d.id`).iterate() as IterableIterator<Record<string, unknown>>, noticeRow),
}

export const FINDINGS: Dataset = {
  name: 'findings',
  columns: [
    col('document_id', 'store id of the document', SCAN),
    col('path', 'document path', SCAN),
    col('category', 'clause category (docs/TAXONOMY.md)', 'rule base'),
    col('rule', 'rule id', 'rule base'),
    col('page', 'page number', 'document'),
    col('section', 'enclosing headings, separated by >', 'document'),
    col('lot', 'lot', 'notice'),
    col('quote', 'the sentence that matched, as in the document', 'document'),
    col('hours', 'insertion hours', 'document text'),
    col('percent', 'share of hours reserved for insertion, %', 'document text'),
    col('weight', 'award criterion weight, %', 'document text'),
    col('legal', 'legal bases, separated by ;', 'rule base'),
  ],
  rows: (db) => mapRows(db.prepare(`
    SELECT f.document_id, d.path, f.category, f.rule, f.page, f.section, f.lot, f.quote, f.hours, f.percent, f.weight, f.legal
    FROM findings f JOIN documents d ON d.id = f.document_id ORDER BY f.document_id, f.start_offset, f.id`)
    .iterate() as IterableIterator<Record<string, unknown>>, (r) => ({
    ...r, section: r.section ? (JSON.parse(r.section as string) as string[]).join(' > ') : null,
    legal: r.legal ? (JSON.parse(r.legal as string) as string[]).join('; ') : null,
  })),
}

function* mapRows(rows: IterableIterator<Record<string, unknown>>, f: (r: Record<string, unknown>) => Record<string, unknown>): IterableIterator<Record<string, unknown>> {
  for (const r of rows) yield f(r)
}

function noticeRow(r: Record<string, unknown>): Record<string, unknown> {
  const facts = r.facts ? (JSON.parse(r.facts as string) as Record<string, unknown>) : {}
  const declared = r.declared ? (JSON.parse(r.declared as string) as {codes?: {field: string; code: string}[]; categories?: string[]}) : undefined
  const {facts: _f, declared: _d, ...rest} = r
  return {
    ...rest, notice_id: facts.noticeId ?? null, buyer_id: facts.buyerId ?? null, buyer_name: facts.buyerName ?? null,
    title: facts.title ?? null, cpv: Array.isArray(facts.cpv) ? facts.cpv.join('; ') : null, nature: facts.nature ?? null,
    estimated_value: facts.estimatedValue ?? null, dispatch_date: facts.dispatchDate ?? null, departement: facts.departement ?? null,
    declared_codes: declared?.codes?.map((c) => `${c.field}=${c.code}`).join('; ') ?? null,
    declared_categories: declared?.categories?.join('; ') ?? null,
  }
}

/** The datasets of each export kind: the first is the entity asked for, the others related. */
export const EXPORTS: Record<'awards' | 'notices' | 'findings', Dataset[]> = {
  awards: [AWARDS, HOLDERS],
  notices: [NOTICES, FINDINGS],
  findings: [FINDINGS],
}
