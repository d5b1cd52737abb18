// eForms notices (UBL ContractNotice / ContractAwardNotice / PriorInformationNotice, SDK 1.x):
// free-text business terms per procedure and per lot (BT-21, BT-24, BT-300, BT-70, BT-750,
// BT-734/540/541 award criteria with weights, BT-777), the sustainability codes (BT-06, BT-71,
// BT-736, BT-774, BT-775, BT-776, BT-805, BT-754) and procedure facts. Element paths follow the
// SDK's fields.json (DOMAIN §3.2), read with local names. Multilingual fields: French first,
// then the notice language.

import type {DeclaredCode, ProcedureFacts, SegmentRole} from '../core/model.js'
import type {ExtractedDocument} from './types.js'
import {
  amount, cleanOrganisationId, departementFromPostalCode, isoDate, natureFrom, NoticeText, noticeDocument,
  weightsInPercent, type StatedWeight,
} from './notice.js'
import {child, children, descendants, path as xpath, textOf, type XmlElement} from './xml.js'

/** listName of cbc:ProcurementTypeCode under cac:ProcurementAdditionalType -> business term. */
const ADDITIONAL_TYPES: Record<string, {field: string; textField: string; label: string}> = {
  'strategic-procurement': {field: 'BT-06', textField: 'BT-777', label: 'Achat stratégique'},
  'environmental-impact': {field: 'BT-774', textField: 'BT-774', label: 'Achat écologique'},
  'social-objective': {field: 'BT-775', textField: 'BT-775', label: 'Achat social'},
  'innovative-acquisition': {field: 'BT-776', textField: 'BT-776', label: 'Achat innovant'},
  'gpp-criteria': {field: 'BT-805', textField: 'BT-805', label: "Critères de marchés publics écologiques"},
  'accessibility': {field: 'BT-754', textField: 'BT-755', label: 'Accessibilité'},
}

const CRITERION_TYPES: Record<string, string> = {price: 'Critère prix', cost: 'Critère coût', quality: 'Critère qualité'}

interface Reader {
  lang: string
  text: NoticeText
  codes: DeclaredCode[]
}

interface Scope {
  lot?: string
  label: string[]
}

/** The text of a multilingual field: French, else the notice language, else the first language given. */
function localized(parent: XmlElement | undefined, name: string, lang: string): string {
  const all = children(parent, name)
  if (all.length === 0) return ''
  const byLang = (l: string | undefined) => all.filter((e) => (e.attrs.languageID ?? '').toUpperCase() === l)
  let chosen = byLang('FRA')
  if (chosen.length === 0) chosen = byLang(lang)
  if (chosen.length === 0) chosen = byLang((all[0]!.attrs.languageID ?? '').toUpperCase())
  return chosen.map((e) => textOf(e)).filter(Boolean).join('\n\n')
}

function add(r: Reader, scope: Scope, text: string, role: SegmentRole, field: string, section: string[], weight?: number): void {
  r.text.add({
    text, role, field, section: [...scope.label, ...section],
    ...(scope.lot ? {lot: scope.lot} : {}), ...(weight === undefined ? {} : {weight}),
  })
}

function addCode(r: Reader, scope: Scope, field: string, code: string): void {
  const c = code.trim()
  if (!c) return
  r.codes.push(scope.lot ? {field, code: c, lot: scope.lot} : {field, code: c})
}

export function readEforms(root: XmlElement, path: string): ExtractedDocument {
  const r: Reader = {lang: textOf(child(root, 'NoticeLanguageCode')).toUpperCase(), text: new NoticeText(), codes: []}
  const procedure: Scope = {label: ['Procédure']}
  readProject(r, child(root, 'ProcurementProject'), procedure)
  readTerms(r, child(root, 'TenderingTerms'), procedure)
  for (const lot of children(root, 'ProcurementProjectLot')) {
    const idEl = child(lot, 'ID')
    const id = textOf(idEl)
    const scope: Scope = {lot: id, label: [lotLabel(id, idEl?.attrs.schemeName)]}
    readProject(r, child(lot, 'ProcurementProject'), scope)
    readTerms(r, child(lot, 'TenderingTerms'), scope)
  }
  return noticeDocument('eforms', path, r.text, r.codes, eformsFacts(root, r.lang))
}

/** "LOT-0002" -> "Lot 2", "PAR-0001" -> "Partie 1", "GLO-0001" -> "Groupe de lots 1". */
function lotLabel(id: string, scheme: string | undefined): string {
  const n = id.replace(/^[A-Z]{3}-0*(?=\d)/, '')
  if (scheme === 'Part') return `Partie ${n}`
  if (scheme === 'LotsGroup') return `Groupe de lots ${n}`
  return `Lot ${n}`
}

/** cac:ProcurementProject: title, description, additional information, strategic codes and texts. */
function readProject(r: Reader, pp: XmlElement | undefined, scope: Scope): void {
  if (!pp) return
  add(r, scope, localized(pp, 'Name', r.lang), 'title', 'BT-21', ['Intitulé'])
  add(r, scope, localized(pp, 'Description', r.lang), 'description', 'BT-24', ['Description'])
  add(r, scope, localized(pp, 'Note', r.lang), 'other', 'BT-300', ['Informations complémentaires'])
  for (const at of children(pp, 'ProcurementAdditionalType')) {
    const codeEl = child(at, 'ProcurementTypeCode')
    const kind = ADDITIONAL_TYPES[codeEl?.attrs.listName ?? '']
    if (!kind) continue
    addCode(r, scope, kind.field, textOf(codeEl))
    add(r, scope, localized(at, 'ProcurementType', r.lang), 'other', kind.textField, [kind.label])
  }
}

/** cac:TenderingTerms: reservation and execution codes, BT-70 conditions, selection and award criteria. */
function readTerms(r: Reader, tt: XmlElement | undefined, scope: Scope): void {
  if (!tt) return
  for (const req of descendants(tt, 'SpecificTendererRequirement')) {
    const code = child(req, 'TendererRequirementTypeCode')
    if (code?.attrs.listName === 'reserved-procurement') addCode(r, scope, 'BT-71', textOf(code))
  }
  for (const sc of descendants(tt, 'SelectionCriteria')) {
    add(r, scope, localized(sc, 'Description', r.lang), 'selection', 'BT-750', ['Critères de sélection'])
  }
  for (const cer of children(tt, 'ContractExecutionRequirement')) {
    const code = child(cer, 'ExecutionRequirementCode')
    const list = code?.attrs.listName
    if (list === 'reserved-execution') addCode(r, scope, 'BT-736', textOf(code))
    else if (list === 'conditions') {
      add(r, scope, localized(cer, 'Description', r.lang), 'execution-condition', 'BT-70', ["Conditions d'exécution du marché"])
    }
  }
  for (const ac of descendants(child(tt, 'AwardingTerms'), 'AwardingCriterion')) {
    readAwardCriteria(r, ac, scope)
  }
}

function statedWeight(sub: XmlElement): StatedWeight | undefined {
  for (const p of descendants(sub, 'AwardCriterionParameter')) {
    const code = child(p, 'ParameterCode')
    if (code?.attrs.listName !== 'number-weight') continue
    const value = amount(textOf(child(p, 'ParameterNumeric')))
    if (value === undefined) return undefined
    const unit = textOf(code)
    if (unit.startsWith('per')) return {value, unit: 'percent'}
    if (unit.startsWith('poi')) return {value, unit: 'points'}
    if (unit.startsWith('dec')) return {value, unit: 'number'}
    return undefined // ord-imp: an order of importance, not a weight
  }
  return undefined
}

/** BT-539 type, BT-734 name, BT-540 description, BT-541 weight; BT-543 weighting method. */
function readAwardCriteria(r: Reader, ac: XmlElement, scope: Scope): void {
  const section = ["Critères d'attribution"]
  add(r, scope, localized(ac, 'Description', r.lang), 'award-criterion', 'BT-540', section)
  add(r, scope, localized(ac, 'CalculationExpression', r.lang), 'award-criterion', 'BT-543', section)
  const subs = children(ac, 'SubordinateAwardingCriterion')
  const weights = weightsInPercent(subs.map(statedWeight))
  subs.forEach((sub, i) => {
    const type = CRITERION_TYPES[textOf(child(sub, 'AwardingCriterionTypeCode'))]
    const name = localized(sub, 'Name', r.lang)
    const criterionSection = type ? [...section, type] : section
    add(r, scope, name, 'award-criterion', 'BT-734', criterionSection, weights[i])
    const describedSection = name ? [...criterionSection, name.replace(/\s+/g, ' ')] : criterionSection
    add(r, scope, localized(sub, 'Description', r.lang), 'award-criterion', 'BT-540', describedSection, weights[i])
  })
}

function organisations(root: XmlElement): Map<string, XmlElement> {
  const map = new Map<string, XmlElement>()
  for (const company of descendants(xpath(root, 'UBLExtensions'), 'Company')) {
    const id = textOf(xpath(company, 'PartyIdentification', 'ID'))
    if (id && !map.has(id)) map.set(id, company)
  }
  return map
}

function eformsFacts(root: XmlElement, lang: string): ProcedureFacts {
  const orgs = organisations(root)
  const buyerRef = textOf(xpath(root, 'ContractingParty', 'Party', 'PartyIdentification', 'ID'))
  const buyer = orgs.get(buyerRef)
  const country = textOf(xpath(buyer, 'PostalAddress', 'Country', 'IdentificationCode'))
  const pp = child(root, 'ProcurementProject')
  const lots = children(root, 'ProcurementProjectLot')
  const projects = [pp, ...lots.map((l) => child(l, 'ProcurementProject'))]
  const cpv = new Set<string>()
  for (const p of projects) {
    for (const c of descendants(p, 'ItemClassificationCode')) if (c.attrs.listName === 'cpv' && textOf(c)) cpv.add(textOf(c))
  }
  const natureCode = projects.map((p) => children(p, 'ProcurementTypeCode').find((c) => c.attrs.listName === 'contract-nature'))
    .find((c) => c !== undefined)
  return {
    noticeId: textOf(descendants(xpath(root, 'UBLExtensions'), 'NoticePublicationID')[0]) || textOf(child(root, 'ID')),
    buyerName: localized(child(buyer, 'PartyName'), 'Name', lang).replace(/\s+/g, ' '),
    buyerId: cleanOrganisationId(textOf(xpath(buyer, 'PartyLegalEntity', 'CompanyID'))),
    title: localized(pp, 'Name', lang).replace(/\s+/g, ' '),
    cpv: [...cpv],
    nature: natureFrom(textOf(natureCode)),
    estimatedValue: estimatedValue(pp, lots),
    dispatchDate: isoDate(textOf(child(root, 'IssueDate'))),
    departement: country === 'FRA' ? departementFromPostalCode(textOf(xpath(buyer, 'PostalAddress', 'PostalZone'))) : undefined,
    lots: lots
      .filter((l) => child(l, 'ID')?.attrs.schemeName === 'Lot')
      .map((l) => {
        const title = localized(child(l, 'ProcurementProject'), 'Name', lang).replace(/\s+/g, ' ')
        return title ? {id: textOf(child(l, 'ID')), title} : {id: textOf(child(l, 'ID'))}
      }),
  }
}

/** BT-27 of the procedure, else the sum of the lots' BT-27 (all in euros). */
function estimatedValue(pp: XmlElement | undefined, lots: XmlElement[]): number | undefined {
  const euros = (p: XmlElement | undefined) => {
    const el = xpath(p, 'RequestedTenderTotal', 'EstimatedOverallContractAmount')
    return el && (el.attrs.currencyID ?? 'EUR') === 'EUR' ? amount(textOf(el)) : undefined
  }
  const whole = euros(pp)
  if (whole !== undefined) return whole
  const parts = lots.filter((l) => child(l, 'ID')?.attrs.schemeName === 'Lot').map((l) => euros(child(l, 'ProcurementProject')))
  if (parts.length === 0 || parts.some((v) => v === undefined)) return undefined
  return parts.reduce<number>((a, v) => a + (v ?? 0), 0)
}
