import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../src/index.ts'
import { resolveRetry, retryDelay, sleep } from '../src/transport-kit/index.ts'

const policy = { limit: 3, baseDelayMs: 100, maxDelayMs: 1000 }

describe('resolveRetry', () => {
  it('fills what the policy leaves out from the fallback', () => {
    expect(resolveRetry({ limit: 5 }, policy)).toEqual({ ...policy, limit: 5 })
    expect(resolveRetry(undefined, policy)).toEqual(policy)
  })

  it.each([{ limit: -1 }, { limit: 1.5 }, { baseDelayMs: -1 }, { maxDelayMs: Number.NaN }])(
    'refuses %j with INVALID_INPUT',
    (bad) => {
      expect(() => resolveRetry(bad, policy)).toThrow(
        expect.objectContaining({ code: ErrorCode.INVALID_INPUT }),
      )
    },
  )
})

describe('retryDelay', () => {
  it('doubles per attempt with jitter in the upper half, capped by maxDelayMs (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, baseDelayMs, maxDelayMs, r) => {
          const full = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1))
          const delay = retryDelay({ limit: 3, baseDelayMs, maxDelayMs }, attempt, undefined, () => r)
          expect(delay).toBeGreaterThanOrEqual(full / 2)
          expect(delay).toBeLessThanOrEqual(full)
        },
      ),
    )
  })

  it('doubles per attempt with equal jitter, capped', () => {
    expect(retryDelay(policy, 1, undefined, () => 0)).toBe(50)
    expect(retryDelay(policy, 1, undefined, () => 1)).toBe(100)
    expect(retryDelay(policy, 3, undefined, () => 1)).toBe(400)
    expect(retryDelay(policy, 10, undefined, () => 1)).toBe(1000)
  })

  it("waits for the server's Retry-After when it is longer, within the cap", () => {
    expect(retryDelay(policy, 1, 700, () => 0)).toBe(700)
    expect(retryDelay(policy, 1, 10, () => 1)).toBe(100)
    expect(retryDelay(policy, 1, 60_000, () => 0)).toBe(1000)
  })
})

describe('sleep', () => {
  it('rejects with the signal reason as soon as it fires', async () => {
    const controller = new AbortController()
    const waiting = sleep(60_000, controller.signal)
    controller.abort(new Error('stop'))
    await expect(waiting).rejects.toThrow('stop')
    await expect(sleep(10, AbortSignal.abort(new Error('early')))).rejects.toThrow('early')
    await expect(sleep(1)).resolves.toBeUndefined()
  })
})
