// The facts that decide which obligations apply, read from the draft when no flag gives them:
// date of dispatch or launch, estimated value (all lots together), nature (from the CCAG named
// or the object), and the kind of buyer. Each inferred fact says where it was read.

import type {Segment} from '../core/model.js'
import {fold} from '../text/normalize.js'
import {foldedText, quoteOf} from './locate.js'
import type {BuyerType, DossierFacts, DraftDocument, Fact, Nature} from './types.js'

const MONTHS: Record<string, number> = {
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8,
  septembre: 9, octobre: 10, novembre: 11, decembre: 12,
}
const MONTH_WORDS = 'janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|janv\\.?|fevr?\\.?|avr\\.?|juil\\.?|sept\\.?|oct\\.?|nov\\.?|dec\\.?'
// "15 septembre 2026", "1er sept. 2026", "15/09/2026", "15.09.2026", "15/09/26", "2026-09-15"; a
// number inside an article reference ("R2161-2", "4.1.26") is not a date.
const DATE = new RegExp(`(\\d{1,2})(?:er)?\\s+(${MONTH_WORDS})\\s+(20\\d\\d)|(?<![\\d.,/-])(\\d{1,2})([/.])(\\d{1,2})\\5(20\\d\\d|\\d\\d)(?![\\d/])(?!\\.\\d)|(20\\d\\d)-(\\d\\d)-(\\d\\d)`)
const MONTH_PREFIXES: Array<[string, number]> = [['janv', 1], ['fev', 2], ['mars', 3], ['avr', 4], ['mai', 5], ['juin', 6], ['juil', 7], ['aout', 8], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12]]

function monthOf(word: string): number {
  return MONTHS[word] ?? MONTH_PREFIXES.find(([p]) => word.startsWith(p))?.[1] ?? 0
}

/** The first date of a folded sentence, as YYYY-MM-DD. */
export function readDate(folded: string): string | undefined {
  const m = DATE.exec(folded)
  if (!m) return undefined
  if (m[4] && m[7]!.length === 2 && m[5] !== '/') return undefined // "1.2.26" is a numbering
  const [d, mo, y] = m[1] ? [Number(m[1]), monthOf(m[2]!), Number(m[3])]
    : m[4] ? [Number(m[4]), Number(m[6]), Number(m[7]!.length === 2 ? `20${m[7]}` : m[7])]
      : [Number(m[10]), Number(m[9]), Number(m[8])]
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

const DISPATCH = /date (?:\S+ )?(?:d'envoi|de publication|de mise en ligne|de lancement|d'envoi du present avis|de l'avis|d'engagement)|(?:avis|consultation|dce)\s+(?:\S+\s+){0,2}?(?:envoye|publie|mise? en ligne|lance)e?s?\s+(?:a la publication\s+)?le|(?:avis|consultation|dce)\b[^.;]{0,80}?\b(?:envoye|transmis|adresse|publie|mise? en ligne|lance)e?s?\b[^.;]{0,60}?\ble (?:\d|premier)|envoi (?:de l'avis )?(?:a la publication|au boamp|au joue)/
const DEADLINE = /date (?:et heure )?limites? (?:de (?:reception|remise|depot) )?(?:des )?(?:offres|plis)|remise des (?:offres|plis)\s*:|(?:offres|plis) (?:devront|doivent) (?:etre )?(?:remis|parvenir|deposes?)/

function docFact<T>(value: T, doc: DraftDocument, seg: Segment, at?: number): Fact<T> {
  // A long sentence is quoted around the words that gave the fact (an amount deep in a list).
  const text = at === undefined || at < 60 ? seg.text : `… ${seg.text.slice(at - 60).replace(/^\S*\s+/, '')}`
  const from: NonNullable<Fact<T>['from']> = {path: doc.path, quote: quoteOf(text, 140)}
  if (seg.page !== undefined) from.page = seg.page
  return {value, source: 'document', from}
}

function* sentences(documents: DraftDocument[]): Generator<[DraftDocument, Segment, string]> {
  for (const doc of documents) for (const seg of doc.segments) yield [doc, seg, foldedText(seg)]
}

// Amounts: "1 250 000 € HT", "450 000,00 euros HT", "1,2 M€ HT", "450 k€",
// "1,5 million d'euros HT", "2 millions €".
const AMOUNT = /(\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(\d{1,2}))?\s*(m|k|millions?(?:\s+d')?)?\s*(?:€|euros?|eur\b)/g
const VALUE_CONTEXT = /(?:montant|valeur|estimation|budget|enveloppe)\s+(?:\S+\s+){0,4}?(?:estim|previsionnel|global|total|maximum|max|du marche|de l'accord|des prestations|des travaux|de l'operation)|estimee?s? (?:a|au total a)|evaluee?s? a|montant (?:estimatif|maximum|total)|(?:estimation|enveloppe|budget)(?: (?:du marche|financiere|globale|previsionnel(?:le)?|allouee?))?\s*:/
const LOT_AMOUNT = /\blot\s*(?:n\s?[°o]\s*)?(\d{1,3})\b/
const TOTAL_WORDS = /total|global|ensemble des lots|tous lots|toutes tranches/

/** Where an amount of that value is written in a folded sentence. */
function amountAt(folded: string, value: number): number | undefined {
  for (const m of folded.matchAll(AMOUNT)) if (amountsOf(m[0]).includes(value)) return m.index
  return undefined
}

function amountsOf(folded: string): number[] {
  const out: number[] = []
  for (const m of folded.matchAll(AMOUNT)) {
    let v = Number(m[1]!.replace(/[ .]/g, '')) + (m[2] ? Number(`0.${m[2]}`) : 0)
    if (m[3]?.startsWith('m')) v *= 1_000_000
    if (m[3] === 'k') v *= 1_000
    if (v >= 1000) out.push(v)
  }
  return out
}

const NUMBERS: Record<string, number> = {un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6}
const ANNUAL = /\b(?:annuel(?:le)?|par an)\b/

/** Years the contract may last, renewals included: "d'un an reconductible trois fois", "durée de 4 ans". */
export function totalYears(documents: DraftDocument[]): number | undefined {
  for (const [, , folded] of sentences(documents)) {
    const renew = /(\d|un|une|deux|trois|quatre) ans? (?:reconductible|renouvelable)s? (?:tacitement |expressement )?(\d|une|deux|trois|quatre) fois/.exec(folded)
    if (renew) return (NUMBERS[renew[1]!] ?? Number(renew[1])) * (1 + (NUMBERS[renew[2]!] ?? Number(renew[2])))
    const years = /duree (?:totale |globale |maximale )?(?:du marche |de l'accord-cadre )?(?:est )?(?:fixee )?(?:de|a|:)\s*(\d|un|deux|trois|quatre|cinq|six) ans\b/.exec(folded)
    if (years) return NUMBERS[years[1]!] ?? Number(years[1])
  }
  return undefined
}

/** A value read in a sentence, and whether the clause that states it gives it per year. */
interface StatedValue {
  fact: Fact<number>
  annual: boolean
}

/** The estimated value: an explicit total, else the sum of per-lot values, else the largest value stated. */
function inferValue(documents: DraftDocument[]): Fact<number> | undefined {
  const stated = statedValue(documents)
  if (!stated?.annual || !stated.fact.from) return stated?.fact
  // An annual amount: the threshold applies to the whole duration, renewals included.
  const {fact} = stated
  const years = totalYears(documents)
  if (!years || years <= 1) return fact
  return {...fact, value: fact.value * years, from: {...fact.from!, quote: `${fact.from!.quote} (montant annuel × ${years} ans)`}}
}

/** Whether the clause (between semicolons or full stops) holding an amount says it is per year. */
function annualAt(folded: string, value: number): boolean {
  return folded.split(/[.;](?=\s|$)/).some((clause) => amountsOf(clause).includes(value) && ANNUAL.test(clause))
}

function statedValue(documents: DraftDocument[]): StatedValue | undefined {
  let total: StatedValue | undefined
  const lots = new Map<string, StatedValue>()
  let largest: StatedValue | undefined
  for (const [doc, seg, folded] of sentences(documents)) {
    if (!VALUE_CONTEXT.test(folded) || /\bttc\b/.test(folded) && !/\bht\b/.test(folded)) continue
    const amounts = amountsOf(folded)
    if (amounts.length === 0) continue
    const value = Math.max(...amounts)
    const stated = {fact: docFact(value, doc, seg, amountAt(folded, value)), annual: annualAt(folded, value)}
    if (TOTAL_WORDS.test(folded) && !total) total = stated
    else {
      // "Lot 1 : ... 180 000 € HT Lot 2 : ... 150 000 € HT": lines of a list run into one sentence.
      for (const piece of folded.split(/(?=\blot\s*(?:n\s?[°o]\s*)?\d{1,3}\b)/)) {
        const lot = LOT_AMOUNT.exec(piece)
        const own = amountsOf(piece)
        if (lot && own.length > 0 && !lots.has(lot[1]!)) lots.set(lot[1]!, {fact: docFact(own[0]!, doc, seg, amountAt(folded, own[0]!)), annual: annualAt(piece, own[0]!)})
      }
    }
    if (!largest || value > largest.fact.value) largest = stated
  }
  if (total) return total
  if (lots.size >= 2) {
    const all = [...lots.values()]
    const first = all[0]!.fact
    const amount = (n: number) => Math.round(n).toLocaleString('fr-FR').replace(/[\u202F\u00A0]/g, ' ')
    const sum = [...lots].map(([lot, l]) => `lot ${lot} : ${amount(l.fact.value)}`).join(' + ')
    return {
      fact: {value: all.reduce((s, l) => s + l.fact.value, 0), source: 'document',
        from: {...first.from!, quote: `somme des montants des ${lots.size} lots (${sum} € HT)`}},
      annual: all.every((l) => l.annual),
    }
  }
  return largest
}

// The CCAG named in the CCAP is the surest sign of the contract's nature; then "marché de
// travaux / services / fournitures"; then the object. Tiers are tried in that order.
const NATURE_TIERS: Array<Array<[RegExp, Nature | 'supplies-or-services']>> = [
  [
    [/ccag[- ]?(?:travaux|trx)\b|cahier des clauses administratives generales (?:applicables aux marches publics )?de travaux/, 'works'],
    [/ccag[- ]?(?:pi|moe)\b|ccag[- ]?(?:prestations intellectuelles|maitrise d'oeuvre)/, 'services'],
    [/ccag[- ]?(?:mi\b|marches industriels)/, 'supplies'],
    [/ccag[- ]?(?:fcs|tic)\b|ccag[- ]?(?:fournitures courantes|techniques de l'information)/, 'supplies-or-services'],
  ],
  [
    [/(?:marches?|accord-cadre) (?:publics? )?de travaux/, 'works'],
    [/(?:marches?|accord-cadre) (?:publics? )?de (?:prestations? de )?services|prestations intellectuelles/, 'services'],
    [/(?:marches?|accord-cadre) (?:publics? )?de fournitures/, 'supplies'],
  ],
  [
    [/objet[^.]{0,40}\btravaux\b/, 'works'],
    [/objet[^.]{0,40}\bfournitures?\b/, 'supplies'],
  ],
]

function inferNature(documents: DraftDocument[]): Fact<Nature | 'supplies-or-services'> | undefined {
  const ordered = [...documents].sort((a, b) => rank(a.kind) - rank(b.kind))
  for (const tier of NATURE_TIERS) {
    for (const [doc, seg, folded] of sentences(ordered)) {
      for (const [pattern, nature] of tier) if (pattern.test(folded)) return docFact(nature, doc, seg)
    }
  }
  return undefined
}

function rank(kind: string): number {
  return ['CCAP', 'RC', 'AE', 'notice', 'CCTP', 'other'].indexOf(kind)
}

// Utilities first: a syndicate or a commune acting as a network operator is a contracting entity,
// whatever the name on the cover. Between central and local, the first sign in the documents (the
// buyer's name on the cover) decides: a commune's text may mention a prefecture or the State.
const UTILITY_SIGNS = /entite adjudicatrice|operateur de reseau|reseaux? (?:d'eau|d'energie|de transport)|secteurs? speciaux/
const BUYER_SIGNS: Array<[RegExp, BuyerType]> = [
  // "l'État" as a party, not "l'état des lieux / des heures / d'avancement".
  [/\bministere\b|\bl'etat\b(?!\s+(?:des?|du|d'))|prefecture|prefet|direction (?:departementale|regionale|interministerielle) |services? de l'etat|\bdreal\b|\bddt\b|rectorat|administration centrale/, 'central'],
  [/\bcommune\b|\bmairie\b|\bville de\b|departement (?:de|du|des)|conseil (?:departemental|regional)|\bregion\b|communaute (?:de communes|d'agglomeration|urbaine)|metropole|syndicat|\bccas\b|\bsdis\b|office public|\bhabitat\b|\bhlm\b|bailleur social|centre hospitalier|hopital|hospitalier|etablissement public (?:local|de sante)|collectivite/, 'local'],
]

function inferBuyer(documents: DraftDocument[]): Fact<BuyerType> | undefined {
  const ordered = [...documents].sort((a, b) => ['RC', 'AE', 'CCAP', 'notice', 'CCTP', 'other'].indexOf(a.kind) - ['RC', 'AE', 'CCAP', 'notice', 'CCTP', 'other'].indexOf(b.kind))
  const heads = ordered.map((d) => ({...d, segments: d.segments.slice(0, 40)}))
  for (const [doc, seg, folded] of sentences(heads)) if (UTILITY_SIGNS.test(folded)) return docFact('utility', doc, seg)
  for (const [doc, seg, folded] of sentences(heads)) {
    for (const [pattern, buyer] of BUYER_SIGNS) if (pattern.test(folded)) return docFact(buyer, doc, seg)
  }
  return undefined
}

function inferDates(documents: DraftDocument[]): Pick<DossierFacts, 'consultationDate' | 'launchedBy'> {
  const out: Pick<DossierFacts, 'consultationDate' | 'launchedBy'> = {}
  for (const [doc, seg, folded] of sentences(documents)) {
    if (!readDate(folded)) continue
    // "Date limite des offres : 4 décembre 2026 ; date d'envoi de l'avis : 26 octobre 2026": each
    // phrase takes the first date after it.
    const dispatch = DISPATCH.exec(folded)
    const sent = dispatch && readDate(folded.slice(dispatch.index))
    if (!out.consultationDate && sent) out.consultationDate = docFact(sent, doc, seg)
    const deadline = DEADLINE.exec(folded)
    const due = deadline && readDate(folded.slice(deadline.index))
    if (!out.launchedBy && due) out.launchedBy = docFact(due, doc, seg)
  }
  return out
}

export interface FactFlags {
  consultationDate?: string
  estimatedValue?: number
  nature?: Nature
  buyer?: BuyerType
  today: string
}

/** Flags first, then the documents; the consultation date defaults to today. */
export function inferFacts(documents: DraftDocument[], flags: FactFlags): DossierFacts {
  const dates = inferDates(documents)
  const facts: DossierFacts = {}
  if (flags.consultationDate) facts.consultationDate = {value: flags.consultationDate, source: 'flag'}
  else if (dates.consultationDate) facts.consultationDate = dates.consultationDate
  else {
    // Only a deadline for offers: the consultation is launched on or before it. A deadline still
    // to come means the draft is published now; a past one bounds the launch date.
    if (dates.launchedBy) facts.launchedBy = dates.launchedBy
    if (!dates.launchedBy || dates.launchedBy.value >= flags.today) facts.consultationDate = {value: flags.today, source: 'default'}
  }
  const value = flags.estimatedValue === undefined ? inferValue(documents) : {value: flags.estimatedValue, source: 'flag' as const}
  if (value) facts.estimatedValue = value
  const nature = flags.nature ? {value: flags.nature, source: 'flag' as const} : inferNature(documents)
  if (nature) facts.nature = nature
  const buyer = flags.buyer ? {value: flags.buyer, source: 'flag' as const} : inferBuyer(documents)
  if (buyer) facts.buyer = buyer
  return facts
}
