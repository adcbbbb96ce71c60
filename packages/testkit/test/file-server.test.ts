import { afterEach, describe, expect, test } from 'vitest'
import {
  deterministicBytes,
  failTimes,
  onlyFor,
  randomFaults,
  sha256Hex,
  startFileServer,
  startHttpServer,
  type TestHttpServer,
} from '../src/index.ts'

const body = deterministicBytes('a', 10_000)
let server: TestHttpServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function serve(options: Partial<Parameters<typeof startFileServer>[0]> = {}): Promise<TestHttpServer> {
  server = await startFileServer({ files: new Map([['/a.bin', body]]), ...options })
  return server
}

async function bytes(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer())
}

describe('deterministic bytes', () => {
  test('depend only on name and size', () => {
    expect(sha256Hex(deterministicBytes('x', 1000))).toBe(sha256Hex(deterministicBytes('x', 1000)))
    expect(sha256Hex(deterministicBytes('x', 1000))).not.toBe(sha256Hex(deterministicBytes('y', 1000)))
    expect(deterministicBytes('x', 1000).subarray(0, 500)).toEqual(deterministicBytes('x', 500))
  })
})

describe('file server', () => {
  test('serves whole files with length, etag and range support, 404 otherwise', async () => {
    const { url } = await serve()
    const res = await fetch(`${url}/a.bin`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-length')).toBe('10000')
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    expect(await bytes(res)).toEqual(body)
    expect((await fetch(`${url}/missing.bin`)).status).toBe(404)
    const head = await fetch(`${url}/a.bin`, { method: 'HEAD' })
    expect(head.headers.get('etag')).toMatch(/^"[0-9a-f]{16}"$/)
  })

  test('answers ranges with 206 and Content-Range, and 416 past the end', async () => {
    const { url } = await serve()
    const part = await fetch(`${url}/a.bin`, { headers: { range: 'bytes=100-199' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe('bytes 100-199/10000')
    expect(await bytes(part)).toEqual(body.subarray(100, 200))
    const tail = await fetch(`${url}/a.bin`, { headers: { range: 'bytes=9990-' } })
    expect(await bytes(tail)).toEqual(body.subarray(9990))
    const suffix = await fetch(`${url}/a.bin`, { headers: { range: 'bytes=-10' } })
    expect(await bytes(suffix)).toEqual(body.subarray(9990))
    expect((await fetch(`${url}/a.bin`, { headers: { range: 'bytes=20000-' } })).status).toBe(416)
    const stale = await fetch(`${url}/a.bin`, { headers: { range: 'bytes=100-199', 'if-range': '"other"' } })
    expect(stale.status).toBe(200)
  })

  test('failTimes fails each path N times, then serves it', async () => {
    const { url } = await serve({ faults: failTimes(2, { kind: 'status', status: 503, retryAfter: '1' }) })
    const first = await fetch(`${url}/a.bin`)
    expect(first.status).toBe(503)
    expect(first.headers.get('retry-after')).toBe('1')
    expect((await fetch(`${url}/a.bin`)).status).toBe(503)
    expect((await fetch(`${url}/a.bin`)).status).toBe(200)
  })

  test('drop cuts the connection mid-body', async () => {
    const { url } = await serve({ faults: failTimes(1, { kind: 'drop', afterBytes: 1000 }) })
    const res = await fetch(`${url}/a.bin`)
    await expect(res.arrayBuffer()).rejects.toThrow()
  })

  test('wrong-length declares more bytes than it sends', async () => {
    const { url } = await serve({ faults: failTimes(1, { kind: 'wrong-length', delta: 100 }) })
    const res = await fetch(`${url}/a.bin`)
    expect(res.headers.get('content-length')).toBe('10100')
    await expect(res.arrayBuffer()).rejects.toThrow()
  })

  test('html-200 answers an error page with status 200', async () => {
    const { url } = await serve({ faults: failTimes(1, { kind: 'html-200' }) })
    const res = await fetch(`${url}/a.bin`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(await res.text()).toMatch(/<html>/)
  })

  test('slow sends the whole body in pieces', async () => {
    const { url } = await serve({ faults: failTimes(1, { kind: 'slow', chunkBytes: 2500, delayMs: 5 }) })
    expect(await bytes(await fetch(`${url}/a.bin`))).toEqual(body)
  })

  test('hang never answers until the client gives up', async () => {
    const { url } = await serve({ faults: failTimes(1, { kind: 'hang' }) })
    await expect(fetch(`${url}/a.bin`, { signal: AbortSignal.timeout(200) })).rejects.toThrow()
  })

  test('randomFaults repeats for a seed and onlyFor limits by path', async () => {
    const plan = () => randomFaults({ rate: 0.5, faults: [{ kind: 'status', status: 500 }], seed: 7 })
    const statuses = async (): Promise<number[]> => {
      const { url } = await serve({ faults: plan() })
      const out: number[] = []
      for (let i = 0; i < 20; i++) out.push((await fetch(`${url}/a.bin`)).status)
      await server!.close()
      server = undefined
      return out
    }
    const first = await statuses()
    expect(first).toContain(500)
    expect(first).toContain(200)
    expect(await statuses()).toEqual(first)
    const { url } = await serve({
      faults: onlyFor((p) => p === '/other', failTimes(5, { kind: 'status', status: 500 })),
    })
    expect((await fetch(`${url}/a.bin`)).status).toBe(200)
  })
})

describe('http server', () => {
  test('records requests and turns handler failures into 500s', async () => {
    server = await startHttpServer(() => {
      throw new Error('boom')
    })
    const res = await fetch(`${server.url}/x?y=1`, { headers: { 'x-test': 'yes' } })
    expect(res.status).toBe(500)
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/x?y=1', headers: { 'x-test': 'yes' } })
  })
})
