import { type HeliokitError, isHeliokitError } from '@heliokit/core'
import { expect } from 'vitest'

/** The HeliokitError a promise rejects with; fails the test if it resolves or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<HeliokitError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(isHeliokitError(error), `expected a HeliokitError, got ${String(error)}`).toBe(true)
  return error as HeliokitError
}
