import { readFileSync } from 'node:fs'
import { createServer as createHttpsServer } from 'node:https'
import { ErrorCode } from '@heliokit/core'
import { readStream } from '@heliokit/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { createHttpTransport } from '../src/index.ts'
import { errorTexts } from './helpers/error-texts.ts'
import { failure } from './helpers/failure.ts'
import { ok, rawServer } from './helpers/raw-server.ts'

describe('byte reads over undici', () => {
  it('opens at most maxSockets connections per host and queues the rest', async () => {
    const server = await rawServer((_head, socket) => {
      setTimeout(() => socket.write(ok('x')), 10)
    })
    const transport = createHttpTransport({ maxSockets: 2 })
    const reads = Array.from({ length: 10 }, async (_, i) => {
      const opened = await transport.open(new URL(`${server.url}/f${i}`))
      return readStream(opened.body)
    })
    expect((await Promise.all(reads)).every((b) => b.length === 1)).toBe(true)
    expect(server.stats.maxOpen).toBe(2)
    await transport.close?.()
  })

  it('reads chunked bodies, split anywhere, the same through forEachChunk and body', async () => {
    const wire =
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n' + '5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n'
    const server = await rawServer((_head, socket) => {
      // one byte at a time, to cross every framing boundary
      const bytes = Buffer.from(wire)
      let at = 0
      const next = (): void => {
        if (at < bytes.length) socket.write(bytes.subarray(at, ++at), next)
      }
      next()
    })
    const transport = createHttpTransport()
    const viaBody = await transport.open(new URL(`${server.url}/a`))
    expect(new TextDecoder().decode(await readStream(viaBody.body))).toBe('hello, world')
    const viaChunks = await transport.open(new URL(`${server.url}/b`))
    let text = ''
    await viaChunks.forEachChunk?.((chunk) => {
      text += new TextDecoder().decode(chunk)
    })
    expect(text).toBe('hello, world')
    await transport.close?.()
  })

  it('retries once on a fresh connection when a kept-alive one was closed as the request went out', async () => {
    const server = await rawServer((_head, socket, n) => {
      if (n === 2) socket.destroy()
      else socket.write(ok('fine'))
    })
    // no transport retries: the recovery is the client's own
    const transport = createHttpTransport({ retry: { limit: 0 } })
    await readStream((await transport.open(new URL(`${server.url}/1`))).body)
    const second = await transport.open(new URL(`${server.url}/2`))
    expect(new TextDecoder().decode(await readStream(second.body))).toBe('fine')
    expect(server.stats.connections).toBe(2)
    await transport.close?.()
  })

  it('stops the transfer and closes the connection when the forEachChunk handler throws', async () => {
    const server = await rawServer((_head, socket) => {
      socket.write(`HTTP/1.1 200 OK\r\nContent-Length: ${1_000_000}\r\n\r\n`)
      socket.write(Buffer.alloc(10_000))
    })
    const transport = createHttpTransport()
    const opened = await transport.open(new URL(`${server.url}/x`))
    const mine = new Error('enough')
    await expect(
      opened.forEachChunk?.(() => {
        throw mine
      }),
    ).rejects.toBe(mine)
    await expect.poll(() => server.stats.open).toBe(0)
    await transport.close?.()
  })

  it('fails with ABORTED while waiting for a free connection', async () => {
    const server = await rawServer(() => {
      // never answers
    })
    const transport = createHttpTransport({ maxSockets: 1, timeout: 5000, retry: { limit: 0 } })
    const first = transport.open(new URL(`${server.url}/busy`)).catch(() => undefined)
    const controller = new AbortController()
    const second = transport.open(new URL(`${server.url}/waiting`), { signal: controller.signal })
    // the first request holds the only connection; the second waits for it
    await vi.waitFor(() => expect(server.heads).toHaveLength(1))
    controller.abort()
    expect((await failure(second)).code).toBe(ErrorCode.ABORTED)
    expect(server.heads).toHaveLength(1)
    await transport.close?.()
    await first
  })

  it('sends Basic credentials from the URL and keeps them out of errors', async () => {
    const server = await rawServer((_head, socket) =>
      socket.write('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n'),
    )
    const transport = createHttpTransport()
    const url = new URL(server.url)
    url.username = 'scientist'
    url.password = 's3cret-pass'
    url.pathname = '/private.bin'
    const error = await failure(transport.open(url))
    expect(server.heads[0]).toContain(`authorization: Basic ${btoa('scientist:s3cret-pass')}`)
    expect(JSON.stringify(error) + error.message).not.toContain('s3cret-pass')
    await transport.close?.()
  })

  it('keeps a token given as the URL user name out of errors', async () => {
    const server = await rawServer((_head, socket) =>
      socket.end('HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n'),
    )
    const transport = createHttpTransport({ retry: { limit: 0 } })
    const url = new URL(server.url)
    url.username = 'ghp_T0kenT0ken'
    const error = await failure(transport.open(url))
    expect(server.heads[0]).toContain(`authorization: Basic ${btoa('ghp_T0kenT0ken:')}`)
    expect(errorTexts(error)).not.toContain('ghp_T0kenT0ken')
    await transport.close?.()
  })

  it('sends HEAD for stat and reads no body even when a length is declared', async () => {
    const server = await rawServer((head, socket) =>
      socket.write(head.startsWith('HEAD') ? 'HTTP/1.1 200 OK\r\nContent-Length: 42\r\n\r\n' : ok('z')),
    )
    const transport = createHttpTransport()
    expect((await transport.stat(new URL(`${server.url}/s`))).size).toBe(42)
    // the same connection still works: no phantom body was waited for
    expect(
      new TextDecoder().decode(await readStream((await transport.open(new URL(`${server.url}/s`))).body)),
    ).toBe('z')
    await transport.close?.()
  })
})

describe('request heads', () => {
  it('refuses a user agent that could split the request, when the transport is made', () => {
    expect(() => createHttpTransport({ userAgent: 'me\r\nx-injected: 1' })).toThrow(/userAgent/)
  })
})

describe('https', () => {
  const fixtures = new URL('./fixtures/', import.meta.url)
  const cert = readFileSync(new URL('localhost-cert.pem', fixtures), 'utf8')
  const key = readFileSync(new URL('localhost-key.pem', fixtures), 'utf8')

  async function httpsServer(body: Uint8Array): Promise<{ url: string; close(): Promise<void> }> {
    const server = createHttpsServer({ cert, key }, (req, res) => {
      res.writeHead(200, { 'content-length': String(body.length) })
      res.end(req.method === 'HEAD' ? undefined : body)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    return {
      url: `https://localhost:${port}`,
      close: () =>
        new Promise((resolve) => {
          server.closeAllConnections()
          server.close(() => resolve())
        }),
    }
  }

  it('reads over TLS from a server whose CA is added with extraCaCerts, checking its name', async () => {
    const body = new Uint8Array(300_000).map((_, i) => i % 253)
    const server = await httpsServer(body)
    const transport = createHttpTransport({ extraCaCerts: cert })
    try {
      expect((await transport.stat(new URL(`${server.url}/a.bin`))).size).toBe(body.length)
      const opened = await transport.open(new URL(`${server.url}/a.bin`))
      expect(await readStream(opened.body)).toEqual(body)
      // the certificate names localhost only: the same server by its address is refused
      const wrongName = new URL(`${server.url}/a.bin`)
      wrongName.hostname = '127.0.0.1'
      const strict = createHttpTransport({ extraCaCerts: cert, retry: { limit: 0 } })
      const error = await failure(strict.open(wrongName))
      expect(error.code).toBe(ErrorCode.NETWORK)
      expect(error.message).toMatch(/altnames|does not match/i)
      await strict.close?.()
    } finally {
      await transport.close?.()
      await server.close()
    }
  })

  it('refuses a certificate that no trusted CA signed', async () => {
    const server = await httpsServer(new Uint8Array(10))
    const transport = createHttpTransport({ retry: { limit: 0 } })
    try {
      const error = await failure(transport.open(new URL(`${server.url}/a.bin`)))
      expect(error.code).toBe(ErrorCode.NETWORK)
      expect(error.message).toMatch(/self[- ]signed|certificate/i)
    } finally {
      await transport.close?.()
      await server.close()
    }
  })
})
