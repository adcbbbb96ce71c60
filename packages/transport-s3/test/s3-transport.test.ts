import { createHash } from 'node:crypto'
import { inspect } from 'node:util'
import { ErrorCode, type HeliokitError, type ListedObject, type Progress } from '@heliokit/core'
import { readStream } from '@heliokit/core/testing'
import {
  deterministicBytes,
  forwardTo,
  startHttpServer,
  startS3Server,
  type TestHttpServer,
  type TestS3Server,
} from '@heliokit/testkit'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { createS3Transport, type S3Transport, type S3TransportOptions } from '../src/index.ts'
import { recordingLogger } from './helpers/recording-logger.ts'

const big = deterministicBytes('big', 4 * 1024 * 1024 + 17)
const small = deterministicBytes('small', 200_000)
const manyKeys = Array.from({ length: 1100 }, (_, i) => `many/${String(i).padStart(5, '0')}.txt`)

let s3: TestS3Server
let proxy: TestHttpServer
const transports: S3Transport[] = []

beforeAll(async () => {
  s3 = await startS3Server({
    buckets: {
      data: {
        'small.bin': small,
        'big.bin': big,
        'dir/a.txt': 'a',
        'dir/b.txt': 'bb',
        'dir/sub/c.txt': 'ccc',
        'dirt.txt': 'x',
        'odd name/ü #?%.txt': 'odd',
        ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`ten/${i}`, String(i)])),
      },
      other: { 'o.txt': 'other' },
      many: Object.fromEntries(manyKeys.map((k) => [k, 'x'])),
    },
  })
  proxy = await startHttpServer(forwardTo(s3.endpoint))
  // s3rver starts in a child process and is seeded over HTTP: slow when other test tasks load the machine
}, 60_000)
afterAll(async () => {
  await proxy?.close()
  await s3?.close()
})
beforeEach(() => {
  proxy.requests.length = 0
})
afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()))
})

function transport(options: S3TransportOptions = {}): S3Transport {
  const t = createS3Transport({ endpoint: proxy.url, ...options } as S3TransportOptions)
  transports.push(t)
  return t
}

const u = (text: string): URL => new URL(text)

async function caught(work: () => Promise<unknown> | unknown): Promise<HeliokitError> {
  try {
    await work()
  } catch (error) {
    return error as HeliokitError
  }
  throw new Error('expected a failure')
}

/** Byte equality without vitest's element-by-element diffing, which is slow for megabytes. */
function expectSameBytes(actual: Uint8Array, expected: Uint8Array): void {
  expect(actual.length).toBe(expected.length)
  expect(Buffer.compare(actual, expected)).toBe(0)
}

async function collect(items: AsyncIterable<ListedObject>): Promise<ListedObject[]> {
  const out: ListedObject[] = []
  for await (const item of items) out.push(item)
  return out
}

describe('anonymous access through an endpoint', () => {
  test('reads without credentials or AWS_* variables and sends no Authorization, path-style', async () => {
    const saved = Object.entries(process.env).filter(([k]) => k.startsWith('AWS_'))
    for (const [k] of saved) delete process.env[k]
    try {
      const t = transport()
      expect((await t.stat(u('s3://data/dir/a.txt'))).size).toBe(1)
      expect(new TextDecoder().decode(await readStream((await t.open(u('s3://data/dir/b.txt'))).body))).toBe(
        'bb',
      )
      expect((await collect(t.list(u('s3://data/dir/')))).length).toBe(3)
    } finally {
      for (const [k, v] of saved) process.env[k] = v
    }
    expect(proxy.requests.length).toBeGreaterThanOrEqual(3)
    for (const r of proxy.requests) {
      expect(r.headers.authorization).toBeUndefined()
      expect(r.headers['x-amz-security-token']).toBeUndefined()
      expect(r.url).not.toMatch(/X-Amz-Signature|X-Amz-Credential/i)
      // Path-style: the bucket is the first path segment, the host is the endpoint's.
      expect(r.url).toMatch(/^\/data\//)
      expect(r.headers.host).toBe(`127.0.0.1:${proxy.port}`)
    }
  })

  test('requesterPays adds x-amz-request-payer to object and list requests', async () => {
    const t = transport({ region: 'us-east-1', requesterPays: true })
    await t.stat(u('s3://data/dir/a.txt'))
    await readStream((await t.open(u('s3://data/dir/a.txt'))).body)
    await collect(t.list(u('s3://data/dir/')))
    expect(proxy.requests).toHaveLength(3)
    for (const r of proxy.requests) expect(r.headers['x-amz-request-payer']).toBe('requester')
  })
})

describe('stat and open', () => {
  test('stat gives size, etag, lastModified, contentType and acceptsRanges', async () => {
    const info = await transport().stat(u('s3://data/small.bin'))
    expect(info.size).toBe(small.length)
    expect(info.etag).toBe(`"${createHash('md5').update(small).digest('hex')}"`)
    expect(info.lastModified).toBeInstanceOf(Date)
    expect(Math.abs(Date.now() - info.lastModified!.getTime())).toBeLessThan(24 * 3600_000)
    expect(info.contentType).toBeTypeOf('string')
    expect(info.acceptsRanges).toBe(true)
  })

  test('open without a range returns the whole object byte-exact', async () => {
    const opened = await transport().open(u('s3://data/big.bin'))
    expect(opened.size).toBe(big.length)
    expect(opened.length).toBe(big.length)
    expect(opened.range).toBeUndefined()
    expect(opened.etag).toBe(`"${createHash('md5').update(big).digest('hex')}"`)
    expectSameBytes(await readStream(opened.body), big)
  })

  test('open with a closed range returns exactly those bytes', async () => {
    const opened = await transport().open(u('s3://data/small.bin'), { range: { start: 1000, end: 1999 } })
    expect(opened.range).toEqual({ start: 1000, end: 1999 })
    expect(opened.size).toBe(small.length)
    expect(opened.length).toBe(1000)
    expectSameBytes(await readStream(opened.body), small.subarray(1000, 2000))
    expect(proxy.requests.at(-1)?.headers.range).toBe('bytes=1000-1999')
  })

  test('open with an open-ended range returns the tail', async () => {
    const start = small.length - 12_345
    const opened = await transport().open(u('s3://data/small.bin'), { range: { start } })
    expect(opened.range).toEqual({ start, end: small.length - 1 })
    expect(opened.size).toBe(small.length)
    expectSameBytes(await readStream(opened.body), small.subarray(start))
  })

  test('keys with spaces, unicode, # ? and % round-trip through URLs', async () => {
    const t = transport()
    const [listed] = await collect(t.list(u('s3://data/odd')))
    expect(listed?.key).toBe('odd name/ü #?%.txt')
    expect(new TextDecoder().decode(await readStream((await t.open(listed!.url)).body))).toBe('odd')
  })

  test('progress is reported as the body is read, ending at the length', async () => {
    const reports: Progress[] = []
    const opened = await transport().open(u('s3://data/big.bin'), { onProgress: (p) => reports.push(p) })
    expect(reports).toHaveLength(0)
    await readStream(opened.body)
    expect(reports.length).toBeGreaterThan(1)
    for (let i = 1; i < reports.length; i++) {
      expect(reports[i]!.transferredBytes).toBeGreaterThan(reports[i - 1]!.transferredBytes)
    }
    expect(reports.at(-1)).toEqual({ transferredBytes: big.length, totalBytes: big.length })
  })

  test('aborting mid-body errors the stream with ABORTED', async () => {
    const controller = new AbortController()
    const opened = await transport().open(u('s3://data/big.bin'), { signal: controller.signal })
    const reader = opened.body.getReader()
    const first = await reader.read()
    expect(first.done).toBe(false)
    controller.abort()
    const error = await caught(async () => {
      for (let r = await reader.read(); !r.done; r = await reader.read()) {}
    })
    expect(error.code).toBe(ErrorCode.ABORTED)
  })

  test('an already aborted signal fails before any request', async () => {
    const controller = new AbortController()
    controller.abort()
    const error = await caught(() =>
      transport().stat(u('s3://data/small.bin'), { signal: controller.signal }),
    )
    expect(error.code).toBe(ErrorCode.ABORTED)
    expect(proxy.requests).toHaveLength(0)
  })
})

describe('list', () => {
  test('pages through more than 1000 keys with flat pages of at most 1000', async () => {
    const listed = await collect(transport().list(u('s3://many/many/')))
    expect(listed.map((o) => o.key)).toEqual(manyKeys)
    const pages = proxy.requests.filter((r) => r.url.includes('list-type=2'))
    expect(pages).toHaveLength(2)
    expect(pages[1]?.url).toContain('continuation-token=')
    const first = listed[0]!
    expect(first.url.href).toBe('s3://many/many/00000.txt')
    expect(first.size).toBe(1)
    expect(first.etag).toMatch(/^"[0-9a-f]{32}"$/)
    expect(first.lastModified).toBeInstanceOf(Date)
  })

  test('pageSize sets MaxKeys and every page is followed', async () => {
    const reports: Progress[] = []
    const listed = await collect(
      transport({ pageSize: 3 }).list(u('s3://data/ten/'), { onProgress: (p) => reports.push(p) }),
    )
    expect(listed.map((o) => o.key)).toEqual(Array.from({ length: 10 }, (_, i) => `ten/${i}`))
    const pages = proxy.requests.filter((r) => r.url.includes('list-type=2'))
    expect(pages).toHaveLength(4)
    for (const page of pages) expect(page.url).toContain('max-keys=3')
    expect(reports.map((p) => p.completedItems)).toEqual([3, 6, 9, 10])
  })

  test('a prefix is a plain string prefix, not a folder', async () => {
    const t = transport()
    expect((await collect(t.list(u('s3://data/dir/')))).map((o) => o.key)).toEqual([
      'dir/a.txt',
      'dir/b.txt',
      'dir/sub/c.txt',
    ])
    expect((await collect(t.list(u('s3://data/dir')))).map((o) => o.key)).toContain('dirt.txt')
    expect((await collect(t.list(u('s3://other')))).map((o) => o.key)).toEqual(['o.txt'])
    expect(await collect(t.list(u('s3://data/nothing-here/')))).toEqual([])
  })

  test('pages are fetched only as the caller iterates', async () => {
    const iterator = transport({ pageSize: 2 }).list(u('s3://data/ten/'))[Symbol.asyncIterator]()
    await iterator.next()
    await iterator.next()
    await iterator.next()
    expect(proxy.requests.filter((r) => r.url.includes('list-type=2'))).toHaveLength(2)
    await iterator.return?.()
  })
})

describe('errors', () => {
  test('a missing key is NOT_FOUND naming the s3: URL, for stat and open', async () => {
    const t = transport()
    for (const work of [() => t.stat(u('s3://data/missing.txt')), () => t.open(u('s3://data/missing.txt'))]) {
      const error = await caught(work)
      expect(error.code).toBe(ErrorCode.NOT_FOUND)
      expect(error.status).toBe(404)
      expect(error.url).toBe('s3://data/missing.txt')
      expect(error.message).toContain('s3://data/missing.txt')
      expect(error.message).not.toContain('127.0.0.1')
    }
  })

  test('a missing bucket is NOT_FOUND, with and without region detection', async () => {
    for (const options of [{}, { region: 'us-east-1' }]) {
      const t = transport(options)
      expect((await caught(() => t.open(u('s3://no-such-bucket/k')))).code).toBe(ErrorCode.NOT_FOUND)
      expect((await caught(() => collect(t.list(u('s3://no-such-bucket/'))))).code).toBe(ErrorCode.NOT_FOUND)
    }
  })

  test('invalid URLs and ranges are INVALID_INPUT before any request', async () => {
    const t = transport()
    const bad: (() => unknown)[] = [
      () => t.stat(u('s3://')),
      () => t.stat(u('s3:///key')),
      () => t.stat(u('https://data/small.bin')),
      () => t.stat(u('s3://Bad_Bucket/k')),
      () => t.stat(u('s3://ab/k')),
      () => t.stat(u('s3://data')),
      () => t.open(u('s3://data/')),
      () => t.stat(u('s3://user:pw@data/k')),
      () => t.open(u('s3://data/k?versionId=1')),
      () => t.open(u('s3://data/small.bin'), { range: { start: -1 } }),
      () => t.open(u('s3://data/small.bin'), { range: { start: 10, end: 5 } }),
      () => t.open(u('s3://data/small.bin'), { range: { start: 1.5 } }),
      () => t.list(u('s3://')),
      () => t.list(u('http://data/')),
    ]
    for (const work of bad) expect((await caught(work)).code).toBe(ErrorCode.INVALID_INPUT)
    expect(() => t.list(u('s3://'))).toThrow(/no bucket/)
    expect(proxy.requests).toHaveLength(0)
  })

  test('invalid options are INVALID_INPUT at creation', () => {
    expect(() => createS3Transport({ pageSize: 0 })).toThrow(/pageSize/)
    expect(() => createS3Transport({ pageSize: 1001 })).toThrow(/pageSize/)
    expect(() => createS3Transport({ endpoint: 'ftp://x' })).toThrow(/endpoint/)
    expect(() => createS3Transport({ region: 'US East' })).toThrow(/region/)
  })

  test('access key, secret and session token never appear in errors', async () => {
    const credentials = {
      accessKeyId: 'AKIAHELIOKITLEAKTEST',
      secretAccessKey: 'hk/Secret+Access+Key/LEAK',
      sessionToken: 'hk-session-token-LEAK-0123',
    }
    const t = transport({ region: 'us-east-1', credentials })
    const errors = [
      await caught(() => t.stat(u('s3://data/small.bin'))),
      await caught(() => t.open(u('s3://data/small.bin'))),
      await caught(() => collect(t.list(u('s3://data/')))),
    ]
    // The key went out on the wire and s3rver echoes it in its error body, so there was something to leak.
    expect(proxy.requests[0]?.headers.authorization).toContain(credentials.accessKeyId)
    for (const error of errors) {
      expect(error.code).toBe(ErrorCode.AUTH)
      expect(error.status).toBe(403)
      const texts = [
        String(error),
        error.message,
        error.stack ?? '',
        JSON.stringify(error),
        inspect(error, { depth: 20, showHidden: true }),
        inspect(error.cause, { depth: 20, showHidden: true }),
      ]
      for (const text of texts) {
        for (const secret of Object.values(credentials)) expect(text).not.toContain(secret)
      }
    }
  })

  test('after close, calls are UNAVAILABLE', async () => {
    const t = transport()
    await t.stat(u('s3://data/dir/a.txt'))
    await t.close()
    expect((await caught(() => t.stat(u('s3://data/dir/a.txt')))).code).toBe(ErrorCode.UNAVAILABLE)
  })
})

describe('clients', () => {
  test('one client per region, reused across buckets', async () => {
    const { lines, logger } = recordingLogger()
    const t = transport({ region: 'eu-central-1', logger })
    await t.stat(u('s3://data/dir/a.txt'))
    await t.stat(u('s3://other/o.txt'))
    await readStream((await t.open(u('s3://data/dir/b.txt'))).body)
    expect(lines.filter((l) => l.message === 's3: created client')).toHaveLength(1)
  })

  test('without a region, buckets are detected once each and share the us-east-1 client', async () => {
    const { lines, logger } = recordingLogger()
    const t = transport({ logger })
    await Promise.all([t.stat(u('s3://data/dir/a.txt')), t.stat(u('s3://data/dir/b.txt'))])
    await t.stat(u('s3://other/o.txt'))
    await t.stat(u('s3://other/o.txt'))
    const headBuckets = proxy.requests.filter((r) => r.method === 'HEAD' && /^\/\w+\/?$/.test(r.url))
    expect(headBuckets.map((r) => r.url.replace(/\/$/, ''))).toEqual(['/data', '/other'])
    expect(lines.filter((l) => l.message === 's3: created client')).toHaveLength(1)
    expect(lines.filter((l) => l.message === 's3: bucket region').map((l) => l.fields)).toEqual([
      { bucket: 'data', region: 'us-east-1', detected: false },
      { bucket: 'other', region: 'us-east-1', detected: false },
    ])
  })

  test('an injected client is used as-is and not destroyed by close', async () => {
    const { S3Client } = await import('@aws-sdk/client-s3')
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: proxy.url,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    })
    try {
      const t = createS3Transport({ client })
      expect((await t.stat(u('s3://data/dir/a.txt'))).size).toBe(1)
      await t.close()
      expect(proxy.requests[0]?.headers.authorization).toContain('Credential=S3RVER/')
      expect((await createS3Transport({ client }).stat(u('s3://data/dir/b.txt'))).size).toBe(2)
      expect(() => createS3Transport({ client, region: 'x' } as unknown as S3TransportOptions)).toThrow(
        /region/,
      )
    } finally {
      client.destroy()
    }
  })
})
