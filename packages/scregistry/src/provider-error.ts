import { type HeliokitError, type InvalidInputError, invalidField, toHeliokitError } from '@heliokit/core'
import { PROVIDER_ID } from './provider-id.ts'

/** Any thrown value as a HeliokitError naming this provider. */
export function providerError(error: unknown): HeliokitError {
  return toHeliokitError(error, PROVIDER_ID)
}

/** Runs `work`, converting whatever it throws with `providerError`. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw providerError(error)
  }
}

/** Re-yields `items`, converting whatever they throw with `providerError`. */
export async function* guardedItems<T>(items: () => AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* items()
  } catch (error) {
    throw providerError(error)
  }
}

/** INVALID_INPUT for one named field, from this provider. */
export function invalid(field: string, message: string): InvalidInputError {
  return invalidField(field, message, { provider: PROVIDER_ID })
}
