import type { ChunkHandler, ChunkSource } from '@heliokit/core'

/** How a pushed source slows or stops its producer (a socket). */
export interface Flow {
  pause(): void
  resume(): void
  cancel(reason: unknown): void
}

/** A source fed by a producer calling `push`, `end` and `fail`; it pauses the producer while too much waits. */
export interface PushedSource extends ChunkSource {
  /** `release`, if given, runs once the handler is done with `chunk` (or it is dropped). */
  push(chunk: Uint8Array, release?: () => void): void
  end(): void
  fail(error: unknown): void
}

/**
 * Bytes a pushed source holds for a handler that is busy or not yet attached before it pauses the
 * producer (it resumes it once half are taken). The head of a response arrives before anyone reads its
 * body, and a handler that writes each chunk elsewhere (to another thread, to disk) is busy for most of
 * the body: pausing a socket for each chunk costs two system calls, and the socket would stop reading
 * ahead. A lent chunk counts as the whole buffer it pins, so a trickle of small reads cannot pin a
 * buffer per few bytes.
 */
const QUEUE_LIMIT = 1 << 20

/** Memory a queued chunk holds: a lent chunk (with a `release`) pins its whole buffer. */
const held = (chunk: Uint8Array, release: (() => void) | undefined): number =>
  release ? chunk.buffer.byteLength : chunk.length

export function pushedSource(flow: Flow): PushedSource {
  // Chunks waiting for the handler, and what to call once each is done with (parallel arrays).
  const queue: Uint8Array[] = []
  const releases: ((() => void) | undefined)[] = []
  let queued = 0
  let handler: ChunkHandler | undefined
  let busy = false
  let paused = false
  let ended = false
  let failure: { error: unknown } | undefined
  let settle: { resolve(): void; reject(error: unknown): void } | undefined

  const fail = (error: unknown): void => {
    failure ??= { error }
    for (const release of releases) release?.()
    queue.length = 0
    releases.length = 0
    queued = 0
    settle?.reject(error)
    settle = undefined
  }
  const stop = (error: unknown): void => {
    fail(error)
    flow.cancel(error)
  }
  const deliver = (chunk: Uint8Array, lent: (() => void) | undefined): void => {
    // A handler that keeps the chunk takes over its release.
    let release = lent
    const keep =
      lent &&
      ((): (() => void) => {
        const kept = release ?? noop
        release = undefined
        return kept
      })
    let result: void | Promise<void>
    try {
      result = (handler as ChunkHandler)(chunk, keep)
    } catch (error) {
      release?.()
      stop(error)
      return
    }
    if (!result || typeof result.then !== 'function') {
      release?.()
      return
    }
    busy = true
    result.then(
      () => {
        release?.()
        busy = false
        drain()
      },
      (error: unknown) => {
        release?.()
        stop(error)
      },
    )
  }
  const drain = (): void => {
    if (!handler) return
    while (!busy && !failure && queue.length > 0) {
      const chunk = queue.shift() as Uint8Array
      const release = releases.shift()
      queued -= held(chunk, release)
      deliver(chunk, release)
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
  const pause = (): void => {
    if (paused) return
    paused = true
    flow.pause()
  }
  return {
    push(chunk, release) {
      if (failure) release?.()
      else if (handler && !busy && queue.length === 0) deliver(chunk, release)
      else {
        queue.push(chunk)
        releases.push(release)
        queued += held(chunk, release)
        if (queued >= QUEUE_LIMIT) pause()
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

const noop = (): void => {}
