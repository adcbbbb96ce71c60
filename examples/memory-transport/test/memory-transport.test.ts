import { ErrorCode, type HeliokitError, isHeliokitError } from '@heliokit/core'
import { readStream } from '@heliokit/core/testing'
import { describe, expect, test } from 'vitest'
import { memoryTransport } from '../src/index.ts'

const bytes = new Uint8Array(200_000).map((_, i) => i % 256)

async function failure(action: () => unknown): Promise<HeliokitError> {
  const error = await Promise.resolve()
    .then(action)
    .then(
      () => undefined,
      (e: unknown) => e,
    )
  if (!isHeliokitError(error)) throw new Error(`expected a HeliokitError, got ${String(error)}`)
  return error
}

/** Byte equality without a per-element deep compare (slow for arrays this size). */
function expectBytes(actual: Uint8Array, expected: Uint8Array): void {
  expect(actual.length).toBe(expected.length)
  expect(Buffer.compare(actual, expected)).toBe(0)
}

async function collect<T>(listing: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const item of listing) all.push(item)
  return all
}

async function keysOf(listing: AsyncIterable<{ key: string }>): Promise<string[]> {
  return (await collect(listing)).map((object) => object.key)
}

describe('stat and open', () => {
  test('stat tells size, etag, type and date; open gives the same with the bytes', async () => {
    const lastModified = new Date('2024-05-01T00:00:00Z')
    const t = memoryTransport({
      'mem://b/a.bin': bytes,
      'mem://b/notes.txt': { body: 'héllo', lastModified },
      'mem://b/img.png': { body: bytes.subarray(0, 10), contentType: 'image/png' },
    })
    const info = await t.stat(new URL('mem://b/a.bin'))
    expect(info).toMatchObject({
      size: 200_000,
      contentType: 'application/octet-stream',
      acceptsRanges: true,
    })
    const opened = await t.open(new URL('mem://b/a.bin'))
    expect(opened).toMatchObject({ size: 200_000, length: 200_000, etag: info.etag, range: undefined })
    expectBytes(await readStream(opened.body), bytes)
    expect(await t.stat(new URL('mem://b/notes.txt'))).toMatchObject({
      size: 6,
      contentType: 'text/plain; charset=utf-8',
      lastModified,
    })
    expect((await t.stat(new URL('mem://b/img.png'))).contentType).toBe('image/png')
  })

  test('a range past the last byte is cut at the end, and the range served is reported', async () => {
    const t = memoryTransport({ 'mem://b/a.bin': bytes })
    const opened = await t.open(new URL('mem://b/a.bin'), { range: { start: 199_990, end: 500_000 } })
    expect(opened).toMatchObject({ range: { start: 199_990, end: 199_999 }, length: 10, size: 200_000 })
    expectBytes(await readStream(opened.body), bytes.subarray(199_990))
  })

  test('stored objects are copies, and chunks handed out are copies of them', async () => {
    const mine = bytes.slice()
    const t = memoryTransport({ 'mem://b/a.bin': mine })
    mine.fill(0)
    const opened = await t.open(new URL('mem://b/a.bin'))
    await opened.forEachChunk?.((chunk) => {
      chunk.fill(1)
    })
    expectBytes(await readStream((await t.open(new URL('mem://b/a.bin'))).body), bytes)
  })

  test('put replaces an object with a new etag; delete makes it NOT_FOUND', async () => {
    const t = memoryTransport({ 'mem://b/k': 'one' })
    const url = new URL('mem://b/k')
    const before = await t.stat(url)
    t.put(url, 'two!')
    const after = await t.stat(url)
    expect(after.size).toBe(4)
    expect(after.etag).not.toBe(before.etag)
    expect(t.delete('mem://b/k')).toBe(true)
    expect(t.delete('mem://b/k')).toBe(false)
    expect((await failure(() => t.open(url))).code).toBe(ErrorCode.NOT_FOUND)
  })

  test('keys are the decoded URL path: spaces and %-escapes round-trip', async () => {
    const t = memoryTransport({ 'mem://b/a%20dir/50%25%3F.txt': 'x' })
    const [listed] = await collect(t.list(new URL('mem://b/')))
    expect(listed?.key).toBe('a dir/50%?.txt')
    expect(await t.stat(listed!.url)).toMatchObject({ size: 1 })
  })

  test('a missing object or bucket is NOT_FOUND naming the URL', async () => {
    const t = memoryTransport({ 'mem://b/a.bin': bytes })
    for (const url of ['mem://b/none', 'mem://nobucket/a.bin']) {
      const error = await failure(() => t.stat(new URL(url)))
      expect(error.code).toBe(ErrorCode.NOT_FOUND)
      expect(error.url).toBe(url)
    }
  })
})

describe('list', () => {
  const t = memoryTransport({
    'mem://b/2024/02/z.bin': 'z',
    'mem://b/2024/01/b.bin': 'bb',
    'mem://b/2024/01/a.bin': 'a',
    'mem://b/2023/12/x.bin': 'x',
    'mem://other/2024/01/c.bin': 'c',
  })

  test('lists the objects under a prefix of one bucket, in key order', async () => {
    expect(await keysOf(t.list(new URL('mem://b/2024/')))).toEqual([
      '2024/01/a.bin',
      '2024/01/b.bin',
      '2024/02/z.bin',
    ])
    expect(await keysOf(t.list(new URL('mem://b')))).toHaveLength(4)
    expect(await keysOf(t.list(new URL('mem://b/2024/01/b')))).toEqual(['2024/01/b.bin'])
    expect(await keysOf(t.list(new URL('mem://empty/')))).toEqual([])
  })

  test('listed objects carry a URL the transport opens, their size and etag', async () => {
    for await (const object of t.list(new URL('mem://b/2024/01/'))) {
      const info = await t.stat(object.url)
      expect({ size: object.size, etag: object.etag }).toEqual({ size: info.size, etag: info.etag })
    }
  })

  test('a fired signal stops a listing with ABORTED', async () => {
    const controller = new AbortController()
    const read = async () => {
      for await (const _ of t.list(new URL('mem://b/'), { signal: controller.signal })) controller.abort()
    }
    expect((await failure(read)).code).toBe(ErrorCode.ABORTED)
  })

  test('a timeout signal is TIMEOUT', async () => {
    const signal = AbortSignal.timeout(0)
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect((await failure(() => t.stat(new URL('mem://b/2024/01/a.bin'), { signal }))).code).toBe(
      ErrorCode.TIMEOUT,
    )
  })
})

describe('bad input is INVALID_INPUT', () => {
  const t = memoryTransport({ 'mem://b/a.bin': bytes, 'mem://b/empty': new Uint8Array(0) })

  test.each([
    ['another scheme', 'file:///b/a.bin'],
    ['no bucket', 'mem:/a.bin'],
    ['a bucket, not an object', 'mem://b/'],
    ['a query', 'mem://b/a.bin?x=1'],
    ['a fragment', 'mem://b/a.bin#x'],
    ['a port', 'mem://b:9/a.bin'],
    ['a malformed escape', 'mem://b/%E0%A4%A'],
  ])('a URL with %s', async (_, url) => {
    const error = await failure(() => t.open(new URL(url)))
    expect(error.code).toBe(ErrorCode.INVALID_INPUT)
    expect(error.issues[0]?.path).toBe('url')
  })

  test('credentials in a URL are refused without being repeated', async () => {
    const error = await failure(() => t.stat(new URL('mem://user:s3cret@b/a.bin')))
    expect(error.code).toBe(ErrorCode.INVALID_INPUT)
    expect(JSON.stringify(error) + error.message).not.toContain('s3cret')
    expect((await failure(() => t.put('not a url s3cret', 'x'))).message).not.toContain('s3cret')
  })

  test.each([
    ['a negative start', { start: -1 }],
    ['a fractional start', { start: 1.5 }],
    ['an end before the start', { start: 10, end: 9 }],
    ['a start past the end', { start: 200_000 }],
  ])('a range with %s', async (_, range) => {
    const error = await failure(() => t.open(new URL('mem://b/a.bin'), { range }))
    expect(error.code).toBe(ErrorCode.INVALID_INPUT)
    expect(error.issues[0]?.path).toBe('range')
  })

  test('any range of an empty object', async () => {
    const error = await failure(() => t.open(new URL('mem://b/empty'), { range: { start: 0 } }))
    expect(error.code).toBe(ErrorCode.INVALID_INPUT)
    expectBytes(await readStream((await t.open(new URL('mem://b/empty'))).body), new Uint8Array(0))
  })

  test('a bad listing prefix fails at the call, before iteration', () => {
    expect(() => t.list(new URL('http://b/'))).toThrow(/not a mem: URL/)
  })
})
