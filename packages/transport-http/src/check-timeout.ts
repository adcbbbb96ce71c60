import { InvalidInputError } from '@heliokit/core'

// setTimeout's limit; larger values fire at once.
const MAX_TIMEOUT = 2_147_483_647

/** A timeout in ms, checked to be a positive number setTimeout can hold. */
export function checkTimeout(ms: number, provider?: string): number {
  if (!(ms > 0 && ms <= MAX_TIMEOUT)) {
    throw new InvalidInputError(`timeout must be between 1 and ${MAX_TIMEOUT} ms, got ${ms}`, { provider })
  }
  return ms
}
