import { AbortedError, type HeliokitError, InternalError, isHeliokitError, TimeoutError } from './errors.ts'

/**
 * Any thrown value as a HeliokitError, for places that must report rather than rethrow. The original
 * message is not copied (it may hold a URL with a key); it stays reachable as `cause`.
 */
export function toHeliokitError(error: unknown, provider?: string): HeliokitError {
  if (isHeliokitError(error)) return error
  const name = (error as { name?: unknown } | null)?.name
  if (name === 'AbortError') return new AbortedError('operation aborted', { provider, cause: error })
  if (name === 'TimeoutError')
    return new TimeoutError('operation timed out', { provider, cause: error, retryable: true })
  return new InternalError(`unexpected ${typeof name === 'string' ? name : 'error'} in provider`, {
    provider,
    cause: error,
  })
}
