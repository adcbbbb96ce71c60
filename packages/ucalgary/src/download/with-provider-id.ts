import { HeliokitError, toHeliokitError } from '@heliokit/core'
import { PROVIDER_ID } from '../provider-id.ts'

/** The error re-raised as this provider's: @heliokit/download's errors carry no provider id, and each error a provider reports must. */
export function withProviderId(error: unknown): HeliokitError {
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
