// `npm run bench`: runs every bench/*.ts module (default export: async (log) => figures) in turn,
// prints their figures and writes them all to bench-results.json. Figures are ratios against a
// baseline measured in the same run wherever that makes sense: absolute times on a shared 2-core
// machine are noise. `npm run bench -- detect` runs only the modules whose name contains "detect".

import {readdirSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

type Bench = (log: (line: string) => void) => Promise<Record<string, number>>

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const modules = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.ts')).sort()
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))

const results: Record<string, Record<string, number> | {error: string}> = {}
let failures = 0
for (const file of modules) {
  const name = file.replace(/\.ts$/, '')
  console.log(`\n## ${name}`)
  try {
    const mod = (await import(pathToFileURL(join(root, 'bench', file)).href)) as {default: Bench}
    results[name] = await mod.default((line) => console.log(`  ${line}`))
  } catch (error) {
    failures++
    results[name] = {error: (error as Error).message}
    console.log(`  FAILED: ${(error as Error).stack ?? error}`)
  }
}
writeFileSync(join(root, 'bench-results.json'), `${JSON.stringify({node: process.version, date: new Date().toISOString(), results}, null, 2)}\n`)
console.log(`\nfigures written to bench-results.json${failures ? `; ${failures} bench(es) failed` : ''}`)
process.exitCode = failures ? 1 : 0
