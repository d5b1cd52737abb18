// DECP import and award indicators at national scale: generates a DECP v2 file of 1,000,000
// contracts (plus re-publications, modifications, concessions, several holders) under
// os.tmpdir(), imports it in a child process (to measure its peak memory alone), and times
// `stats --by year,buyer`. Baseline for the import rate: cutting and JSON-parsing the same file,
// in this process, without the mapping or the database.
//
// Run alone: `npm run bench -- decp`; smaller: `BENCH_DECP_CONTRACTS=100000 npm run bench -- decp`.

import {spawnSync} from 'node:child_process'
import {createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const CONTRACTS = Number(process.env.BENCH_DECP_CONTRACTS ?? 1_000_000)

/** Deterministic pseudo-random numbers, so every run imports the same file. */
function lcg(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 4294967296
  }
}

const siret = (n: number): string => String(100000000 + n).padStart(9, '0') + String(10 + (n % 89)).padStart(5, '0')

function contract(i: number, rnd: () => number): Record<string, unknown> {
  const year = 2019 + Math.floor(rnd() * 7)
  const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0')
  const holders = rnd() < 0.85 ? 1 : rnd() < 0.66 ? 2 : 3
  const social = rnd()
  const montant = Math.round(40000 + rnd() * rnd() * 2_000_000)
  const mods = rnd() < 0.15 ? [{modification: {id: 1, dureeMois: 12, montant: Math.round(montant * 1.1),
    dateNotificationModification: `${year}-12-01`, datePublicationDonneesModification: `${year}-12-15`}}] : []
  return {
    id: `${year}-${i}`, acheteur: {id: siret(Math.floor(rnd() * 20000))}, nature: 'Marché',
    objet: `Marché ${i} : prestations de nettoyage et d'entretien des bâtiments communaux, lot ${1 + (i % 7)}`,
    codeCPV: ['45210000-2', '90910000-9', '30190000-7', '71000000-8', '55520000-1'][i % 5],
    techniques: {technique: ['Sans objet']}, modalitesExecution: {modaliteExecution: ['Bons de commande']},
    marcheInnovant: false, ccag: 'Fournitures courantes et services', offresRecues: 1 + (i % 9), attributionAvance: false,
    tauxAvance: 0, typeGroupementOperateurs: holders > 1 ? 'Conjoint' : 'Pas de groupement', sousTraitanceDeclaree: false,
    procedure: rnd() < 0.6 ? 'Procédure adaptée' : "Appel d'offres ouvert",
    lieuExecution: {code: String(1000 + Math.floor(rnd() * 94000)).padStart(5, '0'), typeCode: 'Code postal'},
    dureeMois: 12 + (i % 36), dateNotification: `${year}-${month}-10`, datePublicationDonnees: `${year}-${month}-20`,
    montant, typesPrix: {typePrix: ['Définitif révisable']}, formePrix: 'Unitaire',
    titulaires: Array.from({length: holders}, () => ({titulaire: {typeIdentifiant: 'SIRET', id: siret(Math.floor(rnd() * 300000))}})),
    considerationsSociales: {considerationSociale: [social < 0.15 ? 'Clause sociale' : social < 0.2 ? 'Critère social' : social < 0.21 ? 'Marché réservé' : 'Pas de considération sociale']},
    considerationsEnvironnementales: {considerationEnvironnementale: [rnd() < 0.3 ? 'Clause environnementale' : 'Pas de considération environnementale']},
    modifications: mods, actesSousTraitance: [], modificationsActesSousTraitance: [],
  }
}

/** 1% of contracts are published twice (the later one wins); 1% are concessions. */
export async function generateDecp(file: string, contracts: number): Promise<number> {
  const out = createWriteStream(file)
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await new Promise<void>((r) => out.once('drain', () => r()))
  }
  const rnd = lcg(42)
  let records = 0
  await write('{"marches":{"marche":[\n')
  const concessions = Math.floor(contracts / 100)
  for (let i = 0; i < contracts - concessions; i++) {
    const c = contract(i, rnd)
    await write(`${records++ ? ',\n' : ''}${JSON.stringify(c)}`)
    if (i % 100 === 7) {
      await write(`,\n${JSON.stringify({...c, datePublicationDonnees: '2026-01-05'})}`)
      records++
    }
  }
  await write('\n],"contrat-concession":[\n')
  for (let i = 0; i < concessions; i++) {
    const c = contract(contracts + i, rnd)
    await write(`${i ? ',\n' : ''}${JSON.stringify({id: c.id, autoriteConcedante: c.acheteur, nature: 'Concession de service',
      objet: c.objet, procedure: 'Procédure négociée ouverte', dureeMois: 60, dateSignature: c.dateNotification,
      datePublicationDonnees: c.datePublicationDonnees, dateDebutExecution: c.dateNotification, valeurGlobale: c.montant,
      montantSubventionPublique: 0, concessionnaires: [{concessionnaire: {typeIdentifiant: 'SIRET', id: siret(i)}}],
      considerationsSociales: c.considerationsSociales, considerationsEnvironnementales: c.considerationsEnvironnementales})}`)
    records++
  }
  await write('\n]}}\n')
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())))
  return records
}

/** SSE reference lists for the bench: 5% of the holder pool ESS-flagged, 1% inclusion structures. */
function writeReferenceLists(dir: string): {sirene: string; inclusion: string} {
  const sirene = join(dir, 'sirene.csv'), inclusion = join(dir, 'inclusion.csv')
  const units = ['siren,economieSocialeSolidaireUniteLegale,categorieJuridiqueUniteLegale,denominationUniteLegale']
  const structures = ['siret,kind,name']
  for (let n = 0; n < 300000; n += 20) units.push(`${siret(n).slice(0, 9)},O,9220,Association ${n}`)
  for (let n = 3; n < 300000; n += 100) structures.push(`${siret(n)},${n % 3 ? 'ACI' : 'EA'},Structure ${n}`)
  writeFileSync(sirene, `${units.join('\n')}\n`)
  writeFileSync(inclusion, `${structures.join('\n')}\n`)
  return {sirene, inclusion}
}

/** Child mode: import the file into the database and report time and peak memory. */
async function child(file: string, db: string): Promise<void> {
  const {openDatabase} = await import('../src/store/db.js')
  const {readDecp} = await import('../src/sources/decp.js')
  const {beginRun, importAwards} = await import('../src/store/awards.js')
  const conn = openDatabase(db)
  const started = performance.now()
  const cpu = process.cpuUsage()
  const counts = await importAwards(conn, readDecp(file), beginRun(conn, 'bench', [file]),
    {onProblem: () => undefined, expectedRecords: statSync(file).size / 1000})
  const seconds = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  conn.close()
  process.stdout.write(JSON.stringify({seconds, cpuSeconds: (used.user + used.system) / 1e6, counts, maxRssMB: process.resourceUsage().maxRSS / 1024}))
}

async function parseBaseline(file: string): Promise<number> {
  const {readJsonRecords} = await import('../src/sources/json-records.js')
  const started = performance.now()
  let n = 0
  for await (const batch of readJsonRecords(file, (p) => p.length === 2 && p[0] === 'marches')) for (const r of batch) if (JSON.parse(r.text!)) n++
  return n / ((performance.now() - started) / 1000)
}

export default async function bench(log: (line: string) => void): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'clausescope-bench-decp-'))
  const file = join(dir, 'decp.json'), db = join(dir, 'bench.db')
  try {
    let t = performance.now()
    const records = await generateDecp(file, CONTRACTS)
    log(`generated ${records.toLocaleString('en')} records (${CONTRACTS.toLocaleString('en')} contracts), ${(statSync(file).size / 1e6).toFixed(0)} MB, in ${((performance.now() - t) / 1000).toFixed(1)} s`)
    const lists = writeReferenceLists(dir)
    const {openDatabase} = await import('../src/store/db.js')
    const {importOrganisations} = await import('../src/store/organisations.js')
    const {readSirene} = await import('../src/sources/sirene.js')
    const {readInclusion} = await import('../src/sources/inclusion.js')
    const pre = openDatabase(db)
    await importOrganisations(pre, readSirene(lists.sirene), 0, {onProblem: () => undefined, all: true})
    await importOrganisations(pre, readInclusion(lists.inclusion), 0, {onProblem: () => undefined, all: true})
    pre.close()

    const parseRate = await parseBaseline(file)
    const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file, db], {encoding: 'utf8', maxBuffer: 1 << 24})
    if (run.status !== 0) throw new Error(`import child failed: ${run.stderr}`)
    const imported = JSON.parse(run.stdout) as {seconds: number; cpuSeconds: number; maxRssMB: number; counts: {added: number; records: number}}
    const importRate = imported.counts.records / imported.seconds
    log(`import: ${imported.counts.added.toLocaleString('en')} contracts from ${imported.counts.records.toLocaleString('en')} records in ${imported.seconds.toFixed(1)} s = ${Math.round(importRate).toLocaleString('en')} records/s (CPU ${imported.cpuSeconds.toFixed(1)} s, two threads); peak RSS ${imported.maxRssMB.toFixed(0)} MB`)
    log(`baseline (cut + JSON.parse only): ${Math.round(parseRate).toLocaleString('en')} records/s; import/baseline = ${(importRate / parseRate).toFixed(2)}`)

    const {awardStats} = await import('../src/stats/awards.js')
    const conn = openDatabase(db)
    t = performance.now()
    const statsCpu = process.cpuUsage()
    const stats = awardStats(conn, {by: ['year', 'buyer']})
    const statsSeconds = (performance.now() - t) / 1000
    const statsUsed = process.cpuUsage(statsCpu)
    const statsCpuSeconds = (statsUsed.user + statsUsed.system) / 1e6
    t = performance.now()
    conn.prepare('SELECT count(*), total(amount) FROM awards').get()
    const scanSeconds = (performance.now() - t) / 1000
    conn.close()
    log(`stats --by year,buyer: ${stats.groups.length.toLocaleString('en')} groups in ${statsSeconds.toFixed(2)} s, CPU ${statsCpuSeconds.toFixed(2)} s (a bare count+sum scan of awards: ${scanSeconds.toFixed(2)} s, ratio ${(statsSeconds / scanSeconds).toFixed(1)})`)
    return {
      contracts: imported.counts.added, records: imported.counts.records, import_seconds: imported.seconds,
      import_records_per_s: Math.round(importRate), import_contracts_per_s: Math.round(imported.counts.added / imported.seconds),
      parse_baseline_records_per_s: Math.round(parseRate), import_vs_parse: importRate / parseRate,
      import_cpu_seconds: imported.cpuSeconds, import_peak_rss_mb: imported.maxRssMB,
      stats_year_buyer_seconds: statsSeconds, stats_year_buyer_cpu_seconds: statsCpuSeconds, stats_groups: stats.groups.length,
      stats_vs_bare_scan: statsSeconds / scanSeconds,
    }
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!)
