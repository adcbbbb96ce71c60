import { describe, expect, test } from 'vitest'
import { type HeliokitError, NotFoundError, type Outcome, outcomeValues } from '../src/index.ts'

async function* outcomes(): AsyncGenerator<Outcome<number>> {
  yield { ok: true, provider: 'a', value: 1 }
  yield { ok: false, provider: 'b', error: new NotFoundError('gone', { provider: 'b' }) }
  yield { ok: true, provider: 'a', value: 2 }
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const v of it) out.push(v)
  return out
}

describe('outcomeValues', () => {
  test('yields the values and hands each failure to onError', async () => {
    const errors: [string, string][] = []
    const values = await collect(outcomeValues(outcomes(), (e: HeliokitError, p) => errors.push([p, e.code])))
    expect(values).toEqual([1, 2])
    expect(errors).toEqual([['b', 'NOT_FOUND']])
  })

  test('throws the first failure when no onError is given', async () => {
    const seen: number[] = []
    await expect(async () => {
      for await (const v of outcomeValues(outcomes())) seen.push(v)
    }).rejects.toMatchObject({ code: 'NOT_FOUND', provider: 'b' })
    expect(seen).toEqual([1])
  })
})
