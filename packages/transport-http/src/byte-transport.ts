import {
  BadResponseError,
  type CallOptions,
  InvalidInputError,
  NetworkError,
  type OpenedResource,
  type OpenOptions,
  type ResourceInfo,
  TimeoutError,
} from '@heliokit/core'
import {
  type ChunkSource,
  callRetries,
  meteredSource,
  SourceResource,
  webSource,
} from '@heliokit/core/transport-kit'
import type { ClientDefaults } from './api-client.ts'
import { parseContentRange, parseLength } from './content-range.ts'
import { type Deadline, startDeadline } from './deadline.ts'
import { exchange } from './exchange.ts'
import { runAuthorize } from './headers.ts'
import { RequestContext } from './request-context.ts'
import type { HeaderFields, SentResponse } from './send.ts'
import { transferFailure } from './transfer-failure.ts'

type Defaults = ClientDefaults

/**
 * HEAD: size, validators, type and range support, without reading the resource. A server that refuses
 * HEAD (405, 501, or 403 for a URL presigned for GET only) is asked for its first byte instead.
 */
export async function statResource(
  defaults: Defaults,
  url: URL,
  options: CallOptions = {},
): Promise<ResourceInfo> {
  const retries = callRetries(options, defaults.retry.limit)
  const ctx = byteContext('HEAD', url, defaults)
  const deadline = byteDeadline(defaults, ctx, options.signal)
  try {
    const headers = await byteExchange(defaults, {
      method: 'HEAD',
      url,
      ctx,
      deadline,
      signal: options.signal,
      retries,
      read: async (response) => response.headers,
    }).catch((error: unknown) => {
      if (!refusesHead(error, url)) throw error
      return undefined
    })
    if (!headers) return statByFirstByte(defaults, url, options)
    const lastModified = headers.get('last-modified')
    const date = lastModified === null ? undefined : new Date(lastModified)
    return {
      size: encoded(headers) ? undefined : parseLength(headers.get('content-length')),
      etag: headers.get('etag') ?? undefined,
      lastModified: date && !Number.isNaN(date.getTime()) ? date : undefined,
      contentType: headers.get('content-type') ?? undefined,
      acceptsRanges: /\bbytes\b/i.test(headers.get('accept-ranges') ?? ''),
    }
  } finally {
    deadline.clear()
  }
}

function refusesHead(error: unknown, url: URL): boolean {
  const status = (error as { status?: unknown } | null)?.status
  if (status === 405 || status === 501) return true
  // An S3 (or GCS) URL presigned for GET fails any other method with 403.
  return status === 403 && [...url.searchParams.keys()].some((k) => /^x-(amz|goog)-signature$/i.test(k))
}

async function statByFirstByte(defaults: Defaults, url: URL, options: CallOptions): Promise<ResourceInfo> {
  const opened = await openResource(defaults, url, {
    signal: options.signal,
    retries: options.retries,
    range: { start: 0, end: 0 },
  })
  // One byte is read (keeping the connection); a whole resource sent despite the range is not.
  if (opened.range && opened.forEachChunk) await opened.forEachChunk(() => {})
  else await opened.body.cancel().catch(() => {})
  return {
    // a 200 to the range request is the whole resource: its length is the size
    size: opened.range ? opened.size : opened.length,
    etag: opened.etag,
    contentType: opened.contentType,
    acceptsRanges: opened.range !== undefined,
  }
}

/**
 * GET, optionally a byte range. A 206 must carry a Content-Range starting where asked; a 200 to a
 * range request is returned whole without `range`, so the caller knows to restart. The timeout covers
 * the response headers only; the body is the caller's to read (and to retry).
 */
export async function openResource(
  defaults: Defaults,
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
  const contentLength = encoded(headers) ? undefined : parseLength(headers.get('content-length'))
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
  // Built only for an error: redacting the URL costs more than the rest of a small request.
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

interface ByteRequest<T> {
  readonly method: 'GET' | 'HEAD'
  readonly url: URL
  readonly ctx: RequestContext
  readonly deadline: Deadline
  readonly signal: AbortSignal | undefined
  readonly retries: number
  readonly rangeHeader?: string | undefined
  readonly read: (response: SentResponse) => Promise<T>
}

// Every field written out rather than spread: a literal has one fixed shape, where a spread builds
// the shape of each call's object at run time.
function byteExchange<T>(defaults: Defaults, request: ByteRequest<T>): Promise<T> {
  const { url, rangeHeader } = request
  return exchange({
    send: defaults.bytesSend,
    method: request.method,
    url,
    ctx: request.ctx,
    headers: async () => {
      // Sizes and ranges count stored bytes, so ask for them unencoded.
      const headers = new Headers({ 'accept-encoding': 'identity' })
      if (rangeHeader) headers.set('range', rangeHeader)
      await runAuthorize(
        defaults.authorize && (() => defaults.authorize?.(headers, url)),
        request.ctx.provider,
      )
      return headers
    },
    retries: request.retries,
    policy: defaults.retry,
    callerSignal: request.signal,
    deadline: request.deadline,
    logger: defaults.logger,
    read: request.read,
  })
}

function byteContext(method: string, url: URL, defaults: Defaults): RequestContext {
  if (!(url instanceof URL) || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InvalidInputError(
      `the HTTP transport serves http: and https: URLs, got ${String(url).split(':')[0]}:`,
    )
  }
  return new RequestContext(method, url, undefined, [...defaults.secrets])
}

function byteDeadline(defaults: Defaults, ctx: RequestContext, signal: AbortSignal | undefined): Deadline {
  const ms = defaults.timeout
  return startDeadline(
    ms,
    signal,
    () =>
      new TimeoutError(`${ctx.method} ${ctx.url} timed out after ${ms} ms`, {
        url: ctx.url,
        retryable: true,
      }),
  )
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

// A Content-Length of a compressed body says nothing about the stored bytes.
function encoded(headers: HeaderFields): boolean {
  const encoding = headers.get('content-encoding')
  return encoding !== null && encoding.toLowerCase() !== 'identity'
}
