import { ErrorCode, HeliokitError, isHeliokitError } from '@heliokit/core/errors'
import { PROVIDER_ID } from '../provider-id.ts'

/** Where in a document a problem was found: the table (name, ID or `#n`) and the 0-based data row. */
export interface VotableLocation {
  readonly table?: string
  readonly row?: number
  readonly cause?: unknown
}

/** A VOTable that cannot be read (malformed, truncated, hostile); BAD_RESPONSE naming the table and row. */
export class VotableError extends HeliokitError {
  static readonly code: typeof ErrorCode.BAD_RESPONSE = ErrorCode.BAD_RESPONSE
  override name = 'VotableError' as const
  readonly table: string | undefined
  readonly row: number | undefined

  /** Matched by name, so copies of this package agree and other BAD_RESPONSE errors do not match. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isHeliokitError(value) && value.name === 'VotableError'
  }

  constructor(message: string, where: VotableLocation = {}) {
    const place = [
      where.table === undefined ? '' : `table ${where.table}`,
      where.row === undefined ? '' : `row ${where.row}`,
    ]
      .filter(Boolean)
      .join(' ')
    const path = [where.table, where.row].filter((p) => p !== undefined).join('.') || 'document'
    super(ErrorCode.BAD_RESPONSE, `VOTable${place ? ` ${place}` : ''}: ${message}`, {
      provider: PROVIDER_ID,
      issues: [{ path, message }],
      cause: where.cause,
    })
    this.table = where.table
    this.row = where.row
  }
}
