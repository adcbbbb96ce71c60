import { type ChunkHandler, NetworkError, type ProgressListener, TimeoutError } from '@heliokit/core'
import type { ChunkSource } from './chunk-source.ts'
import { transferFailure } from './failure.ts'
import { idleWatch } from './idle-watch.ts'
import type { RequestContext } from './request-context.ts'

export interface TrackOptions {
  readonly ctx: RequestContext
  readonly length: number | undefined
  readonly signal: AbortSignal | undefined
  readonly onProgress: ProgressListener | undefined
  /** Longest wait for the next chunk. */
  readonly idleMs: number
}

/**
 * `source` with progress reported per chunk, and every way it can fail typed: a caller abort is
 * ABORTED, a broken or short transfer NETWORK and a body that stalls for `idleMs` TIMEOUT (both
 * retryable). An error thrown by the reader's own handler passes through unchanged.
 */
export function trackedSource(source: ChunkSource, options: TrackOptions): ChunkSource {
  const { ctx, length, signal, onProgress, idleMs } = options
  return {
    cancel: (reason) => source.cancel(reason),
    async pump(onChunk: ChunkHandler) {
      let received = 0
      let own: { error: unknown } | undefined
      let stalled: TimeoutError | undefined
      const watch = idleWatch(idleMs, () => {
        const message = `${ctx.method} ${ctx.url} stalled: no data for ${idleMs} ms after ${received} bytes`
        stalled = new TimeoutError(message, { provider: ctx.provider, url: ctx.url, retryable: true })
        source.cancel(stalled)
      })
      const onAbort = (): void => source.cancel(signal?.reason)
      signal?.addEventListener('abort', onAbort, { once: true })
      const handle = (chunk: Uint8Array): void | Promise<void> => {
        watch.touch()
        received += chunk.byteLength
        onProgress?.({ transferredBytes: received, totalBytes: length })
        let result: void | Promise<void>
        try {
          result = onChunk(chunk)
        } catch (error) {
          own = { error }
          throw error
        }
        if (!result) return
        watch.hold()
        return result.then(
          () => watch.release(),
          (error: unknown) => {
            own = { error }
            throw error
          },
        )
      }
      if (signal?.aborted) onAbort()
      try {
        await source.pump(handle)
      } catch (error) {
        if (own) throw own.error
        throw stalled ?? transferFailure(ctx, error, signal, undefined)
      } finally {
        watch.stop()
        signal?.removeEventListener('abort', onAbort)
      }
      if (length !== undefined && received !== length) {
        const message = `${ctx.method} ${ctx.url} ended after ${received} of ${length} bytes`
        throw new NetworkError(message, { provider: ctx.provider, url: ctx.url, retryable: true })
      }
    },
  }
}
