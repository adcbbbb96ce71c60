import {
  BadResponseError,
  InvalidInputError,
  NetworkError,
  type OpenedResource,
  type OpenOptions,
  TimeoutError,
} from '@heliokit/core'
import {
  type ChunkSource,
  callRetries,
  meteredSource,
  SourceResource,
  webSource,
} from '@heliokit/core/transport-kit'
import { byteContext, byteDeadline, byteExchange } from './byte-exchange.ts'
import { parseContentRange } from './content-range.ts'
import type { RequestContext } from './request-context.ts'
import type { SentResponse } from './send.ts'
import { storedLength } from './stored-length.ts'
import { transferFailure } from './transfer-failure.ts'
import type { TransportDefaults } from './transport-defaults.ts'

/**
 * GET, optionally a byte range. A 206 must carry a Content-Range starting where asked; a 200 to a
 * range request is returned whole without `range`, so the caller knows to restart. The timeout covers
 * the response headers only; the body is the caller's to read (and to retry).
 */
export async function openResource(
  defaults: TransportDefaults,
  url: URL,
  options: OpenOptions = {},
): Promise<OpenedResource> {
  const range = options.range
  if (range) checkRange(range)
  const retries = callRetries(options, defaults.retry.limit)
  const ctx = byteContext('GET', url, defaults)
  const deadline = byteDeadline(defaults, ctx, options.signal)
  const rangeHeader = range ? `bytes=${range.start}-${range.end ?? ''}` : undefined
  let response: SentResponse
  try {
    response = await byteExchange(defaults, {
      method: 'GET',
      url,
      ctx,
      deadline,
      signal: options.signal,
      retries,
      rangeHeader,
      read: async (r) => r,
    })
  } finally {
    deadline.clear()
  }
  const headers = response.headers
  const source = response.chunks ?? webSource(response.body ?? new Response(new Uint8Array(0)).body!)
  // Any other 2xx (204 No Content, say) has no resource to read: saving it would leave an empty file.
  if (response.status !== 200 && response.status !== 206) {
    source.cancel()
    throw new BadResponseError(`${ctx.method} ${ctx.path} -> ${response.status}: no content to read`, {
      provider: ctx.provider,
      url: ctx.url,
      status: response.status,
    })
  }
  const contentLength = storedLength(headers)
  let served: { start: number; end: number } | undefined
  let size = contentLength
  if (response.status === 206) {
    const parsed = parseContentRange(headers.get('content-range'))
    const expectedEnd = range?.end
    if (
      !range ||
      !parsed ||
      parsed.start !== range.start ||
      (expectedEnd !== undefined && parsed.end > expectedEnd) ||
      (expectedEnd === undefined && parsed.total !== undefined && parsed.end !== parsed.total - 1)
    ) {
      source.cancel()
      const got = headers.get('content-range') ?? 'no Content-Range'
      throw new BadResponseError(
        `${ctx.method} ${ctx.path} -> 206 with ${got} for ${rangeHeader ?? 'no range'}`,
        {
          provider: ctx.provider,
          url: ctx.url,
          status: 206,
        },
      )
    }
    served = { start: parsed.start, end: parsed.end }
    size = parsed.total
  }
  const length = served ? served.end - served.start + 1 : contentLength
  return new SourceResource(trackedBody(source, ctx, length, options, defaults.timeout), {
    size,
    length,
    range: served,
    etag: headers.get('etag') ?? undefined,
    contentType: headers.get('content-type') ?? undefined,
  })
}

/**
 * The body with progress, and every way it can fail typed: a caller abort is ABORTED, a broken or short
 * transfer NETWORK and a body that stalls for `idleMs` TIMEOUT (both retryable).
 */
function trackedBody(
  source: ChunkSource,
  ctx: RequestContext,
  length: number | undefined,
  options: OpenOptions,
  idleMs: number,
): ChunkSource {
  // Built only on failure: redacting the URL is not free.
  const where = () => ({ provider: ctx.provider, url: ctx.url, retryable: true })
  return meteredSource(source, {
    length,
    signal: options.signal,
    onProgress: options.onProgress,
    idle: {
      ms: idleMs,
      error: (received) =>
        new TimeoutError(
          `${ctx.method} ${ctx.url} stalled: no data for ${idleMs} ms after ${received} bytes`,
          where(),
        ),
    },
    short: (received, expected) =>
      new NetworkError(`${ctx.method} ${ctx.url} ended after ${received} of ${expected} bytes`, where()),
    failed: (error) => transferFailure(ctx, error, options.signal, undefined),
  })
}

function checkRange(range: { start: number; end?: number }): void {
  const { start, end } = range
  if (
    !Number.isSafeInteger(start) ||
    start < 0 ||
    (end !== undefined && (!Number.isSafeInteger(end) || end < start))
  ) {
    throw new InvalidInputError(`invalid byte range ${JSON.stringify(range)}`)
  }
}
