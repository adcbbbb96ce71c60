import type { ChunkHandler } from '../transport.ts'

/**
 * A response body read by pushing its chunks to a handler: cheaper per chunk than a web stream,
 * which matters when a download is thousands of small files. Read it once: with `pump`, or as a web
 * stream through `sourceStream`.
 */
export interface ChunkSource {
  /** Resolves when the whole body has been handed over; rejects with the read's or the handler's error. */
  pump(onChunk: ChunkHandler): Promise<void>
  /** Stops the transfer; a pending `pump` rejects with `reason`. */
  cancel(reason?: unknown): void
}

/** A web stream as a chunk source (fetch's bodies, in browsers or with an injected fetch). */
export function webSource(body: ReadableStream<Uint8Array>): ChunkSource {
  const reader = body.getReader()
  let cancelled: { reason: unknown } | undefined
  return {
    async pump(onChunk) {
      try {
        for (;;) {
          const next = await reader.read()
          // A cancelled read ends as if complete; it is not.
          if (cancelled) throw cancelled.reason
          if (next.done) return
          await onChunk(next.value)
        }
      } catch (error) {
        reader.cancel(error).catch(() => {})
        throw error
      }
    },
    cancel(reason) {
      cancelled ??= { reason: reason ?? new Error('cancelled') }
      reader.cancel(reason).catch(() => {})
    },
  }
}

/**
 * A chunk source as a web stream with backpressure, for callers that want `body`. Nothing is read until
 * the stream is: a resource whose `body` was only looked at (logged, say) can still be read with
 * `forEachChunk`.
 */
export function sourceStream(source: ChunkSource): ReadableStream<Uint8Array> {
  let started = false
  let wanted: (() => void) | undefined
  const pumpInto = (controller: ReadableStreamDefaultController<Uint8Array>): void => {
    source
      .pump((chunk) => {
        controller.enqueue(chunk)
        if ((controller.desiredSize ?? 0) > 0) return
        return new Promise<void>((resolve) => {
          wanted = resolve
        })
      })
      .then(
        () => controller.close(),
        (error: unknown) => controller.error(error),
      )
      // closing or erroring a stream its reader already cancelled is a no-op here
      .catch(() => {})
  }
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!started) {
          started = true
          pumpInto(controller)
          return
        }
        wanted?.()
        wanted = undefined
      },
      cancel(reason) {
        source.cancel(reason)
      },
    },
    // no read-ahead here: that would start the transfer before anyone reads (sources queue their own)
    { highWaterMark: 0 },
  )
}
