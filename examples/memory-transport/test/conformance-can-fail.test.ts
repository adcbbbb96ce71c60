import { ConformanceFailure, transportConformance } from '@heliokit/core/testing'
import { expect, test } from 'vitest'
import { memoryTransport } from '../src/index.ts'

const content = new Uint8Array(100_000).map((_, i) => (i * 7) % 253)
const url = 'mem://archive/file.bin'
const good = () => memoryTransport({ [url]: content })

/** Runs the whole suite against `create`; the names of the tests that fail, each with a ConformanceFailure. */
async function failures(create: () => ReturnType<typeof good>): Promise<string[]> {
  const tests = new Map<string, () => Promise<void>>()
  transportConformance((name, fn) => tests.set(name, fn), {
    create,
    url: () => url,
    missingUrl: () => 'mem://archive/missing.bin',
    content,
  })
  const failed: string[] = []
  for (const [name, run] of tests) {
    const error = await run().then(
      () => undefined,
      (e: unknown) => e,
    )
    if (error === undefined) continue
    expect(error, name).toBeInstanceOf(ConformanceFailure)
    failed.push(name)
  }
  return failed
}

test('the unbroken transport passes every test of the suite run this way', async () => {
  expect(await failures(good)).toEqual([])
})

test('a transport whose ranges are off by one fails the range tests', async () => {
  const offByOne = () => {
    const t = good()
    return { ...t, open: (u: URL, o = {}) => t.open(u, shift(o)) }
  }
  expect(await failures(offByOne)).toEqual([
    'open: reads an inclusive byte range',
    'open: reads an open-ended range to the end',
  ])
})

test('a transport that drops the signal fails the abort tests', async () => {
  const deaf = () => {
    const t = good()
    return {
      ...t,
      open: (u: URL, o: { signal?: AbortSignal } = {}) => t.open(u, { ...o, signal: undefined }),
    }
  }
  expect(await failures(deaf)).toEqual([
    'abort: an aborted signal fails open with ABORTED',
    'abort: aborting mid-body fails the read with ABORTED',
    'forEachChunk: when offered, aborting mid-body rejects with ABORTED',
  ])
})

test('a transport whose missing objects are plain errors fails the error test', async () => {
  const plain = () => {
    const t = good()
    return {
      ...t,
      stat: async (u: URL) => {
        if (u.href.endsWith('missing.bin')) throw new Error('no such object')
        return t.stat(u)
      },
    }
  }
  expect(await failures(plain)).toEqual(['errors: a missing resource is NOT_FOUND with no secrets'])
})

/** Options with the range moved one byte later. */
function shift<O extends { range?: { start: number; end?: number } }>(options: O): O {
  const { range } = options
  if (!range) return options
  return {
    ...options,
    range: { start: range.start + 1, end: range.end === undefined ? undefined : range.end + 1 },
  }
}
