import { ErrorCode } from '@heliokit/core'
import { sendJson } from '@heliokit/testkit'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { createHttpTransport } from '../src/index.ts'
import { failure } from './helpers/failure.ts'
import { serve } from './helpers/serve.ts'

const KEY = 'aurorax-key-0123456789'
const echo = z.object({ key: z.string().nullable(), method: z.string() })

async function echoServer() {
  return serve((req, res) =>
    sendJson(res, 200, { key: req.headers['x-aurorax-api-key'] ?? null, method: req.method }),
  )
}

describe('redirects', () => {
  test('a credential header never follows a redirect to another origin', async () => {
    const other = await echoServer()
    const origin = await serve((_req, res) => {
      res.writeHead(302, { location: `${other.url}/landing` })
      res.end()
    })
    const api = createHttpTransport().api({ baseUrl: origin.url, headers: { 'x-aurorax-api-key': KEY } })
    expect(await api.request({ path: 'start' }, echo)).toEqual({ key: null, method: 'GET' })
    expect(origin.requests[0]?.headers['x-aurorax-api-key']).toBe(KEY)
  })

  test('a same-origin redirect keeps the credential header', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/start') {
        res.writeHead(307, { location: '/landing' })
        res.end()
        return
      }
      sendJson(res, 200, { key: req.headers['x-aurorax-api-key'] ?? null, method: req.method })
    })
    const api = createHttpTransport().api({ baseUrl: server.url, headers: { 'x-aurorax-api-key': KEY } })
    expect(await api.request({ path: 'start' }, echo)).toEqual({ key: KEY, method: 'GET' })
  })

  test('303 after a POST continues as a GET without the body', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/search') {
        res.writeHead(303, { location: '/result' })
        res.end()
        return
      }
      sendJson(res, 200, { key: null, method: req.method })
    })
    const api = createHttpTransport().api({ baseUrl: server.url })
    expect(await api.request({ method: 'POST', path: 'search', json: { q: 1 } }, echo)).toEqual({
      key: null,
      method: 'GET',
    })
  })

  test('307 after a POST sends the same method and body to the next hop', async () => {
    const server = await serve(async (req, res) => {
      let body = ''
      for await (const chunk of req) body += chunk
      if (req.url === '/upload') {
        res.writeHead(307, { location: '/stored' })
        res.end()
        return
      }
      sendJson(res, 200, { key: body, method: req.method })
    })
    const api = createHttpTransport().api({ baseUrl: server.url })
    expect(await api.request({ method: 'POST', path: 'upload', json: { q: 1 } }, echo)).toEqual({
      key: '{"q":1}',
      method: 'POST',
    })
  })

  test('a redirect to another scheme is refused with BAD_RESPONSE, not retried', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(302, { location: 'file:///etc/passwd' })
      res.end()
    })
    const api = createHttpTransport({ retry: { limit: 2, baseDelayMs: 1 } }).api({ baseUrl: server.url })
    const error = await failure(api.request({ path: 'x' }, echo))
    expect(error.code).toBe(ErrorCode.BAD_RESPONSE)
    expect(error.message).toContain('redirect to file: refused')
    expect(server.requests).toHaveLength(1)
  })

  test('byte reads follow redirects to the data host', async () => {
    const data = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '5' })
      res.end('hello')
    })
    const origin = await serve((_req, res) => {
      res.writeHead(301, { location: `${data.url}/file.bin` })
      res.end()
    })
    const opened = await createHttpTransport().open(new URL(`${origin.url}/file.bin`))
    expect(await new Response(opened.body).text()).toBe('hello')
  })
})
