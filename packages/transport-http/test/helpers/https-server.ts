import { readFileSync } from 'node:fs'
import { createServer as createHttpsServer } from 'node:https'
import type { TestHttpServer } from '@heliokit/testkit'
import { closeAfter } from './serve.ts'

/** A self-signed certificate for `localhost` (CA:TRUE, so it is its own CA) from test/fixtures. */
export function fixtureCert(name: 'localhost' | 'second'): { cert: string; key: string } {
  const read = (part: string) =>
    readFileSync(new URL(`../fixtures/${name}-${part}.pem`, import.meta.url), 'utf8')
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
