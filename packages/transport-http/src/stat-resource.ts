import type { CallOptions, ResourceInfo } from '@heliokit/core'
import { isHeliokitError } from '@heliokit/core'
import { callRetries } from '@heliokit/core/transport-kit'
import { byteContext, byteDeadline, byteExchange } from './byte-exchange.ts'
import { openResource } from './open-resource.ts'
import { storedLength } from './stored-length.ts'
import type { TransportDefaults } from './transport-defaults.ts'

/**
 * HEAD: size, validators, type and range support, without reading the resource. A server that refuses
 * HEAD (405, 501, or 403 for a URL presigned for GET only) is asked for its first byte instead.
 */
export async function statResource(
  defaults: TransportDefaults,
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
      size: storedLength(headers),
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
  const status = isHeliokitError(error) ? error.status : undefined
  if (status === 405 || status === 501) return true
  // An S3 (or GCS) URL presigned for GET fails any other method with 403.
  return status === 403 && [...url.searchParams.keys()].some((k) => /^x-(amz|goog)-signature$/i.test(k))
}

async function statByFirstByte(
  defaults: TransportDefaults,
  url: URL,
  options: CallOptions,
): Promise<ResourceInfo> {
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
