import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { BadResponseError, type ProviderContext, redactUrl } from '@heliokit/core'
import type { z } from 'zod'
import { type CacheOutcome, type CacheSettings, ObjectCache } from './object-cache.ts'
import { PROVIDER_ID } from './provider-id.ts'

// A catalog or registry larger than this is not one.
const MAX_JSON_BYTES = 64 * 1024 * 1024

/** Reads registry, catalog and index objects through the context's transports, and the cache when set. */
export interface ObjectReader {
  /** The object's bytes as a stream; `outcome` says whether a cached copy served it. */
  open(url: string, signal?: AbortSignal): Promise<{ body: Readable; outcome?: CacheOutcome }>
  /** The object parsed as JSON and checked against `schema`; BAD_RESPONSE names the URL and the fields. */
  json<T>(url: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<{ raw: unknown; value: T }>
}

export function objectReader(ctx: ProviderContext, cache: CacheSettings | undefined): ObjectReader {
  const store = cache && new ObjectCache(cache)
  const open: ObjectReader['open'] = async (url, signal) => {
    const parsed = new URL(url)
    const transport = ctx.transportFor(parsed)
    if (store) return store.open(transport, parsed, signal)
    const opened = await transport.open(parsed, { signal })
    return { body: Readable.fromWeb(opened.body as NodeReadableStream<Uint8Array>) }
  }
  return {
    open,
    async json(location, schema, signal) {
      const { body } = await open(location, signal)
      const url = redactUrl(location)
      const chunks: Buffer[] = []
      let size = 0
      for await (const chunk of body as AsyncIterable<Buffer>) {
        size += chunk.length
        if (size > MAX_JSON_BYTES) {
          body.destroy()
          throw new BadResponseError(`${url} is larger than ${MAX_JSON_BYTES} bytes`, {
            provider: PROVIDER_ID,
            url,
          })
        }
        chunks.push(chunk)
      }
      let raw: unknown
      try {
        raw = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      } catch (cause) {
        throw new BadResponseError(`${url} is not JSON`, { provider: PROVIDER_ID, url, cause })
      }
      const checked = schema.safeParse(raw)
      if (!checked.success) {
        const issues = checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
        throw new BadResponseError(
          `${url} does not fit: ${issues.map((i) => `${i.path || 'document'} ${i.message}`).join('; ')}`,
          { provider: PROVIDER_ID, url, issues },
        )
      }
      return { raw, value: checked.data }
    },
  }
}
