import { HeliokitError, toHeliokitError } from '@heliokit/core'
import { PROVIDER_ID } from './provider-id.ts'

/**
 * The error as one of this provider's: core's time parsing and @heliokit/download raise errors without a
 * provider id, and every error a provider reports must carry its own.
 */
export function ownError(error: unknown): HeliokitError {
  const found = toHeliokitError(error, PROVIDER_ID)
  if (found.provider !== undefined) return found
  const own = new HeliokitError(found.code, found.message.replace(/^\[heliokit\] /, ''), {
    provider: PROVIDER_ID,
    status: found.status,
    url: found.url,
    retryable: found.retryable,
    retryAfterMs: found.retryAfterMs,
    issues: found.issues,
    cause: found,
  })
  own.name = found.name
  return own
}
