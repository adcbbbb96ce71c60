import type { HeliokitError } from '../errors.ts'
import type { ProgressListener } from '../progress.ts'
import type { ChunkHandler } from '../transport.ts'
import type { ChunkSource } from './chunk-source.ts'
import { idleWatch } from './idle-watch.ts'

export interface MeterOptions {
  /** Bytes the body must deliver, when known. */
  readonly length: number | undefined
  readonly signal?: AbortSignal | undefined
  readonly onProgress?: ProgressListener | undefined
  /**
   * Longest wait for the next chunk (not counting time the handler holds one), and the error for a body
   * that sent nothing that long after `received` bytes; no limit if absent.
   */
  readonly idle?: { readonly ms: number; readonly error: (received: number) => HeliokitError } | undefined
  /** The error for a body that ended after `received` of `length` bytes. */
  readonly short: (received: number, length: number) => HeliokitError
  /** The error for any failure of the read, and for an abort (the signal's reason is passed then). */
  readonly failed: (error: unknown) => HeliokitError
}

/**
 * `source` with progress reported per chunk and every way it can fail typed: the fired signal stops it
 * at once, a stall and a short body are detected, and a read failure is mapped by `failed`. An error
 * thrown by the reader's own handler passes through unchanged. For transport authors: a transport
 * offers `forEachChunk` as `pump` of this and `body` as `sourceStream` of it.
 */
export function meteredSource(source: ChunkSource, options: MeterOptions): ChunkSource {
  const { length, signal, onProgress, idle } = options
  return {
    cancel: (reason) => source.cancel(reason),
    async pump(onChunk: ChunkHandler) {
      let received = 0
      let own: { error: unknown } | undefined
      let stalled: HeliokitError | undefined
      const watch =
        idle &&
        idleWatch(idle.ms, () => {
          stalled = idle.error(received)
          source.cancel(stalled)
        })
      const onAbort = (): void => source.cancel(signal?.reason)
      signal?.addEventListener('abort', onAbort, { once: true })
      const handle: ChunkHandler = (chunk) => {
        watch?.touch()
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
        watch?.hold()
        return result.then(
          () => watch?.release(),
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
        throw stalled ?? options.failed(signal?.aborted ? signal.reason : error)
      } finally {
        watch?.stop()
        signal?.removeEventListener('abort', onAbort)
      }
      if (length !== undefined && received !== length) throw options.short(received, length)
    },
  }
}
