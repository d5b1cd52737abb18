// What an award criterion is about, from its words: price, cost, environmental, social.
// Patterns run over folded text (lower case, no accents; see src/text/normalize.ts).
// Vocabulary: DOMAIN.md §4.3-4.4 and the borderline rules of TAXONOMY.md.

import {fold, foldText} from '../text/normalize.js'

export type CriterionKind = 'price' | 'cost' | 'environmental' | 'social'

// Near-misses removed before matching (DOMAIN §4.6): they carry the words but not the meaning.
const ENV_NEAR_MISS = /environnement(?:s)? (?:de travail|informatique|technique|logiciel|numerique|de developpement|de production|d'execution|de test|de recette|applicatif)/g
const SOCIAL_NEAR_MISS = /(?:siege|raison|capital|objet|securite|charges?|cotisations?|reseaux|protection) sociale?s?|reseaux sociaux|logements? sociaux|logement social/g

const ENVIRONMENTAL = new RegExp([
  String.raw`environnement`, String.raw`developpement durable`, String.raw`ecolog`,
  String.raw`\beco-?(?:conception|concu|responsab|label|gestion)`, String.raw`carbone`, String.raw`\bco2\b`,
  String.raw`gaz a effet de serre`, String.raw`\bges\b`, String.raw`\benerg`,
  String.raw`emissions? (?:de (?:co2|gaz|polluants?|ges|carbone|particules)|polluantes?)`, String.raw`faibles? emissions?`,
  String.raw`dechets?`, String.raw`recycl`, String.raw`reemploi`, String.raw`reutilis`, String.raw`recondition`,
  String.raw`cycle de vie`, String.raw`circuits? courts?`, String.raw`approvisionnements? directs?`,
  String.raw`produits? (?:issus de l'agriculture )?biologiques?`, String.raw`\bbio\b`, String.raw`biodiversite`,
  String.raw`pollu`, String.raw`nuisances?`, String.raw`sobriete`, String.raw`economie circulaire`, String.raw`\bacv\b`,
  String.raw`durabilite`, String.raw`emballages?`, String.raw`vehicules? (?:propres|electriques|a faibles emissions)`,
  String.raw`ecolabel`, String.raw`biosourc`, String.raw`geosourc`, String.raw`reparab`, String.raw`obsolescence`,
  String.raw`fin de vie`, String.raw`bas carbone`, String.raw`decarbon`, String.raw`eco-?conduite`, String.raw`phytosanitaire`,
  String.raw`gaspillage`, String.raw`produits? de saison`, String.raw`consommations? d'eau`, String.raw`qualite de l'air`,
  String.raw`(?:d'origine|energies?|sources?|electricite|production|chaleur) (?:\S+ ){0,2}renouvelables?`, String.raw`\benr\b`,
].join('|'))

const SOCIAL = new RegExp([
  String.raw`insertion`, String.raw`\bsocia(?:l|le|les|ux)\b`, String.raw`societa`, String.raw`handicap`,
  String.raw`egalite (?:professionnelle|femmes?|hommes?|entre)`, String.raw`equitable`, String.raw`conditions? de travail`,
  String.raw`apprenti`, String.raw`publics? (?:eloignes?|en difficulte)`, String.raw`accessibilite`, String.raw`(?:retour a l'|acces a l'|eloignes? de l')emploi`,
  String.raw`\bdiversite`, String.raw`discrimination`,
].join('|'))

const PRICE = /\bprix\b|montant (?:de l'offre|total|global)|moins[- ]disante?|offre (?:financiere|economique)|\btarifs?\b|cout d'achat/
// A criterion named "Coût", or "le seul critère du coût", is a cost even when it adds a price to other costs.
const COST = /\bcouts? (?:global|globaux|total|complet|du cycle de vie|d'utilisation|de possession)|cycle de vie|^\W*(?:\d+[.)]?\s*)?couts?\b|critere (?:unique )?(?:du |de )?couts?\b/

export function criterionKinds(text: string): CriterionKind[] {
  const folded = fold(text)
  const kinds: CriterionKind[] = []
  if (PRICE.test(folded)) kinds.push('price')
  if (COST.test(folded)) kinds.push('cost')
  if (ENVIRONMENTAL.test(folded.replace(ENV_NEAR_MISS, ' '))) kinds.push('environmental')
  if (SOCIAL.test(folded.replace(SOCIAL_NEAR_MISS, ' '))) kinds.push('social')
  return kinds
}

// "Le seul critère d'attribution est le prix", "critère unique : prix", "au prix le plus bas",
// "offre la moins-disante", "jugées sur le seul prix".
const PRICE_ONLY = new RegExp([
  String.raw`(?:seul|unique) critere(?: d'attribution| de jugement| retenu| de choix)?(?: (?:est|sera|retenu|:))?(?: celui)?(?: du| de| le)* ?prix`,
  String.raw`critere unique(?: d'attribution| de jugement)?\s*(?::|du|de|est|sera|le)*\s*(?:le )?prix`,
  String.raw`(?:au|sur le|selon le|en fonction du) seul (?:critere (?:du |de )?)?prix`,
  String.raw`(?:uniquement|exclusivement) (?:sur|en fonction du|au regard du|selon le) (?:critere (?:du |de )?)?prix`,
  String.raw`\bprix (?:seul|uniquement)\b`,
  String.raw`(?:au|le) prix le plus bas`,
  String.raw`offre (?:economiquement )?la moins[- ]disante`,
  String.raw`offre (?:la )?moins chere`,
].join('|'))

const NEGATED = /\b(?:ne|n')\s*(?:\S+\s+){0,4}(?:pas|plus|jamais)\b|\bnon\b|\bpas\b/

/** Whether a sentence says the award is on price alone (and does not deny it). */
export function statesPriceOnly(text: string): boolean {
  const folded = fold(text)
  const m = PRICE_ONLY.exec(folded)
  if (!m) return false
  // "Note prix = 50 × (prix de l'offre la moins-disante / prix de l'offre examinée)" scores the price.
  if (/[=×]|\bnote\b/.test(folded)) return false
  // "le prix n'est pas le seul critère", "pas uniquement sur le prix"
  const around = folded.slice(Math.max(0, m.index - 40), m.index + m[0].length + 20)
  return !NEGATED.test(around)
}

/** Words that make a table header or a label, not a criterion. */
export const HEADER_WORDS = /^(?:criteres?(?: d'attribution| de jugement)?|sous[- ]criteres?|ponderations?|notes?|points?|coefficients?|poids|libelles?|total|n°|no|rang|ordre|methode de notation|notation|pourcentage|%)$/

// "en fonction du seul critère du coût global, déterminé selon ...", "critère unique : le coût du cycle de vie".
const SINGLE = /(?:seul|unique) critere(?: d'attribution| de jugement| retenu| de choix)?(?: (?:est|sera|:))?(?: celui)?(?:\s*(?:du|de la|de l'|des|de|le|la|l'))?\s*([^.;]{3,160})|critere unique(?: d'attribution| de jugement)?\s*(?::|est|sera)?\s*(?:(?:du|de la|de l'|de|le|la|l')\s*)?([^.;]{3,160})/

/** The single criterion a sentence announces, in the draft's own words, or undefined. */
export function singleCriterion(text: string): string | undefined {
  const {text: folded, map} = foldText(text)
  const m = SINGLE.exec(folded)
  if (!m) return undefined
  const around = folded.slice(Math.max(0, m.index - 40), m.index + 20)
  if (NEGATED.test(around)) return undefined
  const words = (m[1] ?? m[2])!
  const start = m.index + m[0].length - words.length
  return text.slice(map[start], map[start + words.length]).trim()
}
