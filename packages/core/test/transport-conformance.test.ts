import { describe, expect, test } from 'vitest'
import type { ChunkHandler, Transport } from '../src/index.ts'
import { ConformanceFailure, transportConformance } from '../src/testing/index.ts'
import { memoryTransport } from './helpers/memory-transport.ts'

const content = new Uint8Array(100_000).map((_, i) => (i * 31) % 251)
const objects = new Map([['/data.bin', content]])
const options = { url: () => 'mem:/data.bin', missingUrl: () => 'mem:/missing.bin', content }

transportConformance(test, { ...options, create: () => memoryTransport(objects) })

type ChunkReader = (body: AsyncIterable<Uint8Array>, onChunk: ChunkHandler) => Promise<void>

/** The memory transport with a `forEachChunk` that `read`s its body. */
function withForEachChunk(transport: Transport, read: ChunkReader): Transport {
  return {
    ...transport,
    async open(url, o) {
      const opened = await transport.open(url, o)
      const body = opened.body as unknown as AsyncIterable<Uint8Array>
      return { ...opened, forEachChunk: (onChunk) => read(body, onChunk) }
    },
  }
}

/** Every chunk in order, one at a time; `skip` drops every nth. */
const inOrder =
  (skip = 0): ChunkReader =>
  async (body, onChunk) => {
    let n = 0
    for await (const chunk of body) {
      if (skip && ++n % skip === 0) continue
      await onChunk(chunk)
    }
  }

/** Reuses one buffer for every chunk and reads on while a handler still holds the last one. */
const intoOneBuffer = (): ChunkReader => async (body, onChunk) => {
  const shared = new Uint8Array(4096)
  const held: (void | Promise<void>)[] = []
  for await (const chunk of body) {
    for (let at = 0; at < chunk.length; at += shared.length) {
      const piece = chunk.subarray(at, at + shared.length)
      shared.set(piece)
      held.push(onChunk(shared.subarray(0, piece.length)))
    }
  }
  await Promise.all(held)
}

describe('with forEachChunk', () => {
  transportConformance(test, {
    ...options,
    create: () => withForEachChunk(memoryTransport(objects), inOrder()),
  })
})

describe('the transport conformance suite fails broken transports', () => {
  const run = async (transport: Transport, name: string): Promise<unknown> => {
    const tests = new Map<string, () => Promise<void>>()
    transportConformance((n, fn) => tests.set(n, fn), { ...options, create: () => transport })
    expect(tests.has(name), name).toBe(true)
    return tests.get(name)!().then(
      () => undefined,
      (e: unknown) => e,
    )
  }

  test('a transport that ignores ranges', async () => {
    const good = memoryTransport(objects)
    const ignoring: Transport = { ...good, open: (url, o) => good.open(url, { ...o, range: undefined }) }
    expect(await run(ignoring, 'open: reads an inclusive byte range')).toBeInstanceOf(ConformanceFailure)
  })

  test('a transport that ignores abort', async () => {
    const good = memoryTransport(objects)
    const deaf: Transport = { ...good, open: (url, o) => good.open(url, { ...o, signal: undefined }) }
    expect(await run(deaf, 'abort: an aborted signal fails open with ABORTED')).toBeInstanceOf(
      ConformanceFailure,
    )
    expect(await run(deaf, 'abort: aborting mid-body fails the read with ABORTED')).toBeInstanceOf(
      ConformanceFailure,
    )
  })

  test('a transport whose forEachChunk loses chunks or ignores abort', async () => {
    const lossy = withForEachChunk(memoryTransport(objects), inOrder(3))
    const name = 'forEachChunk: when offered, hands over the same bytes as body, in order'
    expect(await run(lossy, name)).toBeInstanceOf(ConformanceFailure)
    const good = memoryTransport(objects)
    const deaf = withForEachChunk(
      { ...good, open: (url, o) => good.open(url, { ...o, signal: undefined }) },
      inOrder(),
    )
    expect(
      await run(deaf, 'forEachChunk: when offered, aborting mid-body rejects with ABORTED'),
    ).toBeInstanceOf(ConformanceFailure)
  })

  test('a transport that reads again into a chunk it handed over', async () => {
    const reusing = withForEachChunk(memoryTransport(objects), intoOneBuffer())
    const name = 'forEachChunk: when offered, hands over the same bytes as body, in order'
    expect(String(await run(reusing, name))).toMatch(/forEachChunk bytes differ/)
  })

  test('a transport whose missing resources are plain errors', async () => {
    const plain: Transport = {
      ...memoryTransport(objects),
      stat: async () => {
        throw new Error('404')
      },
    }
    expect(String(await run(plain, 'errors: a missing resource is NOT_FOUND with no secrets'))).toMatch(
      /HeliokitError/,
    )
  })
})
