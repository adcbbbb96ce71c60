import { describe, expect, test } from 'vitest'
import type { Transport } from '../src/index.ts'
import { ConformanceFailure, transportConformance } from '../src/testing/index.ts'
import { memoryTransport } from './support/memory-transport.ts'

const content = new Uint8Array(100_000).map((_, i) => (i * 31) % 251)
const objects = new Map([['/data.bin', content]])
const options = { url: () => 'mem:/data.bin', missingUrl: () => 'mem:/missing.bin', content }

transportConformance(test, { ...options, create: () => memoryTransport(objects) })

/** The memory transport with a `forEachChunk` read from its body; `skip` drops every nth chunk. */
function withChunks(transport: Transport, skip = 0): Transport {
  return {
    ...transport,
    async open(url, o) {
      const opened = await transport.open(url, o)
      return {
        ...opened,
        async forEachChunk(onChunk) {
          let n = 0
          for await (const chunk of opened.body as unknown as AsyncIterable<Uint8Array>) {
            if (skip && ++n % skip === 0) continue
            await onChunk(chunk)
          }
        },
      }
    },
  }
}

/**
 * The memory transport with a `forEachChunk` that reuses one buffer for every chunk and reads on while
 * a handler still holds the last one.
 */
function withReusedBuffer(transport: Transport): Transport {
  return {
    ...transport,
    async open(url, o) {
      const opened = await transport.open(url, o)
      return {
        ...opened,
        async forEachChunk(onChunk) {
          const shared = new Uint8Array(4096)
          const held: (void | Promise<void>)[] = []
          for await (const chunk of opened.body as unknown as AsyncIterable<Uint8Array>) {
            for (let at = 0; at < chunk.length; at += shared.length) {
              const piece = chunk.subarray(at, at + shared.length)
              shared.set(piece)
              held.push(onChunk(shared.subarray(0, piece.length)))
            }
          }
          await Promise.all(held)
        },
      }
    },
  }
}

describe('with forEachChunk', () => {
  transportConformance(test, { ...options, create: () => withChunks(memoryTransport(objects)) })
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
    const lossy = withChunks(memoryTransport(objects), 3)
    const name = 'forEachChunk: when offered, hands over the same bytes as body, in order'
    expect(await run(lossy, name)).toBeInstanceOf(ConformanceFailure)
    const good = memoryTransport(objects)
    const deaf = withChunks({ ...good, open: (url, o) => good.open(url, { ...o, signal: undefined }) })
    expect(
      await run(deaf, 'forEachChunk: when offered, aborting mid-body rejects with ABORTED'),
    ).toBeInstanceOf(ConformanceFailure)
  })

  test('a transport that reads into a chunk its handler still holds', async () => {
    const reusing = withReusedBuffer(memoryTransport(objects))
    const name = 'forEachChunk: when offered, hands over the same bytes as body, in order'
    expect(String(await run(reusing, name))).toMatch(/a chunk changed while its handler still held it/)
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
