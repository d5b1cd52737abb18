// Lists of inclusion and disability structures (SIAE: EI, AI, ACI, ETTI, EITI, GEIQ; disability:
// EA, EATT, ESAT) as CSV or JSON with a SIRET and a kind: the Marché de l'inclusion fixtures and
// exports (`[{model, pk, fields: {siret, kind, name}}]` or flat records), API answers wrapping the
// records in `results`/`data`, ESAT/EA lists with a `--kind` for the whole file.

import {ClausescopeError} from '../core/errors.js'
import {columnPicker, csvHeader, readCsvRows} from './csv-rows.js'
import {fold, isObject, siretOf, text} from './decp-record.js'
import {sniffDecpFormat} from './decp.js'
import {readJsonRecords} from './json-records.js'

export type StructureFamily = 'insertion' | 'disability'

export interface InclusionStructure {
  /** 14-digit SIRET, or the SIREN when the list only gives that. */
  siret: string
  siren: string
  kind: string
  family: StructureFamily
  name: string | null
}

export type InclusionItem = {structure: InclusionStructure} | {problem: string}

export const INCLUSION_KINDS: Record<string, StructureFamily> = {
  EI: 'insertion', AI: 'insertion', ACI: 'insertion', ETTI: 'insertion', EITI: 'insertion', GEIQ: 'insertion',
  EA: 'disability', EATT: 'disability', ESAT: 'disability',
}

/** Long names (folded) and codes lists use, to the short kind. */
const KIND_NAMES: [RegExp, string][] = [
  [/adaptee? de travail temporaire/, 'EATT'],
  [/entreprises? adaptees?/, 'EA'],
  [/(etablissements?|services?) (et |ou )?(services? )?d.aide par le travail|^246$/, 'ESAT'],
  [/travail temporaire d.insertion/, 'ETTI'],
  [/insertion par le travail independant/, 'EITI'],
  [/groupements? d.employeurs pour l.insertion/, 'GEIQ'],
  [/ateliers? (et )?chantiers? d.insertion/, 'ACI'],
  [/associations? intermediaires?/, 'AI'],
  [/entreprises? d.insertion/, 'EI'],
]

export function normaliseKind(raw: string): string | undefined {
  const upper = raw.trim().toUpperCase()
  if (upper in INCLUSION_KINDS) return upper
  const f = fold(raw)
  return KIND_NAMES.find(([re]) => re.test(f))?.[1]
}

const SIRET_KEYS = ['siret', 'numero_siret', 'siret_structure', 'siret_etablissement', 'siren']
const KIND_KEYS = ['kind', 'type', 'typologie', 'type_structure', 'structure_type', 'kind_siae', 'categorie', 'type de structure']
const NAME_KEYS = ['name', 'nom', 'raison_sociale', 'denomination', 'raison sociale', 'brand', 'enseigne']
const WRAPPERS = new Set(['results', 'data', 'items', 'structures', 'siaes', 'records'])

export async function* readInclusion(file: string, defaultKind?: string): AsyncGenerator<InclusionItem> {
  if ((await sniffDecpFormat(file)) === 'json') {
    const isRecordArray = (p: readonly string[]): boolean => p.length === 0 || (p.length === 1 && WRAPPERS.has(p[0]!))
    for await (const batch of readJsonRecords(file, isRecordArray)) {
      for (const raw of batch) yield jsonItem(`${file}: ${raw.array || 'record'}[${raw.index}]`, raw.text, raw.problem, defaultKind)
    }
    return
  }
  const pick = columnPicker(await csvHeader(file))
  const col = {siret: pick(SIRET_KEYS), kind: pick(KIND_KEYS), name: pick(NAME_KEYS)}
  if (!col.siret) throw new ClausescopeError('inclusion-columns', `${file}: no SIRET column (looked for ${SIRET_KEYS.join(', ')}).`)
  if (!col.kind && !defaultKind) {
    throw new ClausescopeError('inclusion-columns', `${file}: no kind column (looked for ${KIND_KEYS.join(', ')}).`,
      {suggestions: ['Give the kind of every structure in the file with --kind (e.g. --kind ESAT).']})
  }
  for await (const item of readCsvRows(file)) {
    if ('problem' in item) {
      yield item
      continue
    }
    const get = (c: string | undefined): string | null => (c === undefined ? null : text(item.row[c]))
    yield toItem(`${file}: line ${item.line}`, get(col.siret), get(col.kind) ?? defaultKind ?? null, get(col.name))
  }
}

function jsonItem(where: string, json: string | undefined, problem: string | undefined, defaultKind: string | undefined): InclusionItem {
  if (json === undefined) return {problem: `${where}: ${problem}`}
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (error) {
    return {problem: `${where}: not valid JSON (${(error as Error).message})`}
  }
  const fields = isObject(value) && isObject(value.fields) ? value.fields : value
  if (!isObject(fields)) return {problem: `${where}: not an object`}
  const lower = new Map(Object.entries(fields).map(([k, v]) => [k.toLowerCase(), v]))
  const first = (keys: string[]): string | null => keys.map((k) => text(lower.get(k))).find((v) => v) ?? null
  return toItem(where, first(SIRET_KEYS), first(KIND_KEYS) ?? defaultKind ?? null, first(NAME_KEYS))
}

function toItem(where: string, rawSiret: string | null, rawKind: string | null, name: string | null): InclusionItem {
  const siret = siretOf(rawSiret)
  if (!siret || !/^(\d{14}|\d{9})$/.test(siret)) return {problem: `${where}: '${rawSiret ?? ''}' is not a SIRET`}
  if (!rawKind) return {problem: `${where}: SIRET ${siret} has no kind`}
  const kind = normaliseKind(rawKind)
  if (!kind) return {problem: `${where}: SIRET ${siret}: kind '${rawKind}' is not an inclusion or disability kind (${Object.keys(INCLUSION_KINDS).join(', ')})`}
  return {structure: {siret, siren: siret.slice(0, 9), kind, family: INCLUSION_KINDS[kind]!, name}}
}
