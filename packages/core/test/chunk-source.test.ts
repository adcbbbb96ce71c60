import { describe, expect, it } from 'vitest'
import { readStream } from '../src/testing/index.ts'
import { type ChunkSource, SourceResource, sourceStream, webSource } from '../src/transport-kit/index.ts'

const bytesStream = (...chunks: number[][]): ReadableStream<Uint8Array> =>
  new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(Uint8Array.from(chunk))
      controller.close()
    },
  })

describe('sourceStream', () => {
  it('reads nothing until the stream is read, so the source can still be pumped instead', async () => {
    const source = webSource(bytesStream([1, 2], [3]))
    const stream = sourceStream(source)
    await new Promise((resolve) => setTimeout(resolve, 10))
    const got: number[] = []
    await source.pump((chunk) => {
      got.push(...chunk)
    })
    expect(got).toEqual([1, 2, 3])
    expect(stream.locked).toBe(false)
  })

  it("hands the source's chunks to the reader, with backpressure from the reader", async () => {
    let delivered = 0
    const counting: ChunkSource = {
      async pump(onChunk) {
        for (const pair of [
          [1, 2],
          [3, 4],
          [5, 6],
        ]) {
          delivered++
          await onChunk(Uint8Array.from(pair))
        }
      },
      cancel() {},
    }
    const reader = sourceStream(counting).getReader()
    const first = (await reader.read()).value
    // nothing read ahead of the reader
    expect(delivered).toBe(1)
    const second = (await reader.read()).value
    expect(delivered).toBe(2)
    expect([Array.from(first ?? []), Array.from(second ?? [])]).toEqual([
      [1, 2],
      [3, 4],
    ])
    reader.releaseLock()
    expect(Array.from(await readStream(sourceStream(webSource(bytesStream([7], [8])))))).toEqual([7, 8])
  })
})

describe('SourceResource', () => {
  const info = { size: 10, length: 3, range: { start: 7, end: 9 }, etag: '"e"', contentType: 'x/y' }

  it('tells what it was given and reads the source through a detached forEachChunk', async () => {
    const opened = new SourceResource(webSource(bytesStream([1, 2], [3])), info)
    expect({ ...opened, forEachChunk: undefined }).toEqual({ ...info, forEachChunk: undefined })
    const { forEachChunk } = opened
    const got: number[] = []
    await forEachChunk((chunk) => {
      got.push(...chunk)
    })
    expect(got).toEqual([1, 2, 3])
  })

  it('makes its body once, only when asked for', async () => {
    const opened = new SourceResource(webSource(bytesStream([4], [5, 6])), {})
    expect(opened.body).toBe(opened.body)
    expect([...(await readStream(opened.body))]).toEqual([4, 5, 6])
  })
})
