import { describe, expect, it } from 'vitest'
import { AbortedError, InternalError, NetworkError, type Progress, TimeoutError } from '../src/index.ts'
import { type ChunkSource, type MeterOptions, meteredSource, webSource } from '../src/transport-kit/index.ts'

/** A body of `chunks`, then `end` (done, an error, or never). */
function bodyOf(chunks: Uint8Array[], end: 'done' | Error | 'hang' = 'done'): ChunkSource {
  return webSource(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk)
        if (end === 'done') controller.close()
        else if (end instanceof Error) controller.error(end)
      },
    }),
  )
}

const errors: Pick<MeterOptions, 'short' | 'failed'> = {
  short: (received, length) => new NetworkError(`short: ${received} of ${length}`),
  failed: (error) =>
    error instanceof DOMException && error.name === 'AbortError'
      ? new AbortedError('aborted')
      : new InternalError(`failed: ${String(error)}`),
}

describe('meteredSource', () => {
  it('hands the chunks on with progress up to the length', async () => {
    const seen: Progress[] = []
    const source = meteredSource(bodyOf([Uint8Array.of(1, 2), Uint8Array.of(3)]), {
      ...errors,
      length: 3,
      onProgress: (p) => seen.push(p),
    })
    const got: number[] = []
    await source.pump((chunk) => {
      got.push(...chunk)
    })
    expect(got).toEqual([1, 2, 3])
    expect(seen).toEqual([
      { transferredBytes: 2, totalBytes: 3 },
      { transferredBytes: 3, totalBytes: 3 },
    ])
  })

  it('types a short body, a failed read and an abort, and passes the handler its own error', async () => {
    const pump = (source: ChunkSource, onChunk = (): void => {}) => source.pump(onChunk)
    await expect(pump(meteredSource(bodyOf([Uint8Array.of(1)]), { ...errors, length: 2 }))).rejects.toThrow(
      'short: 1 of 2',
    )
    const broken = meteredSource(bodyOf([], new Error('reset')), { ...errors, length: undefined })
    await expect(pump(broken)).rejects.toThrow('failed: Error: reset')
    const controller = new AbortController()
    const aborted = meteredSource(bodyOf([Uint8Array.of(1)], 'hang'), {
      ...errors,
      length: undefined,
      signal: controller.signal,
    })
    await expect(pump(aborted, () => controller.abort())).rejects.toBeInstanceOf(AbortedError)
    const mine = new Error('disk full')
    const throwing = meteredSource(bodyOf([Uint8Array.of(1)]), { ...errors, length: 1 })
    await expect(
      pump(throwing, () => {
        throw mine
      }),
    ).rejects.toBe(mine)
  })

  it('fails a body that stalls, but not while the handler holds a chunk', async () => {
    const idle = { ms: 30, error: (received: number) => new TimeoutError(`stalled after ${received}`) }
    const slowHandler = meteredSource(bodyOf([Uint8Array.of(1), Uint8Array.of(2)]), {
      ...errors,
      length: 2,
      idle,
    })
    await slowHandler.pump(() => new Promise((resolve) => setTimeout(resolve, 80)))
    const stalled = meteredSource(bodyOf([Uint8Array.of(1)], 'hang'), { ...errors, length: 2, idle })
    await expect(stalled.pump(() => {})).rejects.toThrow('stalled after 1')
  })
})
