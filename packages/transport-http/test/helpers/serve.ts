import type { IncomingMessage, ServerResponse } from 'node:http'
import { startHttpServer, type TestHttpServer } from '@heliokit/testkit'
import { afterEach } from 'vitest'

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
