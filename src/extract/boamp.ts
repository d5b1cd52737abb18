// BOAMP notices in the DILA XML format (root ANNONCE, Boamp_v230.xsd): free-text fields of
// DONNEES in reading order (object, lots, award criteria with their POIDS, execution conditions,
// selection, additional information), the reserved-contract flag and the social/environmental
// indexation of GESTION, and procedure facts.

import type {DeclaredCode, ProcedureFacts, SegmentRole} from '../core/model.js'
import type {ExtractedDocument} from './types.js'
import {
  amount, cleanOrganisationId, isoDate, natureFrom, NoticeText, noticeDocument, parseWeighting, weightsInPercent,
} from './notice.js'
import {child, children, descendants, path as xpath, textOf, type XmlElement} from './xml.js'

const FIELDS: Record<string, [SegmentRole, string]> = {
  TITRE_MARCHE: ['title', 'Intitulé du marché'],
  INTITULE: ['title', 'Intitulé'],
  OBJET_COMPLET: ['description', 'Objet du marché'],
  DESCRIPTION: ['description', 'Description'],
  PRINCIPALES: ['description', 'Caractéristiques principales'],
  CONDITION_PARTICULIERE_EXECUTION: ['execution-condition', "Conditions particulières d'exécution"],
  LOTS_RESERVE_POUVOIR_ADJUDICATEUR: ['reservation', 'Lots réservés'],
  MARCHE_RESERVE_OUI: ['reservation', 'Marché réservé'],
  SITUATION_JURIDIQUE: ['selection', 'Situation juridique'],
  CAP_ECO: ['selection', 'Capacité économique et financière'],
  CAP_ECO_NIVEAU_MINI: ['selection', 'Capacité économique et financière : niveau minimal'],
  CAP_TECH: ['selection', 'Capacité technique'],
  CAP_TECH_NIVEAU_MINI: ['selection', 'Capacité technique : niveau minimal'],
  CRITERE_SELECTION: ['selection', 'Critères de sélection'],
  JUSTIFICATIFS_CANDIDAT: ['selection', 'Justificatifs à produire'],
  INFO_COMPL: ['other', 'Informations complémentaires'],
  RENS_COMPLEMENT: ['other', 'Renseignements complémentaires'],
  OPTIONS_DESCRIPTION: ['other', 'Options'],
  RENOUVELLEMENT_DESCRIPTION: ['other', 'Reconduction'],
}

/** Subtrees without analysable text: addresses, contractors, buyer identity, review bodies. */
const SKIP = new Set(['IDENTITE', 'ADRESSES_COMPLEMENTAIRES', 'TITULAIRE', 'CORRESPONDANT', 'PROCEDURES_RECOURS_PRECISIONS'])

interface Ctx {
  lot?: string
}

function section(ctx: Ctx, label: string): string[] {
  return ctx.lot ? [`Lot ${ctx.lot}`, label] : [label]
}

export function readBoamp(root: XmlElement, path: string): ExtractedDocument {
  const text = new NoticeText()
  walk(child(root, 'DONNEES'), {}, text)
  return noticeDocument('boamp', path, text, boampCodes(root), boampFacts(root))
}

function walk(el: XmlElement | undefined, ctx: Ctx, text: NoticeText): void {
  for (const c of el?.children ?? []) {
    if (SKIP.has(c.name)) continue
    if (c.name === 'LOT' || c.name === 'DECISION') {
      const lot = textOf(child(c, 'NUM') ?? child(c, 'NUM_LOT'))
      walk(c, lot ? {lot} : ctx, text)
    } else if (c.name === 'CRITERES_ATTRIBUTION') {
      awardCriteria(c, ctx, text)
    } else if (FIELDS[c.name] && (c.children.length === 0 || c.children.every((p) => p.name === 'P'))) {
      const [role, label] = FIELDS[c.name]!
      text.add({text: textOf(c), role, field: c.name, section: section(ctx, label), ...(ctx.lot ? {lot: ctx.lot} : {})})
    } else {
      walk(c, ctx, text)
    }
  }
}

/** CRITERES_PONDERES / _QUALITE / _COUT: CRITERE (POIDS attribute); CRITERES_PRIX: POIDS; CRITERES_LIBRE: free text. */
function awardCriteria(el: XmlElement, ctx: Ctx, text: NoticeText): void {
  const items: Array<{name: string; field: string; weighting?: string}> = []
  for (const group of el.children) {
    if (group.name === 'CRITERES_PRIX') {
      items.push({name: 'Prix', field: 'CRITERES_PRIX', weighting: textOf(child(group, 'POIDS'))})
    } else if (group.name === 'CRITERES_LIBRE') {
      items.push({name: textOf(group), field: 'CRITERES_LIBRE'})
    } else {
      for (const c of children(group, 'CRITERE')) items.push({name: textOf(c), field: group.name, weighting: c.attrs.POIDS})
      const poids = child(group, 'POIDS')
      if (poids && children(group, 'CRITERE').length === 0) {
        items.push({name: group.name === 'CRITERES_COUT' ? 'Coût' : 'Qualité', field: group.name, weighting: textOf(poids)})
      }
    }
  }
  // CRITERES_LIBRE is a whole list in one string: it takes no part in the weighting.
  const weighted = items.filter((i) => i.field !== 'CRITERES_LIBRE')
  const weights = weightsInPercent(weighted.map((i) => parseWeighting(i.weighting)))
  for (const item of items) {
    const k = weighted.indexOf(item)
    const weight = k >= 0 ? weights[k] : undefined
    text.add({
      text: item.name, role: 'award-criterion', field: item.field, section: section(ctx, "Critères d'attribution"),
      ...(ctx.lot ? {lot: ctx.lot} : {}), ...(weight === undefined ? {} : {weight}),
    })
  }
}

function boampCodes(root: XmlElement): DeclaredCode[] {
  const codes: DeclaredCode[] = []
  for (const flag of [...descendants(root, 'MARCHE_RESERVE_OUI'), ...descendants(root, 'MARCHE_RESERVE_NON')]) {
    codes.push({field: 'MARCHE_RESERVE', code: flag.name.endsWith('OUI') ? 'oui' : 'non'})
  }
  for (const c of children(xpath(root, 'GESTION', 'INDEXATION', 'CRITERES_SOCIAUX_ENV'))) {
    codes.push({field: 'CRITERES_SOCIAUX_ENV', code: c.name.toLowerCase()})
  }
  return codes
}

function boampFacts(root: XmlElement): ProcedureFacts {
  const gestion = child(root, 'GESTION')
  const data = child(root, 'DONNEES')
  const identity = child(data, 'IDENTITE')
  const buyerName = textOf(child(identity, 'DENOMINATION'))
  const sameBuyer = descendants(child(data, 'RENSEIGNEMENTS_COMPLEMENTAIRES'), 'ADRESSE')
    .find((a) => textOf(child(a, 'DENOMINATION')) === buyerName && child(a, 'CODE_IDENT_NATIONAL'))
  const object = child(data, 'OBJET')
  const cpv = new Set<string>()
  for (const c of descendants(object, 'CPV')) {
    for (const code of [...children(c, 'PRINCIPAL'), ...children(c, 'SUPPLEMENTAIRE')]) if (textOf(code)) cpv.add(textOf(code))
  }
  const total = xpath(object, 'CARACTERISTIQUES', 'VALEUR_TOTALE')
  const dep = textOf(xpath(gestion, 'INDEXATION', 'DEP_PUBLICATION'))
  return {
    noticeId: textOf(xpath(gestion, 'REFERENCE', 'IDWEB')),
    buyerName,
    buyerId: cleanOrganisationId(textOf(child(identity, 'CODE_IDENT_NATIONAL') ?? child(sameBuyer, 'CODE_IDENT_NATIONAL'))),
    title: (textOf(child(object, 'TITRE_MARCHE')) || textOf(xpath(gestion, 'INDEXATION', 'RESUME_OBJET'))).replace(/\s+/g, ' '),
    cpv: [...cpv],
    nature: natureFrom(children(child(object, 'TYPE_MARCHE'))[0]?.name),
    estimatedValue: total && (total.attrs.DEVISE ?? 'EUR') === 'EUR' ? amount(textOf(total)) : undefined,
    dispatchDate: isoDate(textOf(descendants(data, 'DATE_ENVOI')[0]) || textOf(xpath(gestion, 'INDEXATION', 'DATE_PUBLICATION'))),
    departement: /^(\d{2,3}|2[AB])$/.test(dep) ? dep : undefined,
    lots: descendants(object, 'LOT')
      .filter((l) => textOf(child(l, 'NUM')))
      .map((l) => {
        const title = textOf(child(l, 'INTITULE')).replace(/\s+/g, ' ')
        return title ? {id: textOf(child(l, 'NUM')), title} : {id: textOf(child(l, 'NUM'))}
      }),
  }
}
