import {describe, expect, it} from 'vitest'
import {parseAwardCriteria, type CriteriaGroup} from '../../src/checks/criteria.js'
import {draftDocument} from './helpers.js'

function groups(text: string): CriteriaGroup[] {
  return parseAwardCriteria([draftDocument('RC.txt', 'RC', text)]).groups
}

function shape(group: CriteriaGroup): unknown[] {
  return group.criteria.map((c) => [c.name, c.weight ?? null, c.subCriteria.map((s) => [s.name, s.weight ?? null])])
}

describe('award criteria parser', () => {
  it('reads a numbered list with weighted sub-criteria under a bullet list', () => {
    const [g] = groups(`--- Page 4 ---
ARTICLE 6 – CRITÈRES D'ATTRIBUTION
Les offres seront jugées selon les critères pondérés suivants :
1. Prix des prestations : 60 %
2. Valeur technique : 40 %, appréciée au regard des sous-critères suivants :
- méthodologie d'intervention : 25 %
- mesures prises pour réduire les déchets de chantier : 15 %
`)
    expect(shape(g!)).toEqual([
      ['Prix des prestations', 60, []],
      ['Valeur technique', 40, [["méthodologie d'intervention", 25], ['mesures prises pour réduire les déchets de chantier', 15]]],
    ])
    expect(g!.page).toBe(4)
    expect(g!.article).toBe("ARTICLE 6 – CRITÈRES D'ATTRIBUTION")
    expect(g!.criteria[1]!.subCriteria[1]!.kinds).toContain('environmental')
  })

  it('reads a table flattened to pipes', () => {
    const [g] = groups(`Article 5 - Jugement des offres
| Critère | Pondération |
|---|---|
| Prix | 60 % |
| Valeur technique | 30 % |
| Performances en matière de protection de l'environnement | 10 % |
`)
    expect(shape(g!)).toEqual([['Prix', 60, []], ['Valeur technique', 30, []], ["Performances en matière de protection de l'environnement", 10, []]])
  })

  it('reads criteria stated in one sentence with weights in brackets', () => {
    const [g] = groups(`Article 7 : Critères de jugement des offres
Les offres seront classées selon les critères suivants : prix (50 %), valeur technique (40 %), délai d'exécution (10 %).
`)
    expect(shape(g!)).toEqual([['prix', 50, []], ['valeur technique', 40, []], ["délai d'exécution", 10, []]])
  })

  it('nests sub-criteria of a flattened table by their weights', () => {
    const [g] = groups(`7. Critères d'attribution
Prix 60 points
Valeur technique 40 points dont Méthodologie 25 points Environnement 15 points
`)
    expect(shape(g!)).toEqual([['Prix', 60, []], ['Valeur technique', 40, [['Méthodologie', 25], ['Environnement', 15]]]])
    expect(g!.criteria[0]!.unit).toBe('points')
  })

  it('reads "Critère n°" and "Sous-critère" labels with dashes, and a scale in points', () => {
    const [g] = groups(`8. Critères de jugement des offres
Les offres sont notées sur 100 points, selon les critères suivants :
Critère n°1 : Prix – 40 points
Critère n°2 : Valeur technique – 40 points
Sous-critère 2.1 : caractéristiques techniques – 25 points
Sous-critère 2.2 : délais de livraison – 15 points
Critère n°3 : Performance environnementale des équipements – 20 points
`)
    expect(shape(g!)).toEqual([
      ['Prix', 40, []],
      ['Valeur technique', 40, [['caractéristiques techniques', 25], ['délais de livraison', 15]]],
      ['Performance environnementale des équipements', 20, []],
    ])
    expect(g!.scale).toBe(100)
  })

  it('attaches a weight written on its own line to the name above it', () => {
    const [g] = groups(`Article 6 - Critères d'attribution
Valeur technique
40 %
Prix
60 %
`)
    expect(shape(g!)).toEqual([['Valeur technique', 40, []], ['Prix', 60, []]])
  })

  it('notes criteria ranked by order of importance, without weights', () => {
    const [g] = groups(`ARTICLE 9 - CRITERES D'ATTRIBUTION
Les critères retenus sont, par ordre décroissant d'importance :
- Valeur technique
- Prix
`)
    expect(g!.hierarchy).toBe(true)
    expect(shape(g!)).toEqual([['Valeur technique', null, []], ['Prix', null, []]])
  })

  it('recognises an award on price alone, and not its negation', () => {
    expect(groups(`Article 5 - Jugement des offres\nLe seul critère d'attribution est le prix.\n`)[0]!.priceOnlyStatement).toBeDefined()
    expect(groups(`Article 5 - Attribution\nLe marché sera attribué à l'offre la moins-disante.\n`)[0]!.priceOnlyStatement).toBeDefined()
    const denied = groups(`Article 5 - Jugement des offres\nLe prix n'est pas le seul critère : prix 70 %, valeur technique 30 %.\n`)
    expect(denied[0]!.priceOnlyStatement).toBeUndefined()
  })

  it('reads a single criterion of cost with its environmental characteristics', () => {
    const [g] = groups(`Article 6 - Jugement des offres
L'offre économiquement la plus avantageuse est appréciée en fonction du seul critère du coût du cycle de vie, intégrant les émissions de gaz à effet de serre.
`)
    expect(g!.criteria).toHaveLength(1)
    expect(g!.criteria[0]!.kinds).toEqual(expect.arrayContaining(['cost', 'environmental']))
    expect(g!.priceOnlyStatement).toBeUndefined()
  })

  it('keeps criteria per lot apart', () => {
    const gs = groups(`Article 8 - Critères d'attribution
Lot n° 1 : Prix 60 %, Valeur technique 40 %.
Lot n° 2 : Prix 100 %.
`)
    expect(gs.map((g) => [g.lot, shape(g)])).toEqual([
      ['1', [['Prix', 60, []], ['Valeur technique', 40, []]]],
      ['2', [['Prix', 100, []]]],
    ])
  })

  it('ignores selection criteria of the candidatures and thresholds that are not weights', () => {
    const gs = groups(`Article 4 - Critères de sélection des candidatures
Capacités techniques : 60 %
Article 5 - Critères d'attribution
Prix : 70 %
Valeur technique : 30 %
Les offres dont la note technique est inférieure à 10 points sont éliminées.
`)
    expect(gs).toHaveLength(1)
    expect(shape(gs[0]!)).toEqual([['Prix', 70, []], ['Valeur technique', 30, []]])
  })

  it('does not classify near-misses as environmental', () => {
    const [g] = groups(`Article 6 - Critères d'attribution
Prix : 50 %
Qualité de l'environnement technique et logiciel proposé : 50 %
`)
    expect(g!.criteria[1]!.kinds).not.toContain('environmental')
  })

  it('reads a weight followed by its description, and skips an eliminatory threshold before a weight', () => {
    const [g] = groups(`ARTICLE 3 – JUGEMENT DES OFFRES
1. Prix : 50 points
2. Valeur technique : 35 points (une note inférieure à 10 points est éliminatoire)
3. Performance environnementale de l'offre : 15 points, appréciée au regard des mesures de réduction des déchets de chantier.
`)
    expect(g!.criteria.map((c) => [c.name, c.weight])).toEqual([['Prix', 50], ['Valeur technique', 35], ["Performance environnementale de l'offre", 15]])
  })

  it('nests "(dont ... et ...)" sub-criteria written on the criterion\'s line', () => {
    const [g] = groups(`2. Critères de jugement
Valeur technique : 60 % (dont méthodologie 40 % et réduction de l'impact environnemental des déplacements 20 %) Prix : 40 %
`)
    expect(shape(g!)).toEqual([
      ['Valeur technique', 60, [['méthodologie', 40], ["réduction de l'impact environnemental des déplacements", 20]]],
      ['Prix', 40, []],
    ])
  })

  it('reads bare numbers in a table whose header gives the unit, and row numbers as numbers', () => {
    const [g] = groups(`ARTICLE 5 – JUGEMENT DES OFFRES
| Critère | Pondération (%) |
|---|---|
| Prix du repas | 40 |
| Valeur technique (qualité des menus) | 40 |
| Développement durable | 10 |
`)
    expect(shape(g!)).toEqual([['Prix du repas', 40, []], ['Valeur technique (qualité des menus)', 40, []], ['Développement durable', 10, []]])
    const [numbered] = groups(`Article 6 – Critères d'attribution
| N° | Critère | Pondération |
| 1 | Prix | 60 |
| 2 | Valeur technique | 40 |
`)
    expect(shape(numbered!)).toEqual([['Prix', 60, []], ['Valeur technique', 40, []]])
  })

  it('reads a scoring formula and weights written in prose', () => {
    const [formula] = groups(`Article 5 – Critères d'attribution
Note finale = 0,55 × note Prix + 0,30 × note Valeur technique + 0,15 × note Environnement
`)
    expect(shape(formula!)).toEqual([['Prix', 55, []], ['Valeur technique', 30, []], ['Environnement', 15, []]])
    expect(formula!.criteria[2]!.kinds).toContain('environmental')
    const [prose] = groups(`Article 7 – Attribution
Le prix sera pondéré à hauteur de 70 %, la valeur technique à hauteur de 30 %.
`)
    expect(shape(prose!)).toEqual([['prix', 70, []], ['valeur technique', 30, []]])
  })

  it('nests "-" items under "•" items, and finds the nesting that adds up to 100', () => {
    const [bullets] = groups(`ARTICLE 7 – JUGEMENT DES OFFRES
• Prix des prestations : 60 points
• Valeur technique : 40 points dont :
- méthodologie (20 points)
- gestion environnementale du chantier (10 points)
- moyens humains (10 points)
`)
    expect(shape(bullets!)).toEqual([
      ['Prix des prestations', 60, []],
      ['Valeur technique', 40, [['méthodologie', 20], ['gestion environnementale du chantier', 10], ['moyens humains', 10]]],
    ])
    // Flattened: only the nesting under "Valeur technique" makes the top level add up to 100.
    const [flat] = groups(`Article 6 – Critères
Prix 60 %, Valeur technique 40 %, Méthode 20 %, Environnement 10 %, Moyens 10 %
`)
    expect(shape(flat!)).toEqual([['Prix', 60, []], ['Valeur technique', 40, [['Méthode', 20], ['Environnement', 10], ['Moyens', 10]]]])
  })

  it('reads criteria under a bare "Critères" heading, ranked as a numbered list', () => {
    const [g] = groups(`Article 6 – Critères
Les offres sont jugées sur les critères ci-après, classés par ordre décroissant d'importance :
1. Valeur technique de la méthodologie proposée
2. Prix
3. Mesures prises pour réduire l'empreinte carbone de la mission
`)
    expect(g!.hierarchy).toBe(true)
    expect(g!.criteria.map((c) => c.name)).toEqual(['Valeur technique de la méthodologie proposée', 'Prix', "Mesures prises pour réduire l'empreinte carbone de la mission"])
  })

  it('names a single criterion in the draft\'s words', () => {
    const [g] = groups(`Article 2 – Critère d'attribution
Le marché est attribué sur la base du seul critère du coût global, déterminé selon une approche en coût du cycle de vie intégrant les émissions de CO2.
`)
    expect(g!.criteria.map((c) => [c.name, c.weight, c.kinds])).toEqual([['coût global', 100, ['cost', 'environmental']]])
  })

  it('does not take biodiversity for a social criterion', () => {
    const [g] = groups(`Article 5 – Critères d'attribution
Prix : 80 %
Mesures en faveur de la biodiversité (fauche tardive) : 20 %
`)
    expect(g!.criteria[1]!.kinds).toEqual(['environmental'])
  })

  it('reads sub-criteria listed after the criterion\'s colon, up to the next criterion on the same line', () => {
    const [g] = groups(`Article 4 – Critères d'attribution
Valeur technique : 40 % répartie ainsi : méthodologie (50 % de la note technique), gestion environnementale du chantier (50 % de la note technique) Prix : 60 %
`)
    expect(shape(g!)).toEqual([
      ['Valeur technique', 40, [['méthodologie', 50], ['gestion environnementale du chantier', 50]]],
      ['Prix', 60, []],
    ])
  })

  it('takes a single "coût" criterion for a cost, not the price, and renewable energy for environmental', () => {
    const [cost] = groups(`Article 5 – Critère d'attribution
Le marché est attribué selon le seul critère du coût, déterminé par le prix d'achat augmenté du coût de la maintenance sur cinq ans.
`)
    expect(cost!.criteria[0]!.kinds).toContain('cost')
    expect(cost!.criteria[0]!.kinds).not.toContain('environmental')
    const [energy] = groups(`Article 6 – Critères d'attribution
Prix : 85 %
Part d'électricité d'origine renouvelable garantie : 15 %
`)
    expect(energy!.criteria[1]!.kinds).toEqual(['environmental'])
  })

  it('reads "1° ... ;" lists and leaves the scoring method (formula, marking scale) out', () => {
    const [g] = groups(`Article 8 – Jugement des offres
8.1 Critères
Les critères d'attribution sont : 1° le prix (50 %) ; 2° la valeur technique (35 %) ; 3° les performances environnementales de la flotte (15 %).
8.2 Méthode de notation
Note prix = 50 × (prix de l'offre la moins-disante / prix de l'offre examinée).
La valeur technique est notée selon le barème suivant : excellent : 35 points ; bon : 25 points ; moyen : 15 points.
`)
    expect(shape(g!)).toEqual([['prix', 50, []], ['valeur technique', 35, []], ['performances environnementales de la flotte', 15, []]])
    expect(g!.priceOnlyStatement).toBeUndefined()
    const [scale] = groups(`Article 6 – Critères d'attribution
Prix : 60 %
Valeur technique : 40 %, notée selon le barème : très bon : 40 points ; insuffisant : 10 points.
`)
    expect(shape(scale!)).toEqual([['Prix', 60, []], ['Valeur technique', 40, []]])
  })
})
