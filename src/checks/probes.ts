// A conservative second reading of environmental execution conditions, used by
// env-execution-condition-missing alongside the rule base: a binding sentence of the CCAP, CCTP
// or AE about how the contract is performed (waste, packaging, vehicles, emissions, EGAlim shares
// served, single-use plastics, resource consumption). It exists so that a wording the rule base
// does not know yet does not turn into a false "missing obligation" error. What is bought
// (labels, recycled content of supplies) is a technical specification and is not counted.

import type {Segment} from '../core/model.js'
import {fold} from '../text/normalize.js'
import type {DraftDocument} from './types.js'

const BINDING = /s'engage|\bdoi(?:t|vent)\b|\bdevr(?:a|ont)\b|est tenue?|sont tenus|\bassure\b|\bassurent\b|\bremet\b|\breprend\b|\betablit\b|\bmet en (?:oeuvre|place)\b|\bsupprime\b|\bgarantit\b|\blimite\b|\bimpose\b|obligatoire|\bsont effectuees?\b|\bsont realisees?\b|\bsont servies?\b|\bsont (?:des|issues?|composees?)\b|au moins \d|minimum de \d|\bveille a\b|prend (?:toutes )?les (?:dispositions|mesures)|est responsable|\bsont (?:tries|valorises|recycles|evacues|collectes|repris|composte)s?\b/
const PERFORMANCE = new RegExp([
  String.raw`(?:tri|gestion|valorisation|evacuation|collecte|reduction|recyclage|elimination|tracabilite|suivi) (?:\S+ ){0,3}dechets`,
  String.raw`dechets (?:\S+ ){0,4}(?:tries|valorises|recycles|evacues)`, String.raw`\bsoged\b`, String.raw`\bsosed\b`,
  String.raw`bordereaux? de suivi des dechets`, String.raw`(?:reprise|reprend|recyclage|reemploi|reduction) (?:\S+ ){0,4}emballages`,
  String.raw`emballages? (?:reutilisables|consignes|recycles|recyclables)`, String.raw`vehicules? (?:a faibles emissions|electriques|propres|a faible emission)`,
  String.raw`emissions? de (?:gaz a effet de serre|co2|ges|polluants)`, String.raw`bilan carbone`, String.raw`empreinte carbone`,
  String.raw`produits durables et de qualite`, String.raw`agriculture biologique`, String.raw`\begalim\b`, String.raw`circuits? courts?`,
  String.raw`plastiques? a usage unique`, String.raw`usage unique`, String.raw`chantier (?:propre|a faibles nuisances|vert)`,
  String.raw`(?:consommations?|economies?) d'(?:eau|energie)`, String.raw`nuisances? (?:sonores|du chantier)`, String.raw`reemploi`,
  String.raw`economie circulaire`, String.raw`gaspillage alimentaire`, String.raw`livraisons? groupees?`,
  String.raw`motorisations? (?:\S+ ){0,2}(?:gnv|bio-?gnv|electriques?|hybrides?|hydrogene)`, String.raw`\bbio-?gnv\b`,
  String.raw`(?:vehicules?|bennes?|engins?|poids lourds|autocars?|flotte) (?:\S+ ){0,4}(?:au gnv|electriques?|hybrides?|a l'hydrogene|euro (?:vi|6))\b`,
  String.raw`(?:reduire|limiter|reduction) (?:\S+ ){0,3}(?:impact environnemental|emissions|consommations?)`, String.raw`compost`,
].join('|'))
// Void or generic statements are not conditions (TAXONOMY.md, "What is NOT a finding").
const VOID = /sans objet|\bneant\b|aucune (?:clause|condition)|n'est pas prevue?|ne comporte (?:pas|aucune)|(?:respecte|respecter|conforme a) (?:la|les) (?:reglementation|legislation|normes?|lois?) (?:\S+ ){0,3}(?:environnement|vigueur)/

// In contract French the present tense binds: "le titulaire trie ses déchets", "le maître d'œuvre
// prescrit le réemploi". A named party followed by an action verb reads as an obligation.
const PARTY_ACTS = /(?:le titulaire|le prestataire|le fournisseur|le cocontractant|l'entrepreneur|l'entreprise|le maitre d'oeuvre|le mandataire|chaque titulaire|les titulaires|il)\s+(?:\S+\s+){0,2}?(?:realise|prescrit|utilise|emploie|trie|valorise|recycle|reprend|collecte|evacue|forme|transmet|fournit|applique|installe|organise|optimise|reduit|livre|affecte|mutualise)\b/

const EXECUTION_DOCS = new Set(['CCAP', 'CCTP', 'AE', 'other'])

export function isEnvExecutionSentence(text: string): boolean {
  const f = fold(text)
  return PERFORMANCE.test(f) && (BINDING.test(f) || PARTY_ACTS.test(f)) && !VOID.test(f)
}

/** The first sentence of the draft that reads as a binding environmental execution condition. */
export function probeEnvExecutionCondition(documents: DraftDocument[]): {doc: DraftDocument; segment: Segment} | undefined {
  for (const doc of documents) {
    if (!EXECUTION_DOCS.has(doc.kind)) continue
    for (const segment of doc.segments) if (isEnvExecutionSentence(segment.text)) return {doc, segment}
  }
  return undefined
}
