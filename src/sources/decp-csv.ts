// The consolidated tabular DECP of decp.info (CSV, one row per contract × holder × modification,
// lists flattened into strings, `donneesActuelles` marking the rows of the current state).
// Each row becomes a one-holder award; the store merges the rows of one uid (see AwardStore).

import {ClausescopeError} from '../core/errors.js'
import {columnPicker, csvHeader, readCsvRows} from './csv-rows.js'
import {
  amountOf, classifyConsiderations, considerationsOf, dateOf, departementOf, euCategoryOf, holdersOf, siretOf, text,
  type AwardRecord,
} from './decp-record.js'
import type {DecpItem} from './decp.js'

const COLUMNS = {
  uid: ['uid'],
  id: ['id'],
  buyer: ['acheteur_id', 'acheteur.id', 'acheteurId', 'autoriteConcedante_id', 'autoriteConcedante.id'],
  holder: ['titulaire_id', 'titulaire.id', 'titulaireId', 'concessionnaire_id', 'concessionnaire.id'],
  holderType: ['titulaire_typeIdentifiant', 'titulaire.typeIdentifiant', 'concessionnaire_typeIdentifiant'],
  amount: ['montant', 'valeurGlobale'],
  cpv: ['codeCPV', 'cpv'],
  procedure: ['procedure'],
  nature: ['nature'],
  object: ['objet'],
  notification: ['dateNotification', 'dateSignature'],
  publication: ['datePublicationDonnees'],
  social: ['considerationsSociales'],
  env: ['considerationsEnvironnementales'],
  placeCode: ['lieuExecution_code', 'lieuExecution.code'],
  placeType: ['lieuExecution_typeCode', 'lieuExecution.typeCode'],
  modification: ['modification_id'],
  current: ['donneesActuelles'],
  duration: ['dureeMois'],
  type: ['type'],
  ccag: ['ccag'],
} as const

type Columns = {[K in keyof typeof COLUMNS]: string | undefined}

export async function* readDecpCsv(file: string): AsyncGenerator<DecpItem[]> {
  const pick = columnPicker(await csvHeader(file))
  const cols = Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, pick([...names])])) as Columns
  if (!cols.uid && !(cols.id && cols.buyer)) {
    throw new ClausescopeError('decp-columns',
      `${file}: not a DECP file: no 'uid' column, nor 'id' and 'acheteur_id' columns.`,
      {suggestions: ['DECP CSV files are the consolidated tabular files of decp.info; JSON files are read as DECP v1 or v2.']})
  }
  let batch: DecpItem[] = []
  for await (const item of readCsvRows(file)) {
    if ('problem' in item) {
      batch.push({problem: item.problem})
    } else {
      const mapped = mapRow(item.row, cols)
      batch.push(typeof mapped === 'string' ? {problem: `${file}: line ${item.line}: ${mapped}`} : mapped)
    }
    if (batch.length >= 1000) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

function mapRow(row: Record<string, string>, c: Columns): DecpItem | string {
  const get = (col: string | undefined): string | null => (col === undefined ? null : text(row[col]))
  const buyerId = siretOf(get(c.buyer))
  const id = get(c.id)
  const uid = get(c.uid) ?? (buyerId && id ? buyerId + id : null)
  if (!uid) return 'no contract identifier (uid, or acheteur_id and id)'
  const nature = get(c.nature), cpv = get(c.cpv)
  const kind = nature && /^(concession|d[ée]l[ée]gation)/i.test(nature) ? 'concession' : 'marche'
  const placeCode = get(c.placeCode), placeType = get(c.placeType)
  const social = considerationsOf(get(c.social), ''), env = considerationsOf(get(c.env), '')
  const publicationDate = dateOf(get(c.publication))
  const modificationId = amountOf(get(c.modification))
  const current = c.current === undefined || /^(true|1|oui|vrai|t)$/i.test(get(c.current) ?? '') ? 1 : 0
  const holderId = get(c.holder)
  const type = get(c.type)
  const stated = amountOf(get(c.amount))
  // In a modification's row, 0 states no new amount (as in the JSON modifications).
  const amount = modificationId && stated !== null && stated <= 0 ? null : stated
  const award: AwardRecord = {
    uid, id: id ?? uid.slice(14), buyerId: buyerId ?? uid.slice(0, 14), kind, nature, procedure: get(c.procedure),
    object: get(c.object), cpv, placeCode, placeType, departement: departementOf(placeCode, placeType),
    notificationDate: dateOf(get(c.notification)), publicationDate,
    version: `${current}|${String(modificationId ?? 0).padStart(6, '0')}|${publicationDate ?? ''}`,
    initialAmount: modificationId ? null : amount, amount,
    durationMonths: amountOf(get(c.duration)),
    socialConsiderations: social, envConsiderations: env, ...classifyConsiderations(social, env),
    euCategory: euCategoryOf(kind, nature, cpv, get(c.ccag) ?? (type && /travaux/i.test(type) ? 'Travaux' : null)),
    holders: holderId ? holdersOf({typeIdentifiant: get(c.holderType), id: holderId}, 'titulaire') : [],
    format: 'decp-csv',
  }
  return {award, merge: {modificationId}}
}
