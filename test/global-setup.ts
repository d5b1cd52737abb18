// Command tests run the compiled CLI (bin/run.js -> dist/): build it once per test run.
// Type errors are the typecheck script's business (CI runs it first); tsc still emits, so the
// build only fails here when the CLI could not be produced at all.
import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

export default function setup(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], {cwd: root, encoding: 'utf8'})
  if (!existsSync(join(root, 'dist', 'commands', 'scan.js'))) {
    throw new Error(`building the CLI failed:\n${r.stdout}${r.stderr}`)
  }
}
