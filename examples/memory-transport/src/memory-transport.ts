import {
  AbortedError,
  abortError,
  type CallOptions,
  InternalError,
  type ListedObject,
  NotFoundError,
  type OpenedResource,
  type OpenOptions,
  type ResourceInfo,
  type Transport,
} from '@heliokit/core'
import { meteredSource, SourceResource } from '@heliokit/core/transport-kit'
import { bytesSource } from './bytes-source.ts'
import { formatMemUrl, type MemLocation, parseMemUrl } from './mem-url.ts'
import { servedRange } from './served-range.ts'

/** An object's body: bytes, or text stored as UTF-8. */
export type MemoryBody = Uint8Array | string

export interface MemoryObjectInit {
  readonly body: MemoryBody
  /** Default: `text/plain; charset=utf-8` for text, `application/octet-stream` for bytes. */
  readonly contentType?: string
  /** Default: the time it is stored. */
  readonly lastModified?: Date
}

/** A transport for `mem://bucket/key` URLs whose store can be written. */
export interface MemoryTransport extends Transport {
  /** Objects under a `mem://bucket/prefix` URL, in key order. */
  list(prefix: URL, options?: CallOptions): AsyncIterable<ListedObject>
  /** Stores a copy of `object` under `url`, replacing what was there; the new version gets a new ETag. */
  put(url: string | URL, object: MemoryBody | MemoryObjectInit): void
  /** Removes the object at `url`; whether there was one. */
  delete(url: string | URL): boolean
}

interface StoredObject {
  readonly body: Uint8Array
  readonly etag: string
  readonly contentType: string
  readonly lastModified: Date
}

const CHUNK_BYTES = 65_536

/**
 * A transport over objects held in memory, for tests and demos: `objects` maps `mem://bucket/key` URLs
 * to their bodies. Reads honour ranges, abort signals and progress; listings come in key order.
 */
export function memoryTransport(
  objects: Readonly<Record<string, MemoryBody | MemoryObjectInit>> = {},
): MemoryTransport {
  const buckets = new Map<string, Map<string, StoredObject>>()
  let version = 0

  const find = (url: URL, options: CallOptions): { object: StoredObject; shown: string } => {
    const { bucket, key } = parseMemUrl(url, { requireKey: true })
    if (options.signal?.aborted) throw abortError(options.signal)
    const object = buckets.get(bucket)?.get(key)
    const shown = formatMemUrl(bucket, key).href
    if (!object) throw new NotFoundError(`${shown}: no such object`, { url: shown })
    return { object, shown }
  }

  async function* listed(where: MemLocation, options: CallOptions): AsyncGenerator<ListedObject> {
    // Taken at the first read, in key order (UTF-16 code units): later puts and deletes do not change it.
    const entries = [...(buckets.get(where.bucket) ?? [])]
      .filter(([key]) => key.startsWith(where.key))
      .sort(([a], [b]) => (a < b ? -1 : 1))
    for (const [key, object] of entries) {
      if (options.signal?.aborted) throw abortError(options.signal)
      yield {
        url: formatMemUrl(where.bucket, key),
        key,
        size: object.body.length,
        lastModified: object.lastModified,
        etag: object.etag,
      }
    }
  }

  const transport: MemoryTransport = {
    id: 'memory',
    schemes: ['mem:'],

    async stat(url: URL, options: CallOptions = {}): Promise<ResourceInfo> {
      const { object } = find(url, options)
      return {
        size: object.body.length,
        etag: object.etag,
        lastModified: object.lastModified,
        contentType: object.contentType,
        acceptsRanges: true,
      }
    },

    async open(url: URL, options: OpenOptions = {}): Promise<OpenedResource> {
      const { object, shown } = find(url, options)
      const { signal } = options
      const range = options.range && servedRange(options.range, object.body.length)
      const part = range ? object.body.subarray(range.start, range.end + 1) : object.body
      const source = meteredSource(bytesSource(part, CHUNK_BYTES), {
        length: part.length,
        signal,
        onProgress: options.onProgress,
        short: (received, length) =>
          new InternalError(`${shown}: read ended after ${received} of ${length} bytes`, { url: shown }),
        // The only way a read of memory fails: the signal fired, or the reader cancelled the body.
        failed: (cause) =>
          signal?.aborted
            ? abortError(signal)
            : new AbortedError(`${shown}: read cancelled`, { url: shown, cause }),
      })
      return new SourceResource(source, {
        size: object.body.length,
        length: part.length,
        range,
        etag: object.etag,
        contentType: object.contentType,
      })
    },

    list(prefix: URL, options: CallOptions = {}): AsyncIterable<ListedObject> {
      // Parsed here, not on first iteration, so a bad prefix fails at the call.
      return listed(parseMemUrl(prefix), options)
    },

    put(url, init) {
      const { bucket, key } = parseMemUrl(url, { requireKey: true })
      const { body, contentType, lastModified } =
        typeof init === 'string' || init instanceof Uint8Array ? { body: init } : init
      const text = typeof body === 'string'
      const store = buckets.get(bucket) ?? new Map<string, StoredObject>()
      buckets.set(bucket, store)
      store.set(key, {
        body: text ? new TextEncoder().encode(body) : body.slice(),
        etag: `"${++version}"`,
        contentType: contentType ?? (text ? 'text/plain; charset=utf-8' : 'application/octet-stream'),
        lastModified: lastModified ?? new Date(),
      })
    },

    delete(url) {
      const { bucket, key } = parseMemUrl(url, { requireKey: true })
      return buckets.get(bucket)?.delete(key) ?? false
    },
  }
  for (const [url, object] of Object.entries(objects)) transport.put(url, object)
  return transport
}
