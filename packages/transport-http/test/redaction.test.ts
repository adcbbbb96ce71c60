import { inspect } from 'node:util'
import { ErrorCode } from '@heliokit/core'
import { sendJson } from '@heliokit/testkit'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHttpTransport } from '../src/index.ts'
import { errorTexts } from './helpers/error-texts.ts'
import { failure } from './helpers/failure.ts'
import { serve } from './helpers/serve.ts'

const KEY = 'sk-live-0123456789abcdef'
const anything = z.unknown()

function expectClean(error: unknown): void {
  const texts = errorTexts(error)
  expect(texts).not.toContain(KEY)
  expect(texts).not.toContain(encodeURIComponent(KEY))
  expect(JSON.stringify(error)).not.toContain(KEY)
  expect((error as Error).message).not.toContain(KEY)
  expect(String((error as Error).cause)).not.toContain(KEY)
  expect(inspect(error, { depth: 10 })).not.toContain(KEY)
}

/** An AuroraX-like client sending the key as header and query; `listed` also names it as a secret. */
function client(baseUrl: string, listed: boolean, timeout = 30_000) {
  return createHttpTransport({ retry: { limit: 0 } }).api({
    baseUrl,
    provider: 'aurorax',
    timeout,
    headers: { 'x-aurorax-api-key': KEY },
    secrets: listed ? [KEY] : [],
  })
}

const request = { path: 'api/v1/data_sources', query: { api_key: KEY } }

describe('no secret in any error', () => {
  for (const listed of [true, false]) {
    const how = listed ? 'listed as a secret' : 'only in a secret header'
    it(`status error whose JSON detail echoes the key (${how})`, async () => {
      const server = await serve((req, res) =>
        sendJson(res, 401, { detail: `API key ${req.headers['x-aurorax-api-key']} is not valid` }),
      )
      const error = await failure(client(server.url, listed).request(request, anything))
      expect(error.code).toBe(ErrorCode.AUTH)
      expect(error.message).toContain('API key *** is not valid')
      expect(error.url).toBe(`${server.url}/api/v1/data_sources?api_key=***`)
      expectClean(error)
    })

    it(`network error (${how})`, async () => {
      const server = await serve(() => {})
      await server.close()
      const error = await failure(client(server.url, listed).request(request, anything))
      expect(error.code).toBe(ErrorCode.NETWORK)
      expect(error.cause).toBeInstanceOf(Error)
      expect(String(error.cause)).toContain('ECONNREFUSED')
      expectClean(error)
    })

    it(`timeout (${how})`, async () => {
      const server = await serve(() => {})
      const error = await failure(client(server.url, listed, 100).request(request, anything))
      expect(error.code).toBe(ErrorCode.TIMEOUT)
      expectClean(error)
    })

    it(`abort (${how})`, async () => {
      const controller = new AbortController()
      const server = await serve(() => controller.abort(new Error(`stopped`)))
      const error = await failure(
        client(server.url, listed).request({ ...request, signal: controller.signal }, anything),
      )
      expect(error.code).toBe(ErrorCode.ABORTED)
      expectClean(error)
    })

    it(`bad response (${how})`, async () => {
      const server = await serve((_req, res) => sendJson(res, 200, { key: 1 }))
      const error = await failure(client(server.url, listed).request(request, z.object({ key: z.string() })))
      expect(error.code).toBe(ErrorCode.BAD_RESPONSE)
      expectClean(error)
    })

    it(`dropped connection (${how})`, async () => {
      const server = await serve((req) => {
        req.socket.destroy()
      })
      const error = await failure(client(server.url, listed).request(request, anything))
      expect(error.code).toBe(ErrorCode.NETWORK)
      expectClean(error)
    })
  }

  it('byte transport errors mask keys in the query and transport secrets', async () => {
    const server = await serve((req, res) =>
      sendJson(res, 403, { message: `signature for ${req.url} expired` }),
    )
    const transport = createHttpTransport({ retry: { limit: 0 }, secrets: [KEY] })
    const url = new URL(`${server.url}/data/file.h5?X-Amz-Signature=${KEY}&token=${KEY}`)
    for (const error of [await failure(transport.stat(url)), await failure(transport.open(url))]) {
      expect(error.code).toBe(ErrorCode.AUTH)
      expectClean(error)
    }
  })

  it('the secret reaches the server (the test would prove nothing otherwise)', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}))
    await client(server.url, true).request(request, anything)
    expect(server.requests[0]?.headers['x-aurorax-api-key']).toBe(KEY)
    expect(server.requests[0]?.url).toContain(`api_key=${KEY}`)
  })
})

describe('logging', () => {
  it('logs retries with the redacted URL and no secret', async () => {
    const lines: string[] = []
    const log = (message: string, fields?: Readonly<Record<string, unknown>>): void => {
      lines.push(`${message} ${JSON.stringify(fields)}`)
    }
    const server = await serve((_req, res, n) => (n === 1 ? sendJson(res, 503, {}) : sendJson(res, 200, {})))
    const api = createHttpTransport({ retry: { limit: 1, baseDelayMs: 1 } }).api({
      baseUrl: server.url,
      headers: { 'x-aurorax-api-key': KEY },
      logger: { debug: log, info: log, warn: log, error: log },
    })
    await api.request(request, anything)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('retrying HTTP request')
    expect(lines[0]).toContain('api_key=***')
    expect(lines.join('\n')).not.toContain(KEY)
  })
})
