import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { createServer, type Server, type Socket } from 'node:net'
import { inspect } from 'node:util'
import { type HeliokitError, isHeliokitError } from '@heliokit/core'
import { startHttpServer, type TestHttpServer } from '@heliokit/testkit'
import { afterEach, expect } from 'vitest'

const servers: TestHttpServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

/** A loopback server closed after the test; `times` holds each request's arrival (performance.now()). */
export async function serve(
  handler: (req: IncomingMessage, res: ServerResponse, n: number) => void | Promise<void>,
): Promise<TestHttpServer & { times: number[] }> {
  const times: number[] = []
  const server = await startHttpServer((req, res) => {
    times.push(performance.now())
    return handler(req, res, times.length)
  })
  servers.push(server)
  return Object.assign(server, { times })
}

/** Registers an already started server for closing after the test. */
export function closeAfter<T extends TestHttpServer>(server: T): T {
  servers.push(server)
  return server
}

/** The HeliokitError a promise rejects with; fails the test if it resolves or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<HeliokitError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(isHeliokitError(error), `expected a HeliokitError, got ${String(error)}`).toBe(true)
  return error as HeliokitError
}

/** Every way an error could be shown or logged. */
export function errorTexts(error: unknown): string {
  const e = error as Error
  return [JSON.stringify(e), e.message, String(e.cause), e.stack, inspect(e, { depth: 10 })].join('\n')
}

/** A raw TCP server: `answer` gets each request head and the socket, and writes whatever it likes. */
export interface RawServer {
  readonly url: string
  /** Connections accepted so far, and the most open at once. */
  readonly stats: { connections: number; open: number; maxOpen: number }
  readonly heads: string[]
}

const rawServers: { server: Server; sockets: Set<Socket> }[] = []
afterEach(async () => {
  for (const { server, sockets } of rawServers.splice(0)) {
    for (const socket of sockets) socket.destroy()
    await new Promise((resolve) => server.close(resolve))
  }
})

export async function rawServer(
  answer: (head: string, socket: Socket, n: number) => void,
): Promise<RawServer> {
  const stats = { connections: 0, open: 0, maxOpen: 0 }
  const heads: string[] = []
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    stats.connections++
    stats.maxOpen = Math.max(stats.maxOpen, ++stats.open)
    socket.on('close', () => {
      stats.open--
      sockets.delete(socket)
    })
    socket.on('error', () => {})
    let buffered = ''
    socket.on('data', (data) => {
      buffered += data.toString('latin1')
      for (let end = buffered.indexOf('\r\n\r\n'); end >= 0; end = buffered.indexOf('\r\n\r\n')) {
        const head = buffered.slice(0, end)
        buffered = buffered.slice(end + 4)
        heads.push(head)
        answer(head, socket, heads.length)
      }
    })
  })
  rawServers.push({ server, sockets })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}`, stats, heads }
}

export const ok = (body: string, extra = ''): string =>
  `HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`

/** A self-signed certificate for `localhost` (CA:TRUE, so it is its own CA) from test/fixtures. */
export function fixtureCert(name: 'localhost' | 'second'): { cert: string; key: string } {
  const read = (part: string) =>
    readFileSync(new URL(`./fixtures/${name}-${part}.pem`, import.meta.url), 'utf8')
  return { cert: read('cert'), key: read('key') }
}

/**
 * An https server at `https://localhost:<port>` answering `body`, closed after the test; `close` ends each
 * connection after one response; `resumed` says for each connection whether it resumed a TLS session.
 */
export async function httpsServer(
  name: 'localhost' | 'second',
  body = '{"ok":true}',
  close = false,
): Promise<{ url: string; resumed: boolean[] }> {
  const resumed: boolean[] = []
  const server = createHttpsServer(fixtureCert(name), (req, res) => {
    res.writeHead(200, {
      'content-length': String(Buffer.byteLength(body)),
      'content-type': 'application/json',
      ...(close ? { connection: 'close' } : {}),
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  })
  server.on('secureConnection', (socket) => resumed.push(socket.isSessionReused()))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  closeAfter({
    url: '',
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  } as unknown as TestHttpServer)
  return { url: `https://localhost:${port}`, resumed }
}
