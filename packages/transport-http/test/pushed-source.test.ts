import { describe, expect, it } from 'vitest'
import { pushedSource } from '../src/pushed-source.ts'

function flowLog() {
  const log: string[] = []
  return {
    log,
    flow: {
      pause: () => log.push('pause'),
      resume: () => log.push('resume'),
      cancel: (reason: unknown) => log.push(`cancel:${String(reason)}`),
    },
  }
}

describe('pushedSource', () => {
  it('gives each lent chunk back once its handler is done with it, or once it is dropped', async () => {
    const { flow } = flowLog()
    const source = pushedSource(flow)
    const given: number[] = []
    const lend = (n: number): void => source.push(Uint8Array.of(n), () => given.push(n))
    lend(1)
    let finish!: () => void
    const done = source.pump((chunk) => {
      if (chunk[0] === 2) return new Promise<void>((resolve) => (finish = resolve))
    })
    expect(given).toEqual([1])
    lend(2)
    lend(3)
    // 2 is still held by its handler, 3 waits behind it
    expect(given).toEqual([1])
    finish()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(given).toEqual([1, 2, 3])
    lend(4)
    source.cancel(new Error('stop'))
    lend(5)
    await expect(done).rejects.toThrow('stop')
    expect(given).toEqual([1, 2, 3, 4, 5])
  })

  it('lets a handler keep a chunk past its return without holding the next one back', async () => {
    const { flow } = flowLog()
    const source = pushedSource(flow)
    const given: number[] = []
    const lend = (n: number): void => source.push(Uint8Array.of(n), () => given.push(n))
    const releases: (() => void)[] = []
    const seen: number[] = []
    const done = source.pump((chunk, keep) => {
      seen.push(chunk[0]!)
      if (chunk[0] !== 3 && keep) releases.push(keep())
    })
    lend(1)
    lend(2)
    lend(3)
    source.end()
    await done
    // 1 and 2 are kept: only 3 went back when its handler returned, and nothing waited for 1 or 2
    expect(seen).toEqual([1, 2, 3])
    expect(given).toEqual([3])
    releases[1]!()
    releases[0]!()
    expect(given).toEqual([3, 2, 1])
  })

  it('holds up to 1 MiB for a reader that has not started before pausing the producer', async () => {
    const { log, flow } = flowLog()
    const source = pushedSource(flow)
    for (let i = 0; i < 15; i++) source.push(new Uint8Array(65_536))
    expect(log).toEqual([])
    source.push(new Uint8Array(65_536))
    expect(log).toEqual(['pause'])
    source.end()
    let bytes = 0
    await source.pump((chunk) => {
      bytes += chunk.length
    })
    expect(bytes).toBe(16 * 65_536)
  })

  it('reads on while the handler is busy, pausing past 1 MiB and resuming once half is taken', async () => {
    const { log, flow } = flowLog()
    const source = pushedSource(flow)
    const waiting: (() => void)[] = []
    let seen = 0
    const done = source.pump(() => {
      seen++
      return new Promise<void>((resolve) => waiting.push(resolve))
    })
    const next = async (): Promise<void> => {
      waiting.shift()?.()
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    // The first chunk goes to the busy handler; 15 more (960 KiB) wait without pausing the producer.
    for (let i = 0; i < 16; i++) source.push(new Uint8Array(65_536))
    expect(seen).toBe(1)
    expect(log).toEqual([])
    source.push(new Uint8Array(65_536))
    expect(log).toEqual(['pause'])
    // 1 MiB waits: the producer resumes once at most 512 KiB do.
    for (let i = 0; i < 7; i++) await next()
    expect(log).toEqual(['pause'])
    await next()
    expect(log).toEqual(['pause', 'resume'])
    source.end()
    while (waiting.length > 0) await next()
    await done
    expect(seen).toBe(17)
  })

  it('counts a lent chunk as the whole buffer it pins, so small reads pause the producer early', async () => {
    const { log, flow } = flowLog()
    const source = pushedSource(flow)
    // Four 100-byte reads, each lent from a 256 KiB buffer of its own: 1 MiB pinned.
    const lent = (): Uint8Array => new Uint8Array(new ArrayBuffer(256 * 1024), 0, 100)
    for (let i = 0; i < 3; i++) source.push(lent(), () => {})
    expect(log).toEqual([])
    source.push(lent(), () => {})
    expect(log).toEqual(['pause'])
    source.end()
    let bytes = 0
    await source.pump((chunk) => {
      bytes += chunk.length
    })
    expect(bytes).toBe(400)
  })

  it('rejects with the handler error and cancels the producer', async () => {
    const { log, flow } = flowLog()
    const source = pushedSource(flow)
    const mine = new Error('mine')
    const done = source.pump(() => {
      throw mine
    })
    source.push(Uint8Array.of(1))
    await expect(done).rejects.toBe(mine)
    expect(log).toContain('cancel:Error: mine')
  })

  it('reports a failure that came before the reader, and can be read only once', async () => {
    const failed = pushedSource(flowLog().flow)
    failed.fail(new TypeError('terminated'))
    await expect(failed.pump(() => {})).rejects.toThrow('terminated')
    const once = pushedSource(flowLog().flow)
    once.end()
    await once.pump(() => {})
    await expect(once.pump(() => {})).rejects.toThrow(/only once/)
  })
})
