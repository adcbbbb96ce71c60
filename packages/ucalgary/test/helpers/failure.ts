import { type HeliokitError, isHeliokitError } from '@heliokit/core'

/** The HeliokitError a promise rejects with; rethrows any other rejection and fails when it resolves. */
export async function failure(promise: Promise<unknown>): Promise<HeliokitError> {
  try {
    await promise
  } catch (error) {
    if (!isHeliokitError(error)) throw error
    return error
  }
  throw new Error('expected a failure')
}
