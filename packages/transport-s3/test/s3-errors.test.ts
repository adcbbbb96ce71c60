import { ErrorCode, type HeliokitError } from '@heliokit/core'
import { readStream } from '@heliokit/core/testing'
import {
  deterministicBytes,
  failTimes,
  fileHandler,
  startHttpServer,
  type TestHttpServer,
} from '@heliokit/testkit'
import { afterEach, describe, expect, test } from 'vitest'
import { createS3Transport, type S3Transport } from '../src/index.ts'

const servers: TestHttpServer[] = []
const transports: S3Transport[] = []
afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()))
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

function transportFor(server: TestHttpServer): S3Transport {
  // One attempt: the SDK's own retries would only slow these tests down.
  const t = createS3Transport({ endpoint: server.url, region: 'us-east-1', clientConfig: { maxAttempts: 1 } })
  transports.push(t)
  return t
}

/** A server answering every request with one S3 XML error. */
async function s3ErrorServer(status: number, code: string): Promise<TestHttpServer> {
  const server = await startHttpServer((req, res) => {
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>m</Message></Error>`
    res.writeHead(status, { 'content-type': 'application/xml', 'content-length': String(body.length) })
    res.end(req.method === 'HEAD' ? undefined : body)
  })
  servers.push(server)
  return server
}

async function caught(work: () => Promise<unknown>): Promise<HeliokitError> {
  try {
    await work()
  } catch (error) {
    return error as HeliokitError
  }
  throw new Error('expected a failure')
}

describe('S3 error codes map to heliokit codes', () => {
  const cases: [status: number, s3Code: string, code: string, retryable: boolean][] = [
    [503, 'SlowDown', ErrorCode.RATE_LIMITED, true],
    [503, 'ServiceUnavailable', ErrorCode.UNAVAILABLE, true],
    [403, 'AccessDenied', ErrorCode.AUTH, false],
    [404, 'NoSuchBucket', ErrorCode.NOT_FOUND, false],
    [500, 'InternalError', ErrorCode.HTTP, true],
    [400, 'InvalidRequest', ErrorCode.INVALID_INPUT, false],
  ]
  test.each(cases)('%i %s -> %s', async (status, s3Code, code, retryable) => {
    const t = transportFor(await s3ErrorServer(status, s3Code))
    for (const work of [
      () => t.open(new URL('s3://bucket/key')),
      async () => {
        for await (const _ of t.list(new URL('s3://bucket/'))) {
        }
      },
    ]) {
      const error = await caught(work)
      expect(error.code).toBe(code)
      expect(error.status).toBe(status)
      expect(error.retryable).toBe(retryable)
      expect(error.message).toContain('s3://bucket/')
      expect(error.message).not.toContain('127.0.0.1')
    }
  })

  test('a HEAD error without a body maps by status', async () => {
    const t = transportFor(await s3ErrorServer(403, 'AccessDenied'))
    const error = await caught(() => t.stat(new URL('s3://bucket/key')))
    expect(error.code).toBe(ErrorCode.AUTH)
  })
})

describe('network failures', () => {
  test('a refused connection is NETWORK', async () => {
    const server = await startHttpServer(() => {})
    const t = transportFor(server)
    await server.close()
    const error = await caught(() => t.stat(new URL('s3://bucket/key')))
    expect(error.code).toBe(ErrorCode.NETWORK)
    expect(error.retryable).toBe(true)
    expect(error.message).toContain('s3://bucket/key')
  })

  test('a connection dropped mid-body errors the stream with NETWORK', async () => {
    const bytes = deterministicBytes('drop', 256 * 1024)
    const server = await startHttpServer(
      fileHandler({ files: new Map([['/bucket/key', bytes]]), faults: failTimes(1, { kind: 'drop' }) }),
    )
    servers.push(server)
    const opened = await transportFor(server).open(new URL('s3://bucket/key'))
    expect(opened.length).toBe(bytes.length)
    const error = await caught(() => readStream(opened.body))
    expect(error.code).toBe(ErrorCode.NETWORK)
  })
})

describe('retries per call', () => {
  test('retries: 0 makes one attempt where the client would make several; a bad value sends nothing', async () => {
    const server = await s3ErrorServer(503, 'SlowDown')
    // the SDK's default of 3 attempts, with its own short backoff
    const t = createS3Transport({ endpoint: server.url, region: 'us-east-1' })
    transports.push(t)
    const url = new URL('s3://bucket/key')
    await caught(() => t.stat(url))
    const byDefault = server.requests.length
    expect(byDefault).toBeGreaterThan(1)
    expect((await caught(() => t.open(url, { retries: 0 }))).code).toBe(ErrorCode.RATE_LIMITED)
    expect(server.requests.length - byDefault).toBe(1)
    expect((await caught(() => t.open(url, { retries: -1 }))).code).toBe(ErrorCode.INVALID_INPUT)
    expect(server.requests.length - byDefault).toBe(1)
  })
})
