import { ErrorCode } from '@heliokit/core'
import { sendJson } from '@heliokit/testkit'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHttpTransport, VERSION } from '../src/index.ts'
import { failure } from './helpers/failure.ts'
import { serve } from './helpers/serve.ts'

const fast = { limit: 3, baseDelayMs: 5, maxDelayMs: 2000 }
const anything = z.unknown()
const dataset = z.object({ name: z.string(), count: z.number() })

describe('requests', () => {
  it('sends method, joined path, encoded query, JSON body and headers', async () => {
    const server = await serve(async (req, res) => {
      let body = ''
      for await (const chunk of req) body += chunk
      sendJson(res, 200, { method: req.method, url: req.url, body, type: req.headers['content-type'] })
    })
    const api = createHttpTransport().api({ baseUrl: `${server.url}/api/v1` })
    const echo = await api.request(
      {
        method: 'POST',
        path: '/datasets/search',
        query: { start: new Date(Date.UTC(2021, 0, 1)), site: ['atha', 'gill'], flag: true, skip: undefined },
        json: { name: 'THEMIS' },
        headers: { 'x-extra': 'yes' },
      },
      z.object({ method: z.string(), url: z.string(), body: z.string(), type: z.string() }),
    )
    expect(echo).toEqual({
      method: 'POST',
      url: '/api/v1/datasets/search?start=2021-01-01T00%3A00%3A00.000Z&site=atha&site=gill&flag=true',
      body: '{"name":"THEMIS"}',
      type: 'application/json',
    })
    expect(server.requests[0]?.headers['x-extra']).toBe('yes')
    expect(server.requests[0]?.headers.accept).toBe('application/json')
  })

  it('answers text (XML) with status and headers, accepting any type, with retries and typed errors', async () => {
    const server = await serve((req, res, n) => {
      if (n === 1) return void res.writeHead(503).end()
      if (req.url === '/missing') return void res.writeHead(404).end('<html>no</html>')
      res.writeHead(200, { 'content-type': 'text/xml' })
      res.end('<VOTABLE version="1.4"/>')
    })
    const api = createHttpTransport({ retry: fast }).api({ baseUrl: server.url, provider: 'vo' })
    const response = await api.text({ path: 'sia', query: { POS: '1,2' } })
    expect(response).toMatchObject({ status: 200, data: '<VOTABLE version="1.4"/>' })
    expect(response.headers.get('content-type')).toBe('text/xml')
    expect(server.requests.map((r) => [r.url, r.headers.accept])).toEqual([
      ['/sia?POS=1%2C2', '*/*'],
      ['/sia?POS=1%2C2', '*/*'],
    ])
    const error = await failure(api.text({ path: 'missing' }))
    expect([error.code, error.provider]).toEqual([ErrorCode.NOT_FOUND, 'vo'])
  })

  it('decodes a body as fetch does (BOM dropped, bad bytes replaced), and a hook still reads it', async () => {
    const bodies = [
      Buffer.from('\uFEFF{"name":"é","count":1}'),
      Buffer.concat([Buffer.from('<a>'), Buffer.from([0xff, 0xc3]), Buffer.from('</a>')]),
    ]
    const server = await serve((req, res) => {
      res.end(bodies[req.url === '/bad' ? 1 : 0])
    })
    const seen: string[] = []
    const transport = createHttpTransport({
      hooks: { afterResponse: [async (_req, res) => void seen.push(await res.clone().text())] },
    })
    const api = transport.api({ baseUrl: server.url })
    expect(await api.request({ path: 'json' }, dataset)).toEqual({ name: 'é', count: 1 })
    const text = await api.text({ path: 'bad' })
    expect(text.data).toBe(await new Response(bodies[1]).text())
    expect(text.data).toBe('<a>\uFFFD\uFFFD</a>')
    expect(seen).toEqual([await new Response(bodies[0]).text(), text.data])
  })

  it('sends a form body encoded like a query, and refuses a form with JSON or on GET', async () => {
    const server = await serve(async (req, res) => {
      let body = ''
      for await (const chunk of req) body += chunk
      sendJson(res, 200, { body, type: req.headers['content-type'] })
    })
    const api = createHttpTransport().api({ baseUrl: server.url })
    const echo = await api.request(
      { method: 'POST', path: 'links', form: { ID: ['ivo://a?1', 'ivo://a?2'], RESPONSEFORMAT: undefined } },
      z.object({ body: z.string(), type: z.string() }),
    )
    expect(echo).toEqual({
      body: 'ID=ivo%3A%2F%2Fa%3F1&ID=ivo%3A%2F%2Fa%3F2',
      type: 'application/x-www-form-urlencoded',
    })
    const both = await failure(api.text({ method: 'POST', path: 'x', form: { a: 1 }, json: {} }))
    const onGet = await failure(api.text({ path: 'x', form: { a: 1 } }))
    expect([both.code, onGet.code]).toEqual([ErrorCode.INVALID_INPUT, ErrorCode.INVALID_INPUT])
    expect(server.requests).toHaveLength(1)
  })

  it('returns status and headers from send', async () => {
    const server = await serve((_req, res) => sendJson(res, 201, { name: 'a', count: 1 }, { 'x-total': '7' }))
    const api = createHttpTransport().api({ baseUrl: server.url })
    const response = await api.send({ method: 'PUT', path: 'x' }, dataset)
    expect(response.status).toBe(201)
    expect(response.headers.get('x-total')).toBe('7')
    expect(response.data).toEqual({ name: 'a', count: 1 })
  })

  it('sends heliokit/<version> as user agent, or the configured one', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}))
    await createHttpTransport().api({ baseUrl: server.url }).request({ path: 'a' }, anything)
    await createHttpTransport({ userAgent: 'my-app/2' })
      .api({ baseUrl: server.url })
      .request({ path: 'b' }, anything)
    expect(server.requests.map((r) => r.headers['user-agent'])).toEqual([`heliokit/${VERSION}`, 'my-app/2'])
  })

  it('keeps headers per client: one client never sends another client headers', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}))
    const transport = createHttpTransport()
    const shared = { 'x-shared': 'base' }
    const a = transport.api({
      baseUrl: server.url,
      headers: shared,
      authorize: (h) => {
        h.set('authorization', 'Bearer A')
      },
    })
    const b = transport.api({ baseUrl: server.url, headers: { 'x-b': 'b' } })
    await a.request({ path: 'a', headers: { 'x-call': 'once' } }, anything)
    await b.request({ path: 'b' }, anything)
    await a.request({ path: 'a2' }, anything)
    const [ra, rb, ra2] = server.requests
    expect(ra?.headers).toMatchObject({ 'x-shared': 'base', authorization: 'Bearer A', 'x-call': 'once' })
    expect(rb?.headers['x-b']).toBe('b')
    expect(rb?.headers['x-shared']).toBeUndefined()
    expect(rb?.headers.authorization).toBeUndefined()
    expect(ra2?.headers['x-call']).toBeUndefined()
    expect(ra2?.headers['x-b']).toBeUndefined()
    expect(shared).toEqual({ 'x-shared': 'base' })
  })

  it('calls authorize before every attempt', async () => {
    const server = await serve((_req, res, n) => (n < 3 ? sendJson(res, 503, {}) : sendJson(res, 200, {})))
    let token = 0
    const api = createHttpTransport({ retry: fast }).api({
      baseUrl: server.url,
      authorize: async (h) => {
        token += 1
        h.set('authorization', `Bearer ${token}`)
      },
    })
    await api.request({ path: 'x' }, anything)
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer 1', 'Bearer 2', 'Bearer 3'])
  })

  it('rejects bad input before sending anything', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}))
    const api = createHttpTransport().api({ baseUrl: server.url })
    const bad = [
      api.request({ path: 'https://evil.example/x' }, anything),
      api.request({ path: '../admin' }, anything),
      api.request({ path: 'x', query: { t: new Date('x') } }, anything),
      api.request({ path: 'x', json: { n: 1n } }, anything),
      api.request({ path: 'x', method: 'GET', json: {} }, anything),
      api.request({ path: 'x', headers: { 'bad header': 'v' } }, anything),
      api.request({ path: 'x', timeout: -1 }, anything),
    ]
    for (const p of bad) expect((await failure(p)).code).toBe(ErrorCode.INVALID_INPUT)
    expect(server.requests).toHaveLength(0)
  })
})

describe('retries', () => {
  it('retries 503 with backoff, then succeeds', async () => {
    const server = await serve((_req, res, n) =>
      n <= 2 ? sendJson(res, 503, { detail: 'busy' }) : sendJson(res, 200, { name: 'ok', count: 3 }),
    )
    const api = createHttpTransport({ retry: fast }).api({ baseUrl: server.url })
    expect(await api.request({ path: 'x' }, dataset)).toEqual({ name: 'ok', count: 3 })
    expect(server.requests).toHaveLength(3)
  })

  it.each([408, 429, 500, 502, 504])('retries %i', async (status) => {
    const server = await serve((_req, res, n) =>
      n === 1 ? sendJson(res, status, {}) : sendJson(res, 200, {}),
    )
    await createHttpTransport({ retry: fast }).api({ baseUrl: server.url }).request({ path: 'x' }, anything)
    expect(server.requests).toHaveLength(2)
  })

  it('does not retry 400, 401, 404', async () => {
    for (const status of [400, 401, 404]) {
      const server = await serve((_req, res) => sendJson(res, status, {}))
      await failure(
        createHttpTransport({ retry: fast }).api({ baseUrl: server.url }).request({ path: 'x' }, anything),
      )
      expect(server.requests).toHaveLength(1)
    }
  })

  it('gives up after the limit with the last status error', async () => {
    const server = await serve((_req, res) => sendJson(res, 502, { message: 'bad gateway' }))
    const error = await failure(
      createHttpTransport({ retry: { ...fast, limit: 2 } })
        .api({ baseUrl: server.url })
        .request({ path: 'x' }, anything),
    )
    expect(error.status).toBe(502)
    expect(error.retryable).toBe(true)
    expect(server.requests).toHaveLength(3)
  })

  it('does not retry POST by default, but does when idempotent', async () => {
    const server = await serve((req, res) => {
      const n = server.requests.filter((r) => r.url === req.url).length
      return n === 1 ? sendJson(res, 503, {}) : sendJson(res, 200, {})
    })
    const api = createHttpTransport({ retry: fast }).api({ baseUrl: server.url })
    expect((await failure(api.request({ method: 'POST', path: 'once', json: {} }, anything))).status).toBe(
      503,
    )
    await api.request({ method: 'POST', path: 'safe', json: {}, idempotent: true }, anything)
    expect(server.requests.map((r) => r.url)).toEqual(['/once', '/safe', '/safe'])
  })

  it('does not retry PATCH by default, but does when idempotent', async () => {
    const server = await serve((req, res) => {
      const n = server.requests.filter((r) => r.url === req.url).length
      return n === 1 ? sendJson(res, 502, {}) : sendJson(res, 200, {})
    })
    const api = createHttpTransport({ retry: fast }).api({ baseUrl: server.url })
    expect((await failure(api.request({ method: 'PATCH', path: 'once', json: {} }, anything))).status).toBe(
      502,
    )
    await api.request({ method: 'PATCH', path: 'safe', json: {}, idempotent: true }, anything)
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'PATCH /once',
      'PATCH /safe',
      'PATCH /safe',
    ])
  })

  it('retries a response whose body is cut off half-way', async () => {
    const server = await serve((_req, res, n) => {
      if (n > 1) return sendJson(res, 200, { name: 'whole', count: 1 })
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' })
      res.write('{"name":')
      setTimeout(() => res.socket?.destroy(), 20)
    })
    const api = createHttpTransport({ retry: fast }).api({ baseUrl: server.url })
    expect(await api.request({ path: 'x' }, dataset)).toEqual({ name: 'whole', count: 1 })
    expect(server.requests).toHaveLength(2)
  })

  it('fails with NETWORK after the limit when every body is cut off', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' })
      res.write('{"name":')
      setTimeout(() => res.socket?.destroy(), 20)
    })
    const api = createHttpTransport({ retry: { ...fast, limit: 1 } }).api({ baseUrl: server.url })
    const error = await failure(api.request({ path: 'x' }, dataset))
    expect(error.code).toBe(ErrorCode.NETWORK)
    expect(server.requests).toHaveLength(2)
  })

  it('honours a per-call retry of 0', async () => {
    const server = await serve((_req, res) => sendJson(res, 503, {}))
    await failure(
      createHttpTransport({ retry: fast })
        .api({ baseUrl: server.url })
        .request({ path: 'x', retry: 0 }, anything),
    )
    expect(server.requests).toHaveLength(1)
  })

  it('retries network errors for idempotent requests', async () => {
    const server = await serve((req, res, n) => {
      if (n === 1) req.socket.destroy()
      else sendJson(res, 200, { name: 'n', count: 1 })
    })
    const api = createHttpTransport({ retry: fast }).api({ baseUrl: server.url })
    expect(await api.request({ path: 'x' }, dataset)).toEqual({ name: 'n', count: 1 })
    expect(server.requests).toHaveLength(2)
  })

  it('waits at least the Retry-After seconds before the next attempt', async () => {
    const server = await serve((_req, res, n) =>
      n === 1 ? sendJson(res, 429, { detail: 'slow down' }, { 'retry-after': '1' }) : sendJson(res, 200, {}),
    )
    await createHttpTransport({ retry: fast }).api({ baseUrl: server.url }).request({ path: 'x' }, anything)
    expect(server.times).toHaveLength(2)
    expect(server.times[1]! - server.times[0]!).toBeGreaterThanOrEqual(1000)
  })

  it('waits for a 429 rate limit to reset when there is no Retry-After', async () => {
    const server = await serve((_req, res, n) =>
      n === 1
        ? sendJson(res, 429, {}, { 'x-ratelimit-remaining': '0', 'ratelimit-reset': '1' })
        : sendJson(res, 200, {}),
    )
    await createHttpTransport({ retry: fast }).api({ baseUrl: server.url }).request({ path: 'x' }, anything)
    expect(server.times).toHaveLength(2)
    expect(server.times[1]! - server.times[0]!).toBeGreaterThanOrEqual(1000)
  })

  it('waits for the reset of a structured RateLimit header on a 429', async () => {
    const server = await serve((_req, res, n) =>
      n === 1
        ? sendJson(res, 429, {}, { ratelimit: 'limit=100, remaining=0, reset=1' })
        : sendJson(res, 200, {}),
    )
    await createHttpTransport({ retry: fast }).api({ baseUrl: server.url }).request({ path: 'x' }, anything)
    expect(server.times).toHaveLength(2)
    expect(server.times[1]! - server.times[0]!).toBeGreaterThanOrEqual(1000)
  })

  it('caps Retry-After by maxDelayMs', async () => {
    const server = await serve((_req, res, n) =>
      n === 1 ? sendJson(res, 503, {}, { 'retry-after': '3600' }) : sendJson(res, 200, {}),
    )
    const api = createHttpTransport({ retry: { limit: 1, maxDelayMs: 20 } }).api({ baseUrl: server.url })
    await api.request({ path: 'x' }, anything)
    expect(server.requests).toHaveLength(2)
  })

  it('reports retryAfterMs when it gives up on a 429', async () => {
    const server = await serve((_req, res) => sendJson(res, 429, {}, { 'retry-after': '7' }))
    const error = await failure(
      createHttpTransport().api({ baseUrl: server.url }).request({ path: 'x', retry: 0 }, anything),
    )
    expect(error.code).toBe(ErrorCode.RATE_LIMITED)
    expect(error.retryAfterMs).toBe(7000)
  })
})

describe('timeouts and aborts', () => {
  it('fails with TIMEOUT when the server does not answer in time', async () => {
    const server = await serve(() => {})
    const api = createHttpTransport().api({ baseUrl: server.url, timeout: 150 })
    const error = await failure(api.request({ path: 'slow' }, anything))
    expect(error.code).toBe(ErrorCode.TIMEOUT)
    expect(error.message).toContain('GET /slow timed out')
  })

  it('uses the per-call timeout over the client default', async () => {
    const server = await serve(() => {})
    const api = createHttpTransport().api({ baseUrl: server.url, timeout: 60_000 })
    expect((await failure(api.request({ path: 'slow', timeout: 100 }, anything))).code).toBe(
      ErrorCode.TIMEOUT,
    )
  })

  it('fails with ABORTED without sending when the signal was already aborted', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}))
    const controller = new AbortController()
    controller.abort()
    const api = createHttpTransport().api({ baseUrl: server.url })
    expect((await failure(api.request({ path: 'x', signal: controller.signal }, anything))).code).toBe(
      ErrorCode.ABORTED,
    )
    expect(server.requests).toHaveLength(0)
  })

  it('fails with ABORTED when aborted while waiting for the answer', async () => {
    const controller = new AbortController()
    const server = await serve(() => controller.abort())
    const api = createHttpTransport().api({ baseUrl: server.url })
    const error = await failure(api.request({ path: 'x', signal: controller.signal }, anything))
    expect(error.code).toBe(ErrorCode.ABORTED)
    expect(server.requests).toHaveLength(1)
  })

  it('fails with ABORTED when aborted during a retry wait', async () => {
    const controller = new AbortController()
    const server = await serve((_req, res) => {
      sendJson(res, 503, {}, { 'retry-after': '30' })
      setTimeout(() => controller.abort(), 50)
    })
    const api = createHttpTransport({ retry: { limit: 1, maxDelayMs: 60_000 } }).api({
      baseUrl: server.url,
      timeout: 120_000,
    })
    expect((await failure(api.request({ path: 'x', signal: controller.signal }, anything))).code).toBe(
      ErrorCode.ABORTED,
    )
    expect(server.requests).toHaveLength(1)
  })

  it('fails at once with the status error when Retry-After outlasts the timeout', async () => {
    const server = await serve((_req, res) => sendJson(res, 503, {}, { 'retry-after': '30' }))
    const api = createHttpTransport({ retry: { limit: 1, maxDelayMs: 60_000 } }).api({
      baseUrl: server.url,
      timeout: 5000,
    })
    const error = await failure(api.request({ path: 'x' }, anything))
    expect(error.code).toBe(ErrorCode.UNAVAILABLE)
    expect(error.retryAfterMs).toBe(30_000)
    expect(server.requests).toHaveLength(1)
  })
})

describe('error responses', () => {
  it('turns an nginx HTML 401 page into a clean AuthError', async () => {
    const html =
      '<html><head><title>401 Authorization Required</title></head><body><center><h1>401</h1></center><hr><center>nginx</center></body></html>'
    const server = await serve((_req, res) => {
      res.writeHead(401, { 'content-type': 'text/html' })
      res.end(html)
    })
    const api = createHttpTransport().api({ baseUrl: `${server.url}/api/v1`, provider: 'aurorax' })
    const error = await failure(api.request({ path: 'datasets' }, anything))
    expect(error.code).toBe(ErrorCode.AUTH)
    expect(error.message).toBe('[heliokit] [aurorax] GET /api/v1/datasets -> 401')
    expect(error.provider).toBe('aurorax')
    expect(error.status).toBe(401)
  })

  it('turns a plain-text 502 into an HTTP error without its text', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/plain' })
      res.end('upstream exploded')
    })
    const error = await failure(
      createHttpTransport().api({ baseUrl: server.url }).request({ path: 'x', retry: 0 }, anything),
    )
    expect(error.code).toBe(ErrorCode.HTTP)
    expect(error.message).toBe('[heliokit] GET /x -> 502')
  })

  it("surfaces UCalgary's JSON detail", async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 400, { detail: 'Start time is after the end time' }),
    )
    const error = await failure(
      createHttpTransport()
        .api({ baseUrl: server.url, provider: 'ucalgary' })
        .request({ path: 'api/v1/urls' }, anything),
    )
    expect(error.code).toBe(ErrorCode.INVALID_INPUT)
    expect(error.message).toBe(
      '[heliokit] [ucalgary] GET /api/v1/urls -> 400: Start time is after the end time',
    )
  })

  it("surfaces AuroraX's error_message and FastAPI validation messages", async () => {
    const server = await serve((req, res) =>
      req.url === '/a'
        ? sendJson(res, 404, { error_code: 'NOT_FOUND', error_message: 'Data source not found' })
        : req.url === '/c'
          ? sendJson(res, 400, [{ message: 'record 0: epoch must be minute resolution' }])
          : sendJson(res, 422, { detail: [{ loc: ['query', 'start'], msg: 'field required' }] }),
    )
    const api = createHttpTransport().api({ baseUrl: server.url })
    const notFound = await failure(api.request({ path: 'a' }, anything))
    expect(notFound.code).toBe(ErrorCode.NOT_FOUND)
    expect(notFound.message).toBe('[heliokit] GET /a -> 404: Data source not found')
    expect((await failure(api.request({ path: 'b' }, anything))).message).toBe(
      '[heliokit] GET /b -> 422: field required',
    )
    expect((await failure(api.request({ path: 'c' }, anything))).message).toBe(
      '[heliokit] GET /c -> 400: record 0: epoch must be minute resolution',
    )
  })

  it('names the URL and the field when a response does not fit the schema', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 200, [
        { name: 'a', count: 1 },
        { name: 'b', count: 'many' },
      ]),
    )
    const api = createHttpTransport().api({ baseUrl: `${server.url}/api`, provider: 'p' })
    const error = await failure(
      api.request({ path: 'list', query: { api_key: 'k-123456' } }, z.array(dataset)),
    )
    expect(error.code).toBe(ErrorCode.BAD_RESPONSE)
    expect(error.issues.map((i) => i.path)).toEqual(['1.count'])
    expect(error.message).toContain(`${server.url}/api/list?api_key=***`)
    expect(error.message).toContain('1.count')
  })

  it('rejects a 200 HTML page where JSON was expected as BAD_RESPONSE', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end('<html>login</html>')
    })
    const error = await failure(
      createHttpTransport().api({ baseUrl: server.url }).request({ path: 'x' }, anything),
    )
    expect(error.code).toBe(ErrorCode.BAD_RESPONSE)
    expect(error.message).toBe('[heliokit] GET /x -> 200: expected JSON, got text/html')
  })

  it('gives an empty body to the schema as undefined', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(204)
      res.end()
    })
    const api = createHttpTransport().api({ baseUrl: server.url })
    expect(await api.request({ method: 'DELETE', path: 'x' }, z.undefined())).toBeUndefined()
  })

  it('maps a refused connection to NETWORK', async () => {
    const server = await serve(() => {})
    await server.close()
    const error = await failure(
      createHttpTransport({ retry: { limit: 0 } })
        .api({ baseUrl: server.url })
        .request({ path: 'x' }, anything),
    )
    expect(error.code).toBe(ErrorCode.NETWORK)
    expect(error.retryable).toBe(true)
  })
})

describe('injected fetch', () => {
  it('sends through the injected fetch', async () => {
    const seen: string[] = []
    const transport = createHttpTransport({
      fetch: async (input) => {
        seen.push((input as Request).url)
        return new Response(JSON.stringify({ name: 'f', count: 2 }), {
          headers: { 'content-type': 'application/json' },
        })
      },
    })
    expect(
      await transport.api({ baseUrl: 'https://api.example/v1/' }).request({ path: '/d' }, dataset),
    ).toEqual({ name: 'f', count: 2 })
    expect(seen).toEqual(['https://api.example/v1/d'])
  })

  it('runs the hooks on every attempt of a retried call', async () => {
    const server = await serve((_req, res, n) => (n === 1 ? sendJson(res, 503, {}) : sendJson(res, 200, {})))
    const log: string[] = []
    const transport = createHttpTransport({
      retry: fast,
      hooks: {
        beforeRequest: [(r) => void log.push(`send ${r.headers.get('authorization')}`)],
        afterResponse: [(_req, res) => void log.push(`got ${res.status}`)],
      },
    })
    const api = transport.api({ baseUrl: server.url, authorize: (h) => h.set('authorization', 'Bearer t') })
    await api.request({ path: 'x' }, anything)
    expect(log).toEqual(['send Bearer t', 'got 503', 'send Bearer t', 'got 200'])
    expect(server.requests).toHaveLength(2)
  })

  it('runs hooks around each attempt', async () => {
    const log: string[] = []
    const transport = createHttpTransport({
      fetch: async (input) =>
        new Response('{}', { headers: { 'x-seen': (input as Request).headers.get('x-hook') ?? '' } }),
      hooks: {
        beforeRequest: [(r) => r.headers.set('x-hook', 'on')],
        afterResponse: [(_req, res) => void log.push(`${res.status} ${res.headers.get('x-seen')}`)],
      },
    })
    await transport.api({ baseUrl: 'https://api.example' }).request({ path: 'x' }, anything)
    expect(log).toEqual(['200 on'])
  })
})
