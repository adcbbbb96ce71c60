import { describe, expect, it } from 'vitest'
import { type ChunkSource, SourceResource, sourceStream, webSource } from '../src/index.ts'
import { readStream } from '../src/testing/index.ts'

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

  it('gives copies of the lent chunks, with backpressure from the reader', async () => {
    const shared = new Uint8Array(2)
    let delivered = 0
    const reusing: ChunkSource = {
      async pump(onChunk) {
        for (const pair of [
          [1, 2],
          [3, 4],
          [5, 6],
        ]) {
          shared.set(pair)
          delivered++
          await onChunk(shared)
        }
      },
      cancel() {},
    }
    const reader = sourceStream(reusing).getReader()
    const first = (await reader.read()).value
    // nothing read ahead of the reader
    expect(delivered).toBe(1)
    const second = (await reader.read()).value
    expect(delivered).toBe(2)
    // the first chunk is a copy: the source has since written [3, 4] into its buffer
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
