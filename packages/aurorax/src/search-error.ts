import { ErrorCode, HeliokitError, isHeliokitError } from '@heliokit/core'
import { PROVIDER_ID } from './provider-id.ts'

export interface AuroraxSearchLog {
  readonly level: string
  readonly summary: string
  readonly timestamp: string
}

/** A search the server ran and reported as failed (`error_condition`); the message is its last log. */
export class AuroraxSearchError extends HeliokitError {
  override name = 'AuroraxSearchError' as const
  readonly requestId: string
  readonly logs: readonly AuroraxSearchLog[]

  constructor(requestId: string, logs: readonly AuroraxSearchLog[], url: string) {
    const summary = logs.at(-1)?.summary ?? 'no log message'
    super(ErrorCode.UNAVAILABLE, `search ${requestId} failed: ${summary}`, { provider: PROVIDER_ID, url })
    this.requestId = requestId
    this.logs = logs
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return isHeliokitError(value) && value.name === 'AuroraxSearchError'
  }
}
