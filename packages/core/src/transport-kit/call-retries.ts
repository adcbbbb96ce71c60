import { invalidField } from '../errors.ts'
import type { CallOptions } from '../transport.ts'

/**
 * The retries a transport may make for one call: the caller's `retries` when given, else its own
 * `fallback`. A value that is not a non-negative integer is INVALID_INPUT, before anything is sent.
 */
export function callRetries(options: CallOptions | undefined, fallback: number): number {
  const retries = options?.retries
  if (retries === undefined) return fallback
  if (!Number.isSafeInteger(retries) || retries < 0) {
    throw invalidField('retries', `must be a non-negative integer, got ${String(retries)}`)
  }
  return retries
}
