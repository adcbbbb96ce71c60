import { ErrorCode } from '@heliokit/core'
import { readStream } from '@heliokit/core/testing'
import { describe, expect, it } from 'vitest'
import { createHttpTransport } from '../src/index.ts'
import { failure } from './helpers/failure.ts'
import { ok, rawServer } from './helpers/raw-server.ts'
import { serve } from './helpers/serve.ts'

// Failing "at once" means long before this call timeout, which the old client waited out.
const TIMEOUT = 60_000

describe('malformed responses fail at once, not at the timeout', () => {
  it('a response with bare LF line endings is BAD_RESPONSE, not retried', async () => {
    const server = await rawServer((_head, socket) =>
      socket.write('HTTP/1.1 200 OK\nContent-Length: 5\n\nhello'),
    )
    const transport = createHttpTransport({ timeout: TIMEOUT })
    const error = await failure(transport.open(new URL(`${server.url}/lf`)))
    expect(error.code).toBe(ErrorCode.BAD_RESPONSE)
    expect(error.retryable).toBeFalsy()
    expect(server.heads).toHaveLength(1)
    await transport.close?.()
  }, 5_000)

  it('a status of 000 is BAD_RESPONSE, for byte reads and API calls alike', async () => {
    const server = await rawServer((_head, socket) =>
      socket.write('HTTP/1.1 000 OK\r\nContent-Length: 2\r\n\r\n{}'),
    )
    const transport = createHttpTransport({ timeout: TIMEOUT })
    expect((await failure(transport.open(new URL(`${server.url}/f`)))).code).toBe(ErrorCode.BAD_RESPONSE)
    const api = transport.api({ baseUrl: server.url, provider: 'crafted' })
    const error = await failure(api.text({ path: 'x' }))
    expect(error.code).toBe(ErrorCode.BAD_RESPONSE)
    expect(error.provider).toBe('crafted')
    await transport.close?.()
  }, 5_000)

  it('a 204 to a file read is BAD_RESPONSE, not an empty body', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(204)
      res.end()
    })
    const transport = createHttpTransport()
    const error = await failure(transport.open(new URL(`${server.url}/empty.bin`)))
    expect(error.code).toBe(ErrorCode.BAD_RESPONSE)
    expect(error.message).toMatch(/204/)
    await transport.close?.()
  })
})

describe('redirect policy', () => {
  for (const target of ['file:///etc/passwd', 'ftp://127.0.0.1/x', 'data:text/plain,hello']) {
    it(`refuses a redirect to ${target.split(':')[0]}: with BAD_RESPONSE and sends nothing more`, async () => {
      const server = await rawServer((_head, socket) =>
        socket.write(`HTTP/1.1 302 Found\r\nLocation: ${target}\r\nContent-Length: 0\r\n\r\n`),
      )
      const transport = createHttpTransport({ timeout: TIMEOUT })
      const error = await failure(transport.open(new URL(`${server.url}/start`)))
      expect(error.code).toBe(ErrorCode.BAD_RESPONSE)
      expect(error.message).toMatch(/refused/)
      expect(server.heads).toHaveLength(1)
      const api = transport.api({ baseUrl: server.url, provider: 'crafted' })
      expect((await failure(api.text({ path: 'start' }))).code).toBe(ErrorCode.BAD_RESPONSE)
      await transport.close?.()
    }, 5_000)
  }

  it('sends no credentials from a cross-origin Location with user:pass@', async () => {
    const other = await rawServer((_head, socket) => socket.write(ok('landed')))
    const origin = await rawServer((_head, socket) => {
      const target = new URL(other.url)
      target.username = 'user'
      target.password = 'secret'
      socket.write(`HTTP/1.1 302 Found\r\nLocation: ${target.href}x\r\nContent-Length: 0\r\n\r\n`)
    })
    const transport = createHttpTransport()
    const opened = await transport.open(new URL(`${origin.url}/start`))
    expect(new TextDecoder().decode(await readStream(opened.body))).toBe('landed')
    expect(other.heads[0]).not.toMatch(/authorization/i)
    await transport.close?.()
  })

  it('forwards only the allowlisted headers to another origin', async () => {
    const other = await rawServer((_head, socket) => socket.write(ok('landed')))
    const origin = await rawServer((_head, socket) =>
      socket.write(`HTTP/1.1 307 Found\r\nLocation: ${other.url}/x\r\nContent-Length: 0\r\n\r\n`),
    )
    const headers = {
      accept: 'text/plain',
      'if-none-match': '"v1"',
      'x-session': 'token-123',
      'x-custom-key': 'k-456',
      cookie: 'a=b',
    }
    const transport = createHttpTransport({
      authorize: (h) => {
        h.set('authorization', 'Bearer t-789')
        for (const [name, value] of Object.entries(headers)) h.set(name, value)
      },
    })
    const opened = await transport.open(new URL(`${origin.url}/start`), { range: { start: 0 } })
    await opened.body.cancel()
    const sent = (other.heads[0] ?? '').toLowerCase()
    for (const name of ['accept: text/plain', 'if-none-match', 'range: bytes=0-', 'user-agent']) {
      expect(sent).toContain(name)
    }
    for (const name of ['authorization', 'x-session', 'x-custom-key', 'cookie'])
      expect(sent).not.toContain(name)
    // the first origin got them all
    expect(origin.heads[0]?.toLowerCase()).toContain('x-custom-key')
    await transport.close?.()
  })
})
