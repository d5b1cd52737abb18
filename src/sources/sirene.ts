// SIRENE legal units (INSEE stock file StockUniteLegale, CSV, or any subset with at least `siren`
// and `economieSocialeSolidaireUniteLegale`): streams each unit's SIREN, name, legal category,
// activity, administrative state and ESS flag (O / N / empty).

import {ClausescopeError} from '../core/errors.js'
import {columnPicker, csvHeader, readCsvRows} from './csv-rows.js'

export interface LegalUnit {
  siren: string
  name: string | null
  legalCategory: string | null
  activity: string | null
  /** economieSocialeSolidaireUniteLegale: 'O' (ESS), 'N', or null when INSEE does not know. */
  ess: 'O' | 'N' | null
  /** etatAdministratifUniteLegale: 'A' active, 'C' ceased. */
  state: string | null
}

export type SireneItem = {unit: LegalUnit} | {problem: string}

export async function* readSirene(file: string): AsyncGenerator<SireneItem> {
  const pick = columnPicker(await csvHeader(file))
  const col = {
    siren: pick(['siren']),
    ess: pick(['economieSocialeSolidaireUniteLegale']),
    denomination: pick(['denominationUniteLegale']),
    surname: pick(['nomUsageUniteLegale']),
    birthName: pick(['nomUniteLegale']),
    firstName: pick(['prenomUsuelUniteLegale', 'prenom1UniteLegale']),
    acronym: pick(['sigleUniteLegale']),
    legalCategory: pick(['categorieJuridiqueUniteLegale']),
    activity: pick(['activitePrincipaleUniteLegale']),
    state: pick(['etatAdministratifUniteLegale']),
  }
  if (!col.siren || !col.ess) {
    throw new ClausescopeError('sirene-columns',
      `${file}: not a SIRENE legal-units file: it needs the columns 'siren' and 'economieSocialeSolidaireUniteLegale'.`,
      {suggestions: ['Use the INSEE stock file StockUniteLegale_utf8.csv (data.gouv.fr, "Base Sirene des entreprises"), or a subset keeping those columns.']})
  }
  for await (const item of readCsvRows(file)) {
    if ('problem' in item) {
      yield item
      continue
    }
    const get = (c: string | undefined): string | null => {
      const v = c === undefined ? undefined : item.row[c]?.trim()
      return v ? v : null
    }
    const siren = get(col.siren)?.replace(/\s/g, '') ?? ''
    const padded = /^\d{8}$/.test(siren) ? `0${siren}` : siren
    if (!/^\d{9}$/.test(padded)) {
      yield {problem: `${file}: line ${item.line}: '${siren}' is not a SIREN (9 digits)`}
      continue
    }
    const essRaw = get(col.ess)?.toUpperCase() ?? null
    const ess = essRaw === 'O' || essRaw === 'N' ? essRaw : null
    const person = [get(col.firstName), get(col.surname) ?? get(col.birthName)].filter(Boolean).join(' ')
    yield {
      unit: {
        siren: padded, name: get(col.denomination) ?? (person || get(col.acronym)), ess,
        legalCategory: get(col.legalCategory), activity: get(col.activity), state: get(col.state),
      },
    }
  }
}
