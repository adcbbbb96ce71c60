import { type HeliokitError, NetworkError, type ProgressListener, TimeoutError } from '@heliokit/core'
import { transferFailure } from './failure.ts'
import type { RequestContext } from './request-context.ts'

/**
 * `body` re-streamed: progress reported per chunk, a caller abort fails the next read with ABORTED,
 * a broken or short transfer fails it with NETWORK and a body that stalls for `idleMs` with TIMEOUT
 * (both retryable), never with a foreign error.
 */
export function trackedBody(
  body: ReadableStream<Uint8Array>,
  options: {
    readonly ctx: RequestContext
    readonly length: number | undefined
    readonly signal: AbortSignal | undefined
    readonly onProgress: ProgressListener | undefined
    /** Longest wait for the next chunk. */
    readonly idleMs: number
  },
): ReadableStream<Uint8Array> {
  const { ctx, length, signal, onProgress, idleMs } = options
  const reader = body.getReader()
  let received = 0
  const fail = (controller: ReadableStreamDefaultController<Uint8Array>, error: HeliokitError): void => {
    controller.error(error)
    reader.cancel().catch(() => {})
  }
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (signal?.aborted) return fail(controller, transferFailure(ctx, undefined, signal, undefined))
        let chunk: ReadableStreamReadResult<Uint8Array> | typeof STALLED
        try {
          chunk = await readWithin(reader, idleMs)
        } catch (error) {
          return fail(controller, transferFailure(ctx, error, signal, undefined))
        }
        if (chunk === STALLED) {
          const message = `${ctx.method} ${ctx.url} stalled: no data for ${idleMs} ms after ${received} bytes`
          return fail(
            controller,
            new TimeoutError(message, { provider: ctx.provider, url: ctx.url, retryable: true }),
          )
        }
        if (chunk.done) {
          if (length !== undefined && received !== length) {
            const message = `${ctx.method} ${ctx.url} ended after ${received} of ${length} bytes`
            return fail(
              controller,
              new NetworkError(message, { provider: ctx.provider, url: ctx.url, retryable: true }),
            )
          }
          controller.close()
          return
        }
        received += chunk.value.byteLength
        controller.enqueue(chunk.value)
        onProgress?.({ transferredBytes: received, totalBytes: length })
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  )
}

const STALLED: unique symbol = Symbol('stalled')

function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  ms: number,
): Promise<ReadableStreamReadResult<Uint8Array> | typeof STALLED> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const stalled = new Promise<typeof STALLED>((resolve) => {
    timer = setTimeout(resolve, ms, STALLED)
  })
  return Promise.race([reader.read(), stalled]).finally(() => clearTimeout(timer))
}
