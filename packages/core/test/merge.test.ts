import { mergeAsync } from '@heliokit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { collect } from './helpers/collect.ts'
import { gate } from './helpers/gate.ts'

async function* items<T>(values: readonly T[], pauses: readonly number[] = []): AsyncGenerator<T> {
  for (const [i, value] of values.entries()) {
    for (let p = 0; p < (pauses[i] ?? 0); p++) await Promise.resolve()
    yield value
  }
}

describe('mergeAsync', () => {
  it('ends at once with no sources', async () => {
    expect(await collect(() => mergeAsync([]))).toEqual([])
  })

  it('yields every item of every source, each source in its own order', async () => {
    const sources = fc.array(fc.array(fc.tuple(fc.nat({ max: 20 }), fc.nat({ max: 5 })), { maxLength: 15 }), {
      maxLength: 6,
    })
    await fc.assert(
      fc.asyncProperty(sources, async (spec) => {
        const tagged = spec.map((source, s) => source.map(([value], i) => ({ s, i, value })))
        const merged = await collect(() =>
          mergeAsync(
            tagged.map((source, s) =>
              items(
                source,
                spec[s]!.map(([, pause]) => pause),
              ),
            ),
          ),
        )
        expect(merged).toHaveLength(tagged.flat().length)
        tagged.forEach((source, s) => {
          expect(merged.filter((m) => m.s === s)).toEqual(source)
        })
      }),
    )
  })

  it('yields an item as soon as its source has it', async () => {
    const second = gate()
    async function* slow() {
      await second.promise
      yield 'slow'
    }
    async function* fast() {
      yield 'fast-1'
      second.open()
      yield 'fast-2'
    }
    // `slow` is listed first; draining the sources in order would never reach `fast`.
    const merged = await collect(() => mergeAsync([slow(), fast()]))
    expect(merged[0]).toBe('fast-1')
    expect([...merged].sort()).toEqual(['fast-1', 'fast-2', 'slow'])
  })

  it('rethrows a source’s error and closes the other sources', async () => {
    const closed: string[] = []
    const release = gate()
    async function* waiting() {
      try {
        yield 'w1'
        await release.promise
        yield 'w2'
      } finally {
        closed.push('waiting')
      }
    }
    async function* failing() {
      yield 'f1'
      // Closing waits for the other source's pending step, so let that step finish.
      release.open()
      throw new Error('source failed')
    }
    const error = await collect(() => mergeAsync([waiting(), failing()])).catch((e: unknown) => e)
    expect((error as Error).message).toBe('source failed')
    expect(closed).toEqual(['waiting'])
  })

  it('closes every source when the consumer stops early', async () => {
    const closed: number[] = []
    async function* endless(n: number) {
      try {
        for (;;) yield n
      } finally {
        closed.push(n)
      }
    }
    let count = 0
    for await (const _ of mergeAsync([endless(1), endless(2), endless(3)])) {
      if (++count === 10) break
    }
    expect(closed.sort()).toEqual([1, 2, 3])
  })

  it('accepts iterators without a return method', async () => {
    let i = 0
    const bare: AsyncIterable<number> = {
      [Symbol.asyncIterator]: () => ({ next: async () => ({ done: false, value: i++ }) }),
    }
    const seen: number[] = []
    for await (const value of mergeAsync([bare])) {
      seen.push(value)
      if (seen.length === 3) break
    }
    expect(seen).toEqual([0, 1, 2])
  })
})
