import { type HeliokitError, NetworkError, type ProgressListener } from '@heliokit/core'

export interface MeterOptions {
  readonly signal?: AbortSignal | undefined
  readonly onProgress?: ProgressListener | undefined
  /** Bytes the body must deliver; fewer is a NETWORK error (the connection broke). */
  readonly length?: number | undefined
  readonly url: string
  /** Maps a read failure (or the fired signal) to a HeliokitError. */
  readonly toError: (error: unknown) => HeliokitError
}

/**
 * Wraps a body so that reads report progress, a fired signal errors it at once with ABORTED, every
 * read failure is a HeliokitError, and a short body is detected.
 */
export function meteredBody(
  source: ReadableStream<Uint8Array>,
  options: MeterOptions,
): ReadableStream<Uint8Array> {
  const reader = source.getReader()
  const { signal, onProgress, length } = options
  let transferred = 0
  let finished = false
  let onAbort: (() => void) | undefined
  const finish = (): void => {
    finished = true
    if (onAbort) signal?.removeEventListener('abort', onAbort)
  }
  const fail = (controller: ReadableStreamDefaultController<Uint8Array>, error: unknown): void => {
    if (finished) return
    finish()
    controller.error(options.toError(error))
    reader.cancel().catch(() => {})
  }
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (!signal) return
        onAbort = () => fail(controller, signal.reason)
        if (signal.aborted) onAbort()
        else signal.addEventListener('abort', onAbort, { once: true })
      },
      async pull(controller) {
        let chunk: ReadableStreamReadResult<Uint8Array>
        try {
          chunk = await reader.read()
        } catch (error) {
          fail(controller, error)
          return
        }
        if (finished) return
        if (chunk.done) {
          if (length !== undefined && transferred !== length) {
            fail(
              controller,
              new NetworkError(`${options.url}: body ended after ${transferred} of ${length} bytes`, {
                url: options.url,
                retryable: true,
              }),
            )
            return
          }
          finish()
          controller.close()
          return
        }
        transferred += chunk.value.byteLength
        controller.enqueue(chunk.value)
        onProgress?.({ transferredBytes: transferred, totalBytes: length })
      },
      cancel(reason) {
        finish()
        return reader.cancel(reason)
      },
    },
    { highWaterMark: 0 },
  )
}
