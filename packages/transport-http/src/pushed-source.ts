import type { ChunkHandler } from '@heliokit/core'
import type { ChunkSource } from '@heliokit/core/transport-kit'

/** How a pushed source slows or stops its producer (undici's dispatch controller). */
export interface Flow {
  pause(): void
  resume(): void
  cancel(reason: unknown): void
}

/** A source fed by a producer calling `push`, `end` and `fail`; it pauses the producer while too much waits. */
export interface PushedSource extends ChunkSource {
  push(chunk: Uint8Array): void
  end(): void
  fail(error: unknown): void
}

/** Bytes queued before the producer is paused (resumed at half): not a pause per chunk. */
const QUEUE_LIMIT = 1 << 20

export function pushedSource(flow: Flow): PushedSource {
  const queue: Uint8Array[] = []
  let queued = 0
  let handler: ChunkHandler | undefined
  let busy = false
  let paused = false
  let ended = false
  let failure: { error: unknown } | undefined
  let settle: { resolve(): void; reject(error: unknown): void } | undefined

  const fail = (error: unknown): void => {
    failure ??= { error }
    queue.length = 0
    queued = 0
    settle?.reject(error)
    settle = undefined
  }
  const stop = (error: unknown): void => {
    fail(error)
    flow.cancel(error)
  }
  const deliver = (chunk: Uint8Array): void => {
    let result: void | Promise<void>
    try {
      result = (handler as ChunkHandler)(chunk)
    } catch (error) {
      stop(error)
      return
    }
    if (!result || typeof result.then !== 'function') return
    busy = true
    result.then(() => {
      busy = false
      drain()
    }, stop)
  }
  const drain = (): void => {
    if (!handler) return
    while (!busy && !failure && queue.length > 0) {
      const chunk = queue.shift() as Uint8Array
      queued -= chunk.length
      deliver(chunk)
    }
    if (failure) return
    if (paused && !ended && queued <= QUEUE_LIMIT / 2) {
      paused = false
      flow.resume()
    }
    // Not busy means the queue was drained.
    if (!busy && ended) {
      settle?.resolve()
      settle = undefined
    }
  }
  return {
    push(chunk) {
      if (failure) return
      if (handler && !busy && queue.length === 0) return deliver(chunk)
      queue.push(chunk)
      queued += chunk.length
      if (queued >= QUEUE_LIMIT && !paused) {
        paused = true
        flow.pause()
      }
    },
    end() {
      ended = true
      drain()
    },
    fail(error) {
      if (!failure) fail(error)
    },
    pump(onChunk) {
      if (handler) return Promise.reject(new Error('a body can be read only once'))
      handler = onChunk
      if (failure) return Promise.reject(failure.error)
      return new Promise<void>((resolve, reject) => {
        settle = { resolve, reject }
        drain()
      })
    },
    cancel(reason) {
      if (!failure) stop(reason ?? new Error('cancelled'))
    },
  }
}
