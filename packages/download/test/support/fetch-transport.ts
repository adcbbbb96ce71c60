// Minimal fetch-based Transport for these tests until @heliokit/transport-http lands on main.
import {
  type CallOptions,
  errorForStatus,
  NetworkError,
  type OpenedResource,
  type OpenOptions,
  type ResourceInfo,
  redactUrl,
  type Transport,
  toHeliokitError,
} from '@heliokit/core'

export function createFetchTransport(): Transport {
  const send = async (url: URL, init: RequestInit): Promise<Response> => {
    let res: Response
    try {
      res = await fetch(url, init)
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw toHeliokitError(error)
      throw new NetworkError(`${init.method} ${redactUrl(url)} failed`, { retryable: true, cause: error })
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined)
      const after = res.headers.get('retry-after')
      throw errorForStatus(res.status, `${init.method} ${redactUrl(url)} -> ${res.status}`, {
        url: redactUrl(url),
        retryAfterMs: after !== null && /^\d+$/.test(after) ? Number(after) * 1000 : undefined,
      })
    }
    return res
  }
  const num = (v: string | null): number | undefined => (v === null ? undefined : Number(v))
  return {
    id: 'test-fetch',
    schemes: ['http:', 'https:'],
    async stat(url: URL, options: CallOptions = {}): Promise<ResourceInfo> {
      const res = await send(url, { method: 'HEAD', signal: options.signal })
      return {
        size: num(res.headers.get('content-length')),
        etag: res.headers.get('etag') ?? undefined,
        contentType: res.headers.get('content-type') ?? undefined,
        acceptsRanges: res.headers.get('accept-ranges') === 'bytes',
      }
    },
    async open(url: URL, options: OpenOptions = {}): Promise<OpenedResource> {
      const headers: Record<string, string> = {}
      if (options.range) headers.range = `bytes=${options.range.start}-${options.range.end ?? ''}`
      const res = await send(url, { method: 'GET', headers, signal: options.signal })
      const length = num(res.headers.get('content-length'))
      const cr = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(res.headers.get('content-range') ?? '')
      const range = res.status === 206 && cr ? { start: Number(cr[1]), end: Number(cr[2]) } : undefined
      return {
        body: res.body ?? new ReadableStream(),
        size: range ? (cr?.[3] === '*' ? undefined : Number(cr?.[3])) : length,
        length,
        range,
        etag: res.headers.get('etag') ?? undefined,
        contentType: res.headers.get('content-type') ?? undefined,
      }
    },
  }
}
