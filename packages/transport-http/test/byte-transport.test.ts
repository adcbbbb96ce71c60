import { ErrorCode, type Progress } from '@heliokit/core'
import { readStream } from '@heliokit/core/testing'
import { deterministicBytes, failTimes, startFileServer } from '@heliokit/testkit'
import { describe, expect, it } from 'vitest'
import { createHttpTransport } from '../src/index.ts'
import { VERSION } from '../src/version.ts'
import { failure } from './helpers/failure.ts'
import { closeAfter, serve } from './helpers/serve.ts'

const content = deterministicBytes('file.h5', 200_000)
const fast = { limit: 3, baseDelayMs: 5, maxDelayMs: 1000 }

async function fileServer(faults?: Parameters<typeof failTimes>[1], times = 1) {
  const server = closeAfter(
    await startFileServer({
      files: new Map([['/data/file.h5', content]]),
      faults: faults && failTimes(times, faults),
    }),
  )
  return {
    server,
    url: new URL(`${server.url}/data/file.h5`),
    missing: new URL(`${server.url}/data/none.h5`),
  }
}

describe('stat', () => {
  it('reports size, etag, last modified, type and range support', async () => {
    const { url } = await fileServer()
    const info = await createHttpTransport().stat(url)
    expect(info).toEqual({
      size: content.length,
      etag: expect.stringMatching(/^"[0-9a-f]{16}"$/),
      lastModified: new Date(Date.UTC(2022, 0, 1)),
      contentType: 'application/octet-stream',
      acceptsRanges: true,
    })
  })

  it('sends HEAD', async () => {
    const { server, url } = await fileServer()
    await createHttpTransport().stat(url)
    expect(server.requests.map((r) => r.method)).toEqual(['HEAD'])
  })

  it('says no ranges when the server does not advertise them', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '10' })
      res.end()
    })
    expect(await createHttpTransport().stat(new URL(server.url))).toEqual({ size: 10, acceptsRanges: false })
  })

  it('maps 404 to NOT_FOUND and retries 503', async () => {
    const { server, url, missing } = await fileServer({ kind: 'status', status: 503 }, 2)
    const transport = createHttpTransport({ retry: fast })
    expect((await failure(transport.stat(missing))).code).toBe(ErrorCode.NOT_FOUND)
    expect((await transport.stat(url)).size).toBe(content.length)
    expect(server.requests.filter((r) => r.url === '/data/file.h5')).toHaveLength(3)
  })

  it('asks for the first byte when the server refuses HEAD with 405', async () => {
    const server = await serve((req, res) => {
      if (req.method === 'HEAD') {
        res.writeHead(405, { allow: 'GET' })
        res.end()
        return
      }
      res.writeHead(206, { 'content-range': 'bytes 0-0/12345', 'content-length': '1', etag: '"v1"' })
      res.end('x')
    })
    const info = await createHttpTransport().stat(new URL(`${server.url}/f.cdf`))
    expect(info).toEqual({ size: 12345, etag: '"v1"', acceptsRanges: true })
    expect(server.requests.map((r) => `${r.method} ${r.headers.range ?? ''}`)).toEqual([
      'HEAD ',
      'GET bytes=0-0',
    ])
  })

  it('takes the whole length from a 200 when a server refusing HEAD (501) also ignores ranges', async () => {
    const server = await serve((req, res) => {
      res.writeHead(req.method === 'HEAD' ? 501 : 200, { 'content-length': '42' })
      res.end(req.method === 'HEAD' ? undefined : 'a'.repeat(42))
    })
    expect(await createHttpTransport().stat(new URL(server.url))).toEqual({ size: 42, acceptsRanges: false })
  })

  it('falls back for a 403 only on a URL presigned for GET', async () => {
    const server = await serve((req, res) => {
      res.writeHead(req.method === 'HEAD' ? 403 : 206, {
        'content-range': 'bytes 0-0/7',
        'content-length': '1',
      })
      res.end(req.method === 'HEAD' ? undefined : 'x')
    })
    const presigned = new URL(`${server.url}/b/k.nc?X-Amz-Expires=60&X-Amz-Signature=abc123`)
    expect((await createHttpTransport().stat(presigned)).size).toBe(7)
    const plain = await failure(createHttpTransport().stat(new URL(`${server.url}/b/k.nc`)))
    expect(plain.status).toBe(403)
  })

  it('rejects non-http URLs before sending', async () => {
    expect((await failure(createHttpTransport().stat(new URL('s3://bucket/key')))).code).toBe(
      ErrorCode.INVALID_INPUT,
    )
  })
})

describe('open', () => {
  it('reads the whole resource byte for byte', async () => {
    const { url } = await fileServer()
    const opened = await createHttpTransport().open(url)
    expect(opened).toMatchObject({
      size: content.length,
      length: content.length,
      contentType: 'application/octet-stream',
    })
    expect(opened.range).toBeUndefined()
    expect(opened.etag).toMatch(/^"/)
    expect(await readStream(opened.body)).toEqual(content)
  })

  it('sends the user agent, the default one and a chosen one', async () => {
    const { server, url } = await fileServer()
    await readStream((await createHttpTransport().open(url)).body)
    await readStream((await createHttpTransport({ userAgent: 'my-app/2' }).open(url)).body)
    expect(server.requests.map((r) => r.headers['user-agent'])).toEqual([`heliokit/${VERSION}`, 'my-app/2'])
  })

  it('runs hooks on byte reads, which then go through ky', async () => {
    const { server, url } = await fileServer()
    const seen: number[] = []
    const transport = createHttpTransport({
      hooks: {
        beforeRequest: [(request) => request.headers.set('x-hook', 'on')],
        afterResponse: [(_request, response) => void seen.push(response.status)],
      },
    })
    expect(await readStream((await transport.open(url)).body)).toEqual(content)
    expect(server.requests.map((r) => r.headers['x-hook'])).toEqual(['on'])
    expect(seen).toEqual([200])
  })

  it('reads an inclusive byte range, verified against Content-Range', async () => {
    const { server, url } = await fileServer()
    const opened = await createHttpTransport().open(url, { range: { start: 1000, end: 40_999 } })
    expect(server.requests[0]?.headers.range).toBe('bytes=1000-40999')
    expect(opened.range).toEqual({ start: 1000, end: 40_999 })
    expect(opened.size).toBe(content.length)
    expect(opened.length).toBe(40_000)
    expect(await readStream(opened.body)).toEqual(content.subarray(1000, 41_000))
  })

  it('reads an open-ended range to the end', async () => {
    const { url } = await fileServer()
    const start = content.length - 777
    const opened = await createHttpTransport().open(url, { range: { start } })
    expect(opened.range).toEqual({ start, end: content.length - 1 })
    expect(await readStream(opened.body)).toEqual(content.subarray(start))
  })

  it('returns the whole body without a range when the server ignores Range', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(content.length) })
      res.end(content)
    })
    const opened = await createHttpTransport().open(new URL(server.url), { range: { start: 5000 } })
    expect(opened.range).toBeUndefined()
    expect(opened.size).toBe(content.length)
    expect(await readStream(opened.body)).toEqual(content)
  })

  it.each([
    ['a different start', 'bytes 0-99/1000'],
    ['a longer range', 'bytes 10-200/1000'],
    ['no Content-Range', undefined],
    ['a malformed Content-Range', 'bytes ten-twenty/1000'],
  ])('rejects a 206 with %s as BAD_RESPONSE', async (_name, contentRange) => {
    const transport = createHttpTransport({
      fetch: async () =>
        new Response(new Uint8Array(10), {
          status: 206,
          headers: contentRange ? { 'content-range': contentRange } : {},
        }),
    })
    const error = await failure(
      transport.open(new URL('https://data.example/f'), { range: { start: 10, end: 99 } }),
    )
    expect(error.code).toBe(ErrorCode.BAD_RESPONSE)
    expect(error.message).toContain('206')
  })

  it('rejects invalid ranges before sending', async () => {
    const { server, url } = await fileServer()
    for (const range of [{ start: -1 }, { start: 5, end: 4 }, { start: 1.5 }]) {
      expect((await failure(createHttpTransport().open(url, { range }))).code).toBe(ErrorCode.INVALID_INPUT)
    }
    expect(server.requests).toHaveLength(0)
  })

  it('reports progress up to the total as the body is read', async () => {
    const { url } = await fileServer()
    const events: Progress[] = []
    const opened = await createHttpTransport().open(url, { onProgress: (p) => events.push(p) })
    expect(events).toEqual([])
    await readStream(opened.body)
    expect(events.at(-1)).toEqual({ transferredBytes: content.length, totalBytes: content.length })
    expect(events.every((e, i) => i === 0 || e.transferredBytes > events[i - 1]!.transferredBytes)).toBe(true)
  })

  it('exposes the content type of an HTML page served as data without rejecting it', async () => {
    const { url } = await fileServer({ kind: 'html-200' })
    const opened = await createHttpTransport().open(url)
    expect(opened.contentType).toBe('text/html; charset=utf-8')
    expect(new TextDecoder().decode(await readStream(opened.body))).toContain('<html>')
  })

  it('retries the initial request on 503 and network errors', async () => {
    const { server, url } = await fileServer({ kind: 'status', status: 503 }, 2)
    const opened = await createHttpTransport({ retry: fast }).open(url)
    expect(await readStream(opened.body)).toEqual(content)
    expect(server.requests).toHaveLength(3)
  })

  it('retries a call only as often as its own `retries` says; a bad value sends nothing', async () => {
    const { server, url } = await fileServer({ kind: 'status', status: 503 }, 5)
    const transport = createHttpTransport({ retry: fast })
    expect((await failure(transport.open(url, { retries: 0 }))).code).toBe(ErrorCode.UNAVAILABLE)
    expect(server.requests).toHaveLength(1)
    expect((await failure(transport.stat(url, { retries: 1 }))).code).toBe(ErrorCode.UNAVAILABLE)
    expect(server.requests).toHaveLength(3)
    expect((await failure(transport.open(url, { retries: 1.5 }))).code).toBe(ErrorCode.INVALID_INPUT)
    expect(server.requests).toHaveLength(3)
  })

  it('maps 404 to NOT_FOUND with a short message', async () => {
    const { server, missing } = await fileServer()
    const error = await failure(createHttpTransport().open(missing))
    expect(error.code).toBe(ErrorCode.NOT_FOUND)
    expect(error.message).toBe('[heliokit] GET /data/none.h5 -> 404')
    expect(error.url).toBe(`${server.url}/data/none.h5`)
  })

  it('fails with TIMEOUT when no response headers arrive in time', async () => {
    const { url } = await fileServer({ kind: 'hang' })
    expect((await failure(createHttpTransport({ timeout: 150 }).open(url))).code).toBe(ErrorCode.TIMEOUT)
  })

  it('does not time out a slow body that keeps sending, however long it takes in all', async () => {
    const { url } = await fileServer({ kind: 'slow', chunkBytes: 50_000, delayMs: 100 })
    const opened = await createHttpTransport({ timeout: 150 }).open(url)
    expect(await readStream(opened.body)).toEqual(content)
  })

  it('fails a body that stalls for longer than the timeout with a retryable TIMEOUT', async () => {
    const { url } = await fileServer({ kind: 'slow', chunkBytes: 50_000, delayMs: 600 })
    const opened = await createHttpTransport({ timeout: 150 }).open(url)
    const error = await failure(readStream(opened.body))
    expect(error.code).toBe(ErrorCode.TIMEOUT)
    expect(error.retryable).toBe(true)
    expect(error.message).toMatch(/stalled: no data for 150 ms/)
  })

  it('fails a dropped connection with NETWORK when the body is read', async () => {
    const { url } = await fileServer({ kind: 'drop', afterBytes: 70_000 })
    const opened = await createHttpTransport().open(url)
    const error = await failure(readStream(opened.body))
    expect(error.code).toBe(ErrorCode.NETWORK)
    expect(error.retryable).toBe(true)
  })

  it('fails a body shorter than its Content-Length with NETWORK', async () => {
    const { url } = await fileServer({ kind: 'wrong-length', delta: 100 })
    const opened = await createHttpTransport().open(url)
    expect((await failure(readStream(opened.body))).code).toBe(ErrorCode.NETWORK)
  })

  it('fails with NETWORK when a body stream from fetch ends short without an error', async () => {
    const transport = createHttpTransport({
      fetch: async () =>
        new Response(
          new ReadableStream({
            start(c) {
              c.enqueue(new Uint8Array(10))
              c.close()
            },
          }),
          { headers: { 'content-length': '20' } },
        ),
    })
    const opened = await transport.open(new URL('https://data.example/f'))
    const error = await failure(readStream(opened.body))
    expect(error.code).toBe(ErrorCode.NETWORK)
    expect(error.message).toContain('ended after 10 of 20 bytes')
  })
})

describe('abort', () => {
  it('fails open with ABORTED without sending when already aborted', async () => {
    const { server, url } = await fileServer()
    const controller = new AbortController()
    controller.abort()
    const transport = createHttpTransport()
    expect((await failure(transport.open(url, { signal: controller.signal }))).code).toBe(ErrorCode.ABORTED)
    expect((await failure(transport.stat(url, { signal: controller.signal }))).code).toBe(ErrorCode.ABORTED)
    expect(server.requests).toHaveLength(0)
  })

  it('fails open with ABORTED when aborted while waiting for headers', async () => {
    const controller = new AbortController()
    const server = await serve(() => controller.abort())
    const error = await failure(
      createHttpTransport().open(new URL(server.url), { signal: controller.signal }),
    )
    expect(error.code).toBe(ErrorCode.ABORTED)
  })

  it('fails the read with ABORTED when aborted mid-body', async () => {
    const { url } = await fileServer({ kind: 'slow', chunkBytes: 10_000, delayMs: 20 })
    const controller = new AbortController()
    const opened = await createHttpTransport().open(url, { signal: controller.signal })
    const reader = opened.body.getReader()
    await reader.read()
    controller.abort()
    const error = await failure(
      (async () => {
        for (let r = await reader.read(); !r.done; r = await reader.read()) {
          // drain what was buffered before the abort
        }
      })(),
    )
    expect(error.code).toBe(ErrorCode.ABORTED)
  })

  it('fails the read with ABORTED even when the whole body was already buffered', async () => {
    const { url } = await fileServer()
    const controller = new AbortController()
    const opened = await createHttpTransport().open(url, { signal: controller.signal })
    controller.abort()
    expect((await failure(readStream(opened.body))).code).toBe(ErrorCode.ABORTED)
  })

  it('fails the read with ABORTED even when the fetch body ignores the signal', async () => {
    const transport = createHttpTransport({
      fetch: async () =>
        new Response(
          new ReadableStream({
            pull(c) {
              c.enqueue(new Uint8Array(100))
            },
          }),
        ),
    })
    const controller = new AbortController()
    const opened = await transport.open(new URL('https://data.example/f'), { signal: controller.signal })
    const reader = opened.body.getReader()
    await reader.read()
    controller.abort()
    expect((await failure(reader.read())).code).toBe(ErrorCode.ABORTED)
  })

  it('cancelling the body closes the connection', async () => {
    let closed!: () => void
    const connectionClosed = new Promise<void>((resolve) => {
      closed = resolve
    })
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(1000 * 10_000) })
      const timer = setInterval(() => res.write(new Uint8Array(10_000)), 10)
      res.on('close', () => {
        clearInterval(timer)
        closed()
      })
    })
    const opened = await createHttpTransport().open(new URL(server.url))
    const reader = opened.body.getReader()
    await reader.read()
    await reader.cancel()
    await connectionClosed
  })
})
