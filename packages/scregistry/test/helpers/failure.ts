import { collect } from './collect.ts'

/** The rejection of a promise (or a listing), for asserting on typed errors. */
export async function failure(work: Promise<unknown> | AsyncIterable<unknown>): Promise<unknown> {
  try {
    if (Symbol.asyncIterator in (work as object)) await collect(work as AsyncIterable<unknown>)
    else await work
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}
