import { abortError, NotFoundError, type OpenedResource, type Transport } from '../../src/index.ts'

/** A transport for `mem:` URLs over in-memory objects, streaming in 16 KiB chunks. */
export function memoryTransport(objects: Map<string, Uint8Array>): Transport {
  const get = (url: URL): Uint8Array => {
    const body = objects.get(url.pathname)
    if (!body) throw new NotFoundError(`${url.href} → 404`, { status: 404, url: url.href })
    return body
  }
  return {
    id: 'memory',
    schemes: ['mem:'],
    async stat(url) {
      return { size: get(url).length, acceptsRanges: true }
    },
    async open(url, options = {}): Promise<OpenedResource> {
      if (options.signal?.aborted) throw abortError(options.signal)
      const whole = get(url)
      const start = options.range?.start ?? 0
      const end = options.range?.end ?? whole.length - 1
      const part = whole.subarray(start, end + 1)
      let offset = 0
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (options.signal?.aborted) return controller.error(abortError(options.signal))
          if (offset >= part.length) return controller.close()
          const chunk = part.subarray(offset, offset + 16_384)
          offset += chunk.length
          options.onProgress?.({ transferredBytes: offset, totalBytes: part.length })
          controller.enqueue(chunk)
        },
      })
      const range = options.range ? { start, end } : undefined
      return { body, size: whole.length, length: part.length, range }
    },
  }
}
