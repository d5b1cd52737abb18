// One DECP record (v2 arrêtés of 22 Dec 2022, v1 2017-2019, marché or concession) mapped to one
// award: uid, buyer, dates, current amount, declared considerations, holders. Tolerant of the
// shapes real publishers produce (wrapped or bare holders, nested arrays, flattened keys, numbers
// as strings); what cannot make a contract (no id, no buyer) is refused with a reason.

export type AwardKind = 'marche' | 'concession'
/** Which EU threshold applies: works (and concessions) or supplies and services. */
export type EuCategory = 'works' | 'supplies-services' | 'defence' | 'concession'
export type AwardFormat = 'decp-v2' | 'decp-v1' | 'decp-csv'

export interface AwardHolder {
  idType: string | null
  id: string
  /** The legal unit, when the identifier carries one (SIRET, French VAT number). */
  siren: string | null
}

export interface AwardRecord {
  uid: string
  id: string
  buyerId: string
  kind: AwardKind
  nature: string | null
  procedure: string | null
  object: string | null
  cpv: string | null
  placeCode: string | null
  placeType: string | null
  departement: string | null
  /** dateNotification; for a concession, dateSignature. YYYY-MM-DD. */
  notificationDate: string | null
  publicationDate: string | null
  /** Orders two publications of the same uid: the greater wins. */
  version: string
  initialAmount: number | null
  /** The amount of the latest modification stating one, else the initial amount. */
  amount: number | null
  durationMonths: number | null
  socialConsiderations: string[]
  envConsiderations: string[]
  social: boolean
  env: boolean
  reserved: boolean
  euCategory: EuCategory
  holders: AwardHolder[]
  format: AwardFormat
}

export class RecordProblem extends Error {}

type Json = Record<string, unknown>

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function text(v: unknown): string | null {
  if (typeof v === 'string') {
    const t = v.trim()
    return t === '' || t === 'NC' || t === 'nan' ? null : t
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  return null
}

/** Euros from a number or a French/English numeric string; null when absent or not a number. */
export function amountOf(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v !== 'string') return null
  const cleaned = v.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.')
  if (cleaned === '' || !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cleaned)) return null
  return Number(cleaned)
}

/** YYYY-MM-DD from ISO dates (with or without time/offset) or DD/MM/YYYY; null otherwise. */
export function dateOf(v: unknown): string | null {
  const t = text(v)
  if (!t) return null
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t)
  if (m) return valid(m[1]!, m[2]!, m[3]!)
  m = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(t)
  if (m) return valid(m[3]!, m[2]!, m[1]!)
  return null
}

function valid(y: string, mo: string, d: string): string | null {
  const month = Number(mo), day = Number(d)
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${y}-${mo}-${d}` : null
}

/** A SIRET or SIREN typed as a number loses its leading zero: put it back. */
export function siretOf(v: unknown): string | null {
  const t = text(v)
  if (!t) return null
  const compact = t.replace(/[\s.]/g, '')
  if (/^\d{13}$/.test(compact)) return `0${compact}`
  if (/^\d{8}$/.test(compact)) return `0${compact}`
  return compact
}

/** The SIREN a holder identifier stands for: SIRET prefix, SIREN, or French VAT number. */
export function sirenOf(idType: string | null, id: string): string | null {
  const type = idType?.toUpperCase().replace(/[^A-Z]/g, '') ?? ''
  if ((type === 'SIRET' || type === '') && /^\d{14}$/.test(id)) return id.slice(0, 9)
  if ((type === 'SIREN' || type === 'SIRET' || type === '') && /^\d{9}$/.test(id)) return id
  const vat = /^FR[0-9A-Z]{2}(\d{9})$/i.exec(id)
  if ((type === 'TVA' || type === '') && vat) return vat[1]!
  return null
}

const folded = new Map<string, string>()

/** Lower case, no accents, single spaces: for comparing coded labels (a few distinct values, cached). */
export function fold(s: string): string {
  let f = folded.get(s)
  if (f === undefined) {
    f = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim()
    if (folded.size < 10_000) folded.set(s, f)
  }
  return f
}

const SOCIAL = /^(clauses? sociales?|criteres? sociaux|critere social|(marche|concession)s? reservee?s?)$/
const RESERVED = /^(marche|concession)s? reservee?s?$/
const ENV = /^(clauses? environnementales?|criteres? environnementa(l|ux))$/

/** The values of a considerations field, whatever its shape (object, array, joined string). */
export function considerationsOf(v: unknown, singular: string): string[] {
  if (v === null || v === undefined) return []
  if (isObject(v)) {
    const inner = v[singular]
    if (Array.isArray(inner) && inner.every((x) => typeof x === 'string')) return inner.map((x) => x.trim()).filter(Boolean)
  }
  if (typeof v === 'string') return v.split(/[,;|]/).map((s) => s.trim()).filter(Boolean)
  if (Array.isArray(v)) return v.flatMap((x) => considerationsOf(x, singular))
  if (isObject(v)) return considerationsOf(v[singular], singular)
  return []
}

export function classifyConsiderations(social: string[], env: string[]): {social: boolean; env: boolean; reserved: boolean} {
  const s = social.map(fold), e = env.map(fold)
  return {
    social: s.some((x) => SOCIAL.test(x)),
    reserved: s.some((x) => RESERVED.test(x)),
    env: e.some((x) => ENV.test(x)),
  }
}

/** Holders from any of the shapes seen: [{titulaire:{..}}], [{..}], {titulaire:[..]}, nested arrays. */
export function holdersOf(v: unknown, wrapper: string): AwardHolder[] {
  const out: AwardHolder[] = []
  const seen = new Set<string>()
  const visit = (x: unknown, depth: number): void => {
    if (depth > 6) return
    if (Array.isArray(x)) {
      for (const y of x) visit(y, depth + 1)
    } else if (isObject(x)) {
      if ('id' in x) {
        const idType = text(x.typeIdentifiant)
        const raw = idType === null || /^sire[nt]$/i.test(idType) ? siretOf(x.id) : text(x.id)?.replace(/\s/g, '') ?? null
        if (!raw) return
        const key = `${idType ?? ''}\u0000${raw}`
        if (seen.has(key)) return
        seen.add(key)
        out.push({idType, id: raw, siren: sirenOf(idType, raw)})
      } else {
        visit(x[wrapper], depth + 1)
      }
    }
  }
  visit(v, 0)
  return out
}

/** Département from lieuExecution (postal, commune, arrondissement, canton or département code). */
export function departementOf(code: string | null, typeCode: string | null): string | null {
  if (!code) return null
  const c = code.replace(/\s/g, '').toUpperCase()
  const type = typeCode ? fold(typeCode) : ''
  if (type.includes('region') || type.includes('pays')) return null
  if (type.includes('departement')) {
    if (/^\d$/.test(c)) return `0${c}`
    return /^(\d{2,3}|2A|2B)$/.test(c) ? c : null
  }
  if (type.includes('postal') || (type === '' && /^\d{5}$/.test(c))) {
    if (!/^\d{5}$/.test(c)) return null
    if (c.startsWith('20')) return Number(c.slice(2, 3)) <= 1 ? '2A' : '2B'
    return c.startsWith('97') || c.startsWith('98') ? c.slice(0, 3) : c.slice(0, 2)
  }
  // INSEE codes: commune (5), arrondissement (3-4) and canton (4-5) all start with the département.
  if (/^(2A|2B)/.test(c)) return c.slice(0, 2)
  if (!/^\d{3,5}$/.test(c)) return null
  return c.startsWith('97') || c.startsWith('98') ? c.slice(0, 3) : c.slice(0, 2)
}

export function euCategoryOf(kind: AwardKind, nature: string | null, cpv: string | null, ccag: string | null): EuCategory {
  if (kind === 'concession') return 'concession'
  const works = cpv ? cpv.startsWith('45') : ccag !== null && fold(ccag) === 'travaux'
  if (works) return 'works'
  return nature && fold(nature).includes('defense') ? 'defence' : 'supplies-services'
}
