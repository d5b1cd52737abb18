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
  // A stale oclif.manifest.json hides commands added since it was written: write it anew.
  const m = spawnSync(process.execPath, [join(root, 'node_modules/oclif/bin/run.js'), 'manifest'], {
    cwd: root, encoding: 'utf8', env: {...process.env, NODE_ENV: 'production', OCLIF_SKIP_NEW_VERSION_CHECK: 'true'},
  })
  if (m.status !== 0) throw new Error(`writing the oclif manifest failed:\n${m.stdout}${m.stderr}`)
}
