// What every clausescope command shares: the --db flag, clean JSON on stdout, typed errors.

import {Command, Flags, type Interfaces} from '@oclif/core'
import {ClausescopeError} from '../core/errors.js'
import {resolveDbPath} from '../store/db.js'

export const dbFlag = Flags.string({
  description: 'SQLite database file [default: $CLAUSESCOPE_DB or ./clausescope.db]',
  helpValue: 'FILE',
})

export abstract class BaseCommand extends Command {
  static override enableJsonFlag = true

  private stdoutWrite: typeof process.stdout.write | undefined

  /** The database path from --db, CLAUSESCOPE_DB or the default. */
  protected dbPath(flag: string | undefined): string {
    return resolveDbPath(flag)
  }

  /**
   * With --json, stdout must hold exactly one JSON value whatever a library prints: while the
   * command runs, anything written to stdout is sent to stderr instead; oclif prints the returned
   * value once the command has finished.
   */
  protected override async init(): Promise<void> {
    await super.init()
    if (this.jsonEnabled()) {
      this.stdoutWrite = process.stdout.write
      process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
        (process.stderr.write as (...a: unknown[]) => boolean)(chunk, ...rest)) as typeof process.stdout.write
    }
  }

  protected override async finally(error: Error | undefined): Promise<void> {
    if (this.stdoutWrite) {
      process.stdout.write = this.stdoutWrite
      this.stdoutWrite = undefined
    }
    await super.finally(error)
  }

  /** The error as JSON: what a script needs, not the parser's whole context. */
  protected override toErrorJson(error: unknown): unknown {
    const e = error as {message?: string; code?: string; oclif?: {exit?: number}; suggestions?: string[]}
    const out: Record<string, unknown> = {message: e.message ?? String(error)}
    if (e.code) out.code = e.code
    out.exit = process.exitCode ?? e.oclif?.exit ?? 1
    if (e.suggestions && e.suggestions.length > 0) out.suggestions = e.suggestions
    return {error: out}
  }

  protected override async catch(error: Interfaces.CommandError): Promise<unknown> {
    if (this.stdoutWrite) {
      process.stdout.write = this.stdoutWrite
      this.stdoutWrite = undefined
    }
    // oclif exits 1 on any error printed as JSON: keep usage errors (ours and the parser's) at 2
    const exit = error instanceof ClausescopeError ? error.exitCode : (error as {oclif?: {exit?: number}}).oclif?.exit
    if (exit !== undefined) process.exitCode = exit
    if (error instanceof ClausescopeError) {
      const message = error.suggestions.length > 0 ? `${error.message}\n${error.suggestions.map((s) => `  → ${s}`).join('\n')}` : error.message
      const wrapped = Object.assign(new Error(message), {oclif: {exit: error.exitCode}, code: error.code})
      return super.catch(wrapped as Interfaces.CommandError)
    }
    return super.catch(error)
  }
}
