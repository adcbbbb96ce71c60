import type { IncomingMessage, ServerResponse } from 'node:http'
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
