// Typed errors. A DocumentError carries the status the document ends in and a stable code.

import type {DocumentStatus} from './model.js'

export class ClausescopeError extends Error {
  readonly code: string
  readonly suggestions: string[]
  readonly exitCode: number

  constructor(code: string, message: string, options: {suggestions?: string[]; exitCode?: number; cause?: unknown} = {}) {
    super(message, options.cause === undefined ? undefined : {cause: options.cause})
    this.name = 'ClausescopeError'
    this.code = code
    this.suggestions = options.suggestions ?? []
    this.exitCode = options.exitCode ?? 1
  }
}

/** Usage errors (bad flag values, missing paths): exit code 2. */
export class UsageError extends ClausescopeError {
  constructor(message: string, suggestions: string[] = []) {
    super('usage', message, {suggestions, exitCode: 2})
    this.name = 'UsageError'
  }
}

/**
 * A document could not be analysed. `status` says whether it is `not_analysable` (no text layer,
 * encrypted, empty: the input is the problem, and it must never count as "no clause") or
 * `failed` (broken or hostile input, or a fault of ours).
 * The message must name the file and say what is wrong in words a user understands.
 */
export class DocumentError extends ClausescopeError {
  readonly status: Exclude<DocumentStatus, 'analysed'>
  readonly path: string

  constructor(status: Exclude<DocumentStatus, 'analysed'>, code: string, path: string, message: string, cause?: unknown) {
    super(code, message, {cause})
    this.name = 'DocumentError'
    this.status = status
    this.path = path
  }
}

export function notAnalysable(code: string, path: string, message: string, cause?: unknown): DocumentError {
  return new DocumentError('not_analysable', code, path, message, cause)
}

export function failed(code: string, path: string, message: string, cause?: unknown): DocumentError {
  return new DocumentError('failed', code, path, message, cause)
}
