import { throwIfAborted } from '@heliokit/core'
import { PROVIDER_ID } from './provider-id.ts'

/** Yields items until the signal fires, then fails with ABORTED. */
export function* untilAborted<T>(items: Iterable<T>, signal: AbortSignal | undefined): Generator<T> {
  for (const item of items) {
    throwIfAborted(signal, PROVIDER_ID)
    yield item
  }
}
