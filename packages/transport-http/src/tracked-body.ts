import { type HeliokitError, NetworkError, type ProgressListener } from '@heliokit/core'
import { transferFailure } from './failure.ts'
import type { RequestContext } from './request-context.ts'

/**
 * `body` re-streamed: progress reported per chunk, a caller abort fails the next read with ABORTED,
 * and a broken or short transfer fails it with NETWORK (retryable), never with a foreign error.
 */
export function trackedBody(
  body: ReadableStream<Uint8Array>,
  options: {
    readonly ctx: RequestContext
    readonly length: number | undefined
    readonly signal: AbortSignal | undefined
    readonly onProgress: ProgressListener | undefined
  },
): ReadableStream<Uint8Array> {
  const { ctx, length, signal, onProgress } = options
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
        let chunk: ReadableStreamReadResult<Uint8Array>
        try {
          chunk = await reader.read()
        } catch (error) {
          return fail(controller, transferFailure(ctx, error, signal, undefined))
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
