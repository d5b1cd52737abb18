// Legacy TED XML (TED_EXPORT, schemas R2.0.9 forms F01-F25 and R2.0.8 defence/other forms):
// free-text fields in reading order, the reserved-contract flags of LEFTI, and procedure facts.
// Text comes from the French form when the notice carries one (translations are forms too),
// else from the original; coded flags always come from the original form.

import type {DeclaredCode, ProcedureFacts, SegmentRole} from '../core/model.js'
import type {ExtractedDocument} from './types.js'
import {
  amount, cleanOrganisationId, departementFromPostalCode, isoDate, natureFrom, NoticeText, noticeDocument,
  parseWeighting, weightsInPercent,
} from './notice.js'
import {child, children, descendants, path as xpath, textOf, type XmlElement} from './xml.js'

/** Text fields: element -> role and French section label (DOMAIN §3.4; labels of the French forms). */
const FIELDS: Record<string, [SegmentRole, string]> = {
  TITLE: ['title', 'Intitulé'],
  TITLE_CONTRACT: ['title', 'Intitulé'],
  CONTRACT_TITLE: ['title', 'Intitulé'],
  LOT_TITLE: ['title', 'Intitulé du lot'],
  SHORT_DESCR: ['description', 'Description succincte'],
  SHORT_CONTRACT_DESCRIPTION: ['description', 'Description succincte'],
  LOT_DESCRIPTION: ['description', 'Description du lot'],
  TOTAL_QUANTITY_OR_SCOPE: ['description', 'Quantité ou étendue'],
  PERFORMANCE_CONDITIONS: ['execution-condition', "Conditions liées à l'exécution du marché"],
  EXISTENCE_OTHER_PARTICULAR_CONDITIONS: ['execution-condition', "Conditions particulières d'exécution"],
  SUITABILITY: ['selection', "Habilitation à exercer l'activité professionnelle"],
  ECONOMIC_FINANCIAL_INFO: ['selection', 'Capacité économique et financière'],
  ECONOMIC_FINANCIAL_MIN_LEVEL: ['selection', 'Capacité économique et financière : niveaux minimaux'],
  TECHNICAL_PROFESSIONAL_INFO: ['selection', 'Capacité technique et professionnelle'],
  TECHNICAL_PROFESSIONAL_MIN_LEVEL: ['selection', 'Capacité technique et professionnelle : niveaux minimaux'],
  RULES_CRITERIA: ['selection', 'Conditions de participation'],
  CRITERIA_CANDIDATE: ['selection', 'Critères de limitation du nombre de candidats'],
  CRITERIA_SELECTION: ['selection', 'Critères de sélection'],
  OPE_OBJECTIVE_CRITERIA: ['selection', 'Critères objectifs de sélection des candidats'],
  CONDITIONS: ['selection', 'Conditions de qualification'],
  METHODS: ['selection', 'Méthodes de vérification des conditions'],
  ECONOMIC_OPERATORS_PERSONAL_SITUATION: ['selection', 'Situation propre des opérateurs économiques'],
  ECONOMIC_OPERATORS_PERSONAL_SITUATION_SUBCONTRACTORS: ['selection', 'Situation propre des sous-traitants'],
  EAF_CAPACITY_INFORMATION: ['selection', 'Capacité économique et financière'],
  EAF_CAPACITY_MIN_LEVEL: ['selection', 'Capacité économique et financière : niveaux minimaux'],
  T_CAPACITY_INFORMATION: ['selection', 'Capacité technique'],
  T_CAPACITY_MIN_LEVEL: ['selection', 'Capacité technique : niveaux minimaux'],
  CRITERIA_EVALUATION: ['award-criterion', "Critères d'évaluation des projets"],
  INFO_ADD: ['other', 'Informations complémentaires'],
  ADDITIONAL_INFORMATION: ['other', 'Informations complémentaires'],
  OPTIONS_DESCR: ['other', 'Options'],
  RENEWAL_DESCR: ['other', 'Reconduction'],
  EU_PROGR_RELATED: ['other', "Programme de l'Union européenne"],
  D_JUSTIFICATION: ['other', 'Justification de la procédure'],
  REFERENCE_TO_LAW: ['other', 'Référence légale'],
  MAIN_FEATURES_AWARD: ['other', "Principales caractéristiques de la procédure d'attribution"],
  PARTICULAR_PROFESSION: ['other', 'Profession particulière'],
  INFO_ADD_SUBCONTRACTING: ['other', 'Sous-traitance'],
  LOT_COMBINING_CONTRACT_RIGHT: ['other', 'Combinaison de lots'],
  UNFORESEEN_CIRCUMSTANCE: ['other', 'Circonstances imprévues'],
  ADDITIONAL_NEED: ['other', 'Besoin supplémentaire'],
  JUSTIFICATION: ['other', 'Justification'],
  LEGAL_BASIS_OTHER: ['other', 'Base juridique'],
  INFO_ADD_EAUCTION: ['other', 'Enchère électronique'],
  INFO_ADD_VALUE: ['other', 'Informations sur la valeur'],
  CALCULATION_METHOD: ['other', 'Méthode de calcul'],
  ACCELERATED_PROC: ['other', 'Procédure accélérée'],
  OPTION_DESCRIPTION: ['other', 'Options'],
  ADDITIONAL_INFORMATION_ABOUT_LOTS: ['other', 'Informations sur les lots'],
  LABEL: ['other', 'Label'],
}

/** Subtrees with no text to analyse: addresses, names of bodies and contractors, appeal procedures. */
const SKIP = /^(ADDRESS_|CONTRACTING_BODY$|CONTRACTORS?$|CONTRACTING_AUTHORITY_INFORMATION|NAME_ADDRESSES|ECONOMIC_OPERATOR_NAME|CONTACT_DATA|ORGANISATION$|MAIN_SITE$|REVIEW_PROCEDURE$|PROCEDURES_FOR_APPEAL|LODGING_OF_APPEALS|DEPOSIT|MAIN_FINANCING|DETAILS_PAYMENT|LEGAL_FORM$|FILE_REFERENCE|NOTICE_NUMBER_OJ$|DOCUMENT_METHOD_OF_PAYMENT|PROCUREMENT_LAW$|NUMBER_VALUE_PRIZE$|ESTIMATED_TIMING$|PLACE$|LOCATION$)/

const FLAGS = ['RESTRICTED_SHELTERED_WORKSHOP', 'RESTRICTED_SHELTERED_PROGRAM', 'RESERVED_ORGANISATIONS_SERVICE_MISSION']

interface Ctx {
  lot?: string
}

function lotSection(ctx: Ctx, label: string): string[] {
  return ctx.lot ? [`Lot ${ctx.lot}`, label] : [label]
}

function humanise(name: string): string {
  const t = name.toLowerCase().replace(/_/g, ' ')
  return t.charAt(0).toUpperCase() + t.slice(1)
}

function isParagraphField(el: XmlElement): boolean {
  return el.children.length > 0 && el.children.every((c) => c.name === 'P')
}

export function readTedLegacy(root: XmlElement, path: string): ExtractedDocument {
  const forms = children(child(root, 'FORM_SECTION')).filter((f) => f.name !== 'NOTICE_UUID')
  const original = forms.find((f) => f.attrs.CATEGORY === 'ORIGINAL') ?? forms[0]
  const textForm = forms.find((f) => (f.attrs.LG ?? '').toUpperCase() === 'FR') ?? original
  const text = new NoticeText()
  if (textForm) walk(textForm, {}, text)
  const codes = original ? reservedFlags(original) : []
  return noticeDocument('ted-xml', path, text, codes, legacyFacts(root, original, textForm))
}

/** Elements that are one award criterion; their parent is one set of criteria (weights relative to it). */
const CRITERION_ITEMS = new Set(['AC_QUALITY', 'AC_COST', 'AC_PRICE', 'AC_CRITERIA', 'AC_CRITERION'])

function walk(el: XmlElement, ctx: Ctx, text: NoticeText): void {
  if (el.children.some((c) => CRITERION_ITEMS.has(c.name))) awardCriteria(el, ctx, text)
  for (const c of el.children) {
    if (SKIP.test(c.name) || CRITERION_ITEMS.has(c.name)) continue
    if (c.name === 'OBJECT_DESCR' || c.name === 'AWARD_CONTRACT') {
      const lot = textOf(child(c, 'LOT_NO')).trim()
      walk(c, lot ? {lot} : ctx, text)
    } else if (children(c, 'CRITERIA_DEFINITION').length > 0) {
      defenceCriteria(c, ctx, text)
    } else if (isParagraphField(c) || ((c.name === 'TITLE' || c.name === 'LOT_TITLE') && c.children.length === 0)) {
      const [role, label] = FIELDS[c.name] ?? ['other', humanise(c.name)]
      const f = {text: textOf(c), role, field: c.name, section: lotSection(ctx, label)}
      text.add(ctx.lot ? {...f, lot: ctx.lot} : f)
    } else {
      walk(c, ctx, text)
    }
  }
}

/**
 * II.2.5 (and its variants across forms): AC_QUALITY / AC_COST / AC_CRITERIA (criterion +
 * weighting), AC_PRICE (weighting only), or bare AC_CRITERION (concessions F24/F25, listed by
 * order of importance), usually under AC, sometimes directly under OBJECT_DESCR or a DIRECTIVE_* element.
 */
function awardCriteria(group: XmlElement, ctx: Ctx, text: NoticeText): void {
  const items: Array<{name: string; field: string; weighting?: string}> = []
  for (const c of group.children) {
    if (c.name === 'AC_PRICE') items.push({name: 'Prix', field: 'AC_PRICE', weighting: textOf(child(c, 'AC_WEIGHTING'))})
    else if (c.name === 'AC_CRITERION') items.push({name: textOf(c), field: 'AC_CRITERION'})
    else if (CRITERION_ITEMS.has(c.name)) {
      items.push({name: textOf(child(c, 'AC_CRITERION')), field: c.name, weighting: textOf(child(c, 'AC_WEIGHTING'))})
    }
  }
  addCriteria(items, ctx, text, "Critères d'attribution")
}

/** R2.0.8 defence forms: CRITERIA_DEFINITION (ORDER_C, CRITERIA, WEIGHTING). */
function defenceCriteria(el: XmlElement, ctx: Ctx, text: NoticeText): void {
  const items = children(el, 'CRITERIA_DEFINITION').map((d) => ({
    name: textOf(child(d, 'CRITERIA')), field: 'CRITERIA', weighting: textOf(child(d, 'WEIGHTING')),
  }))
  addCriteria(items, ctx, text, "Critères d'attribution")
}

function addCriteria(
  items: Array<{name: string; field: string; weighting?: string}>, ctx: Ctx, text: NoticeText, label: string,
): void {
  const weights = weightsInPercent(items.map((i) => parseWeighting(i.weighting)))
  items.forEach((item, i) => {
    const weight = weights[i]
    text.add({
      text: item.name, role: 'award-criterion', field: item.field, section: lotSection(ctx, label),
      ...(ctx.lot ? {lot: ctx.lot} : {}), ...(weight === undefined ? {} : {weight}),
    })
  })
}

/** Reserved-contract flags (III.1.5), with the lot when a flag sits inside a lot description. */
function reservedFlags(form: XmlElement): DeclaredCode[] {
  const codes: DeclaredCode[] = []
  const visit = (el: XmlElement, lot: string | undefined) => {
    for (const c of el.children) {
      if (FLAGS.includes(c.name)) codes.push(lot ? {field: c.name, code: 'true', lot} : {field: c.name, code: 'true'})
      else if (c.name === 'OBJECT_DESCR') visit(c, textOf(child(c, 'LOT_NO')) || lot)
      else visit(c, lot)
    }
  }
  visit(form, undefined)
  return codes
}

function legacyFacts(root: XmlElement, original: XmlElement | undefined, textForm: XmlElement | undefined): ProcedureFacts {
  const coded = child(root, 'CODED_DATA_SECTION')
  const body = child(original, 'CONTRACTING_BODY') ?? original
  const mainAddress = child(body, 'ADDRESS_CONTRACTING_BODY') ?? descendants(body, 'OFFICIALNAME')[0]
  const buyerName = textOf(child(mainAddress, 'OFFICIALNAME') ?? descendants(body, 'OFFICIALNAME')[0]) ||
    textOf(xpath(root, 'TRANSLATION_SECTION', 'ML_AA_NAMES', 'AA_NAME'))
  const country = child(mainAddress, 'COUNTRY')?.attrs.VALUE ?? child(xpath(coded, 'NOTICE_DATA'), 'ISO_COUNTRY')?.attrs.VALUE
  const object = child(textForm, 'OBJECT_CONTRACT') ?? child(original, 'OBJECT_CONTRACT')
  const cpv = [...new Set(descendants(object, 'CPV_CODE').map((c) => c.attrs.CODE ?? '').filter(Boolean))]
  if (cpv.length === 0) {
    for (const c of descendants(xpath(coded, 'NOTICE_DATA'), 'ORIGINAL_CPV')) if (c.attrs.CODE) cpv.push(c.attrs.CODE)
  }
  const estimated = child(child(original, 'OBJECT_CONTRACT'), 'VAL_ESTIMATED_TOTAL')
  const facts: ProcedureFacts = {
    noticeId: root.attrs.DOC_ID ?? textOf(xpath(coded, 'NOTICE_DATA', 'NO_DOC_OJS')),
    buyerName,
    buyerId: buyerNationalId(body, buyerName, mainAddress),
    title: textOf(child(object, 'TITLE')).replace(/\s+/g, ' '),
    cpv,
    nature: natureFrom(child(object, 'TYPE_CONTRACT')?.attrs.CTYPE ?? textOf(xpath(coded, 'CODIF_DATA', 'NC_CONTRACT_NATURE'))),
    estimatedValue: (estimated?.attrs.CURRENCY ?? 'EUR') === 'EUR' ? amount(textOf(estimated)) : undefined,
    dispatchDate: isoDate(textOf(descendants(original, 'DATE_DISPATCH_NOTICE')[0]) ||
      textOf(xpath(coded, 'CODIF_DATA', 'DS_DATE_DISPATCH'))),
    departement: country === 'FR' ? departementFromPostalCode(textOf(child(mainAddress, 'POSTAL_CODE'))) : undefined,
    lots: descendants(object, 'OBJECT_DESCR')
      .filter((d) => textOf(child(d, 'LOT_NO')).length > 0)
      .map((d) => {
        const title = textOf(child(d, 'TITLE')).replace(/\s+/g, ' ')
        return title ? {id: textOf(child(d, 'LOT_NO')), title} : {id: textOf(child(d, 'LOT_NO'))}
      }),
  }
  return facts
}

/** NATIONALID of the buyer: in its main address, or in another address of the same body. */
function buyerNationalId(body: XmlElement | undefined, buyerName: string, mainAddress: XmlElement | undefined): string | undefined {
  const own = textOf(child(mainAddress, 'NATIONALID'))
  if (own) return cleanOrganisationId(own)
  for (const id of descendants(body, 'NATIONALID')) {
    const address = body?.children.find((a) => a.children.includes(id))
    if (address && textOf(child(address, 'OFFICIALNAME')) === buyerName) return cleanOrganisationId(textOf(id))
  }
  return undefined
}
