import { ErrorCode, type HeliokitError } from '@heliokit/core'
import type { ResolvedRetry } from '@heliokit/core/transport-kit'

/** A download's retries unless the caller sets them: a whole file is retried, so one more than a request's. */
export const downloadRetry: ResolvedRetry = { limit: 3, baseDelayMs: 250, maxDelayMs: 30_000 }

/** Network, timeout, integrity failures and errors their source marked retryable are worth another try. */
export function shouldRetry(error: HeliokitError): boolean {
  if (error.code === ErrorCode.ABORTED) return false
  return (
    error.retryable ||
    error.code === ErrorCode.NETWORK ||
    error.code === ErrorCode.TIMEOUT ||
    error.code === ErrorCode.INTEGRITY
  )
}
