// Labels a draft may require (DOMAIN.md §1.6 and §4.4), as folded patterns with their display name.
// Management-system certificates (ISO 14001, EMAS) are capacity evidence, not labels: left out.

export const LABELS: Array<{name: string; pattern: RegExp}> = [
  {name: 'Écolabel européen', pattern: /eco-?label (?:europeen|de l'union europeenne|eu\b|ue\b)|\beu ecolabel\b|\becolabel\b/},
  {name: 'NF Environnement', pattern: /\bnf[- ]environnement\b/},
  {name: 'Ange bleu', pattern: /\bange bleu\b|\bblauer engel\b|\bblue angel\b/},
  {name: 'Cygne nordique', pattern: /\bcygne nordique\b|\bnordic (?:swan|ecolabel)\b/},
  {name: 'EPEAT', pattern: /\bepeat\b/},
  {name: 'TCO Certified', pattern: /\btco(?: certified| \d{2,4})?\b/},
  {name: 'Energy Star', pattern: /\benergy star\b/},
  {name: 'FSC', pattern: /\bfsc\b/},
  {name: 'PEFC', pattern: /\bpefc\b/},
  {name: 'Label Rouge', pattern: /\blabel rouge\b/},
  {name: 'AB (agriculture biologique)', pattern: /\b(?:label|logo|marque|certification) ab\b|\blabel (?:bio|agriculture biologique)\b|\beurofeuille\b/},
  {name: 'MSC', pattern: /\bmsc\b/},
  {name: 'HVE', pattern: /\bhve\b|haute valeur environnementale/},
  {name: 'Fairtrade / Max Havelaar', pattern: /\bfairtrade\b|\bmax havelaar\b|\bbio equitable\b|\bfair for life\b/},
  {name: 'GOTS', pattern: /\bgots\b/},
  {name: 'OEKO-TEX', pattern: /\boeko-?tex\b/},
  {name: "Imprim'Vert", pattern: /\bimprim'?\s?vert\b/},
  {name: 'Ecocert', pattern: /\becocert\b/},
  {name: 'HQE / BBC / Effinergie', pattern: /\bhqe\b|\bbbc\b|\beffinergie\b|\bbepos\b|\be\+c-/},
  {name: 'Écolabel (label écologique)', pattern: /\blabel ecologique\b/},
]
