// DECP readers: streams the awards of a DECP file — v2 JSON (`{"marches": {"marche": [...],
// "contrat-concession": [...]}}`), v1 JSON (`{"marches": [...]}`), or the consolidated tabular CSV
// of decp.info (one row per contract × holder × modification) — as AwardRecords, one at a time.
// A record that cannot be read is reported as a problem naming it; the stream goes on.

import {open} from 'node:fs/promises'
import {ClausescopeError} from '../core/errors.js'
import {
  amountOf, classifyConsiderations, considerationsOf, dateOf, departementOf, euCategoryOf, holdersOf, isObject,
  RecordProblem, siretOf, text, type AwardFormat, type AwardKind, type AwardRecord,
} from './decp-record.js'
import {readDecpCsv} from './decp-csv.js'
import {readJsonRecords, type RawRecord} from './json-records.js'

export type {AwardRecord, AwardHolder} from './decp-record.js'

/** What a DECP reader yields: an award, or a record it had to skip and why. */
export type DecpItem =
  | {award: AwardRecord; merge?: {modificationId: number | null}}
  | {problem: string}

const V2_ARRAYS: Record<string, AwardKind> = {'marches.marche': 'marche', 'marches.contrat-concession': 'concession'}

export async function sniffDecpFormat(file: string): Promise<'json' | 'csv'> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch (error) {
    throw new ClausescopeError('not-found', `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`)
  }
  try {
    const {buffer, bytesRead} = await handle.read(Buffer.alloc(4096), 0, 4096, 0)
    const head = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart()
    if (head === '') throw new ClausescopeError('empty-file', `${file}: the file is empty.`)
    return head.startsWith('{') || head.startsWith('[') ? 'json' : 'csv'
  } finally {
    await handle.close()
  }
}

export interface ReadDecpOptions {
  /** Read in a worker thread (the default) when one can start; see decp-worker.ts. */
  worker?: boolean
}

/** Every award of a DECP file, JSON (v1 or v2) or decp.info CSV, in batches, in file order. */
export async function* readDecp(file: string, options: ReadDecpOptions = {}): AsyncGenerator<DecpItem[]> {
  await sniffDecpFormat(file) // a missing or empty file is reported here, in the caller's thread
  if (options.worker ?? true) {
    const {readInWorker} = await import('./decp-worker.js')
    const batches = await readInWorker(file)
    if (batches) {
      yield* batches
      return
    }
  }
  yield* readDecpInThread(file)
}

/** readDecp in the calling thread. */
export async function* readDecpInThread(file: string): AsyncGenerator<DecpItem[]> {
  if ((await sniffDecpFormat(file)) === 'csv') yield* readDecpCsv(file)
  else yield* readDecpJson(file)
}

/** The awards of a DECP JSON file. */
export async function* readDecpJson(file: string): AsyncGenerator<DecpItem[]> {
  const isRecordArray = (path: readonly string[]): boolean =>
    path.length === 0 || (path.length === 1 && path[0] === 'marches') || path.join('.') in V2_ARRAYS
  for await (const batch of readJsonRecords(file, isRecordArray)) yield batch.map((raw) => toItem(file, raw))
}

function toItem(file: string, raw: RawRecord): DecpItem {
  const where = () => `${file}: ${raw.array || 'top-level array'}[${raw.index}] (byte ${raw.offset})`
  if (raw.text === undefined) return {problem: `${where()}: ${raw.problem}`}
  let value: unknown
  try {
    value = parseLenient(raw.text)
  } catch (error) {
    return {problem: `${where()}: not valid JSON (${(error as Error).message})`}
  }
  try {
    const kind = V2_ARRAYS[raw.array]
    return {award: mapDecpRecord(value, kind, kind ? 'decp-v2' : 'decp-v1')}
  } catch (error) {
    if (!(error instanceof RecordProblem)) throw error
    const id = isObject(value) ? text(value.id) : null
    return {problem: `${where()}${id ? ` id ${id}` : ''}: ${error.message}`}
  }
}

/** JSON.parse, and on failure a second try with the bare NaN/Infinity some exporters write. */
function parseLenient(s: string): unknown {
  try {
    return JSON.parse(s)
  } catch (error) {
    const fixed = s.replace(/("(?:[^"\\]|\\.)*")|-?\b(?:NaN|Infinity)\b/g, (m, str: string | undefined) => str ?? 'null')
    if (fixed === s) throw error
    return JSON.parse(fixed)
  }
}

/** Maps one DECP JSON record; `kind` comes from its container in v2, is guessed in v1. */
export function mapDecpRecord(value: unknown, kind: AwardKind | undefined, format: AwardFormat): AwardRecord {
  if (!isObject(value)) throw new RecordProblem('the record is not a JSON object')
  const r = value
  const k = kind ?? guessKind(r)
  const id = text(r.id)
  if (!id) throw new RecordProblem('no contract identifier (id)')
  const buyerId = siretOf(k === 'concession'
    ? nested(r, 'autoriteConcedante') ?? nested(r, 'acheteur')
    : nested(r, 'acheteur') ?? nested(r, 'autoriteConcedante'))
  if (!buyerId) throw new RecordProblem(`no buyer SIRET (${k === 'concession' ? 'autoriteConcedante.id' : 'acheteur.id'})`)
  const nature = text(r.nature), cpv = text(r.codeCPV)
  const placeCode = text(nested(r, 'lieuExecution', 'code')), placeType = text(nested(r, 'lieuExecution', 'typeCode'))
  const amountKey = k === 'concession' ? 'valeurGlobale' : 'montant'
  // A concession's amount is its valeurGlobale; some publishers write montant instead.
  const initialAmount = amountOf(r[amountKey] ?? r.montant)
  const latest = latestModification(r.modifications, amountKey)
  const socialConsiderations = considerationsOf(r.considerationsSociales, 'considerationSociale')
  const envConsiderations = considerationsOf(r.considerationsEnvironnementales, 'considerationEnvironnementale')
  const publicationDate = dateOf(r.datePublicationDonnees)
  return {
    uid: buyerId + id, id, buyerId, kind: k, nature, procedure: text(r.procedure), object: text(r.objet), cpv,
    placeCode, placeType, departement: departementOf(placeCode, placeType),
    notificationDate: dateOf(k === 'concession' ? r.dateSignature ?? r.dateDebutExecution : r.dateNotification),
    publicationDate,
    version: `${publicationDate ?? ''}|${latest.publication ?? ''}`,
    initialAmount, amount: latest.amount ?? initialAmount,
    durationMonths: amountOf(r.dureeMois),
    socialConsiderations, envConsiderations, ...classifyConsiderations(socialConsiderations, envConsiderations),
    euCategory: euCategoryOf(k, nature, cpv, text(r.ccag)),
    holders: holdersOf(k === 'concession' ? r.concessionnaires ?? r.titulaires : r.titulaires ?? r.concessionnaires,
      k === 'concession' ? 'concessionnaire' : 'titulaire'),
    format,
  }
}

function guessKind(r: Record<string, unknown>): AwardKind {
  const type = text(r._type)?.toLowerCase() ?? ''
  if (type.includes('concession')) return 'concession'
  if (type.includes('march')) return 'marche'
  const nature = text(r.nature)?.toLowerCase() ?? ''
  if (/^(concession|d[ée]l[ée]gation)/.test(nature)) return 'concession'
  return nested(r, 'acheteur') === undefined && nested(r, 'autoriteConcedante') !== undefined ? 'concession' : 'marche'
}

/** r.a.b, or the flattened key 'a.b' some v1 publishers write. */
function nested(r: Record<string, unknown>, key: string, sub = 'id'): unknown {
  const inner = r[key]
  if (isObject(inner) && inner[sub] !== undefined && inner[sub] !== '') return inner[sub]
  const flat = r[`${key}.${sub}`]
  return flat === '' ? undefined : flat
}

/**
 * The latest modification stating an amount: by notification (or signature) date, then by id
 * (a sequence in notification order), then by position. An amount of 0 or less states none (the
 * schema requires at least 1): read as a placeholder in a modification of the duration or the
 * holders, not as a contract reduced to nothing.
 */
function latestModification(mods: unknown, amountKey: string): {amount: number | null; publication: string | null} {
  if (!Array.isArray(mods)) return {amount: null, publication: null}
  let best: {amount: number; key: [string, number, number]} | undefined
  let publication: string | null = null
  mods.forEach((item, position) => {
    const m = isObject(item) && isObject(item.modification) ? item.modification : item
    if (!isObject(m)) return
    const pub = dateOf(m.datePublicationDonneesModification)
    if (pub && (!publication || pub > publication)) publication = pub
    const amount = amountOf(m[amountKey] ?? m.montant)
    if (amount === null || amount <= 0) return
    const key: [string, number, number] = [
      dateOf(m.dateNotificationModification ?? m.dateSignatureModification) ?? '', amountOf(m.id) ?? -1, position]
    if (!best || compareKeys(key, best.key) > 0) best = {amount, key}
  })
  return {amount: best?.amount ?? null, publication}
}

function compareKeys(a: [string, number, number], b: [string, number, number]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1
  return a[1] !== b[1] ? a[1] - b[1] : a[2] - b[2]
}
