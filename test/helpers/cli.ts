// Runs the compiled CLI as a user would, and captures what they would see.
import {spawnSync} from 'node:child_process'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const FIXTURES = join(ROOT, 'fixtures')

export interface CliRun {
  status: number
  stdout: string
  stderr: string
}

export function runCli(args: string[], options: {cwd?: string; env?: Record<string, string>; input?: string} = {}): CliRun {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'run.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: {...process.env, NODE_ENV: 'production', OCLIF_SKIP_NEW_VERSION_CHECK: 'true', NO_COLOR: '1', ...options.env},
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  return {status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr}
}

/** stdout must be exactly one JSON value. */
export function parseJsonOutput<T = unknown>(run: CliRun): T {
  return JSON.parse(run.stdout) as T
}
