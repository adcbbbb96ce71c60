import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { VERSION } from '../src/index.ts'
import {
  backoffDelay,
  defaultRetry,
  parseRateLimitReset,
  parseRetryAfter,
  resolveRetry,
  retriesFor,
} from '../src/retry.ts'

describe('backoffDelay', () => {
  it('doubles per attempt with jitter in the upper half, capped by maxDelayMs (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, baseDelayMs, maxDelayMs, r) => {
          const full = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1))
          const delay = backoffDelay(attempt, { limit: 3, baseDelayMs, maxDelayMs }, () => r)
          expect(delay).toBeGreaterThanOrEqual(full / 2)
          expect(delay).toBeLessThanOrEqual(full)
        },
      ),
    )
  })

  it('differs between attempts with the same random draw', () => {
    const policy = { limit: 3, baseDelayMs: 100, maxDelayMs: 10_000 }
    expect([1, 2, 3].map((a) => backoffDelay(a, policy, () => 0))).toEqual([50, 100, 200])
  })
})

describe('parseRetryAfter', () => {
  const now = Date.UTC(2024, 5, 1, 12, 0, 0)
  it.each<[string | null, number | undefined]>([
    ['1', 1000],
    ['120', 120_000],
    [' 3 ', 3000],
    ['Sat, 01 Jun 2024 12:00:05 GMT', 5000],
    ['Sat, 01 Jun 2024 11:59:00 GMT', 0],
    ['soon', undefined],
    ['-1', undefined],
    ['1.5', undefined],
    [null, undefined],
  ])('%s -> %s ms', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms)
  })
})

describe('parseRateLimitReset', () => {
  const now = Date.UTC(2024, 5, 1, 12, 0, 0)
  it.each<[Record<string, string>, number | undefined]>([
    [{ 'ratelimit-reset': '30' }, 30_000],
    [{ ratelimit: 'limit=100, remaining=0, reset=12' }, 12_000],
    [{ 'x-ratelimit-reset': String(now / 1000 + 45) }, 45_000],
    [{ 'x-ratelimit-reset': String(now / 1000 - 5) }, 0],
    [{ 'x-ratelimit-reset': '2.5' }, undefined],
    [{ 'x-ratelimit-remaining': '0' }, undefined],
  ])('%o -> %s ms', (fields, ms) => {
    expect(parseRateLimitReset(new Headers(fields), now)).toBe(ms)
  })
})

describe('retry policy', () => {
  it('retries POST and PATCH only when marked idempotent', () => {
    expect(retriesFor('GET', 2, undefined)).toBe(2)
    expect(retriesFor('DELETE', 2, undefined)).toBe(2)
    expect(retriesFor('POST', 2, undefined)).toBe(0)
    expect(retriesFor('PATCH', 2, false)).toBe(0)
    expect(retriesFor('POST', 2, true)).toBe(2)
  })

  it('fills defaults and rejects negative limits', () => {
    expect(resolveRetry({ limit: 5, maxDelayMs: undefined }, defaultRetry)).toEqual({
      ...defaultRetry,
      limit: 5,
    })
    expect(() => resolveRetry({ limit: -1 }, defaultRetry)).toThrow(/retry.limit/)
    expect(() => resolveRetry({ baseDelayMs: Number.NaN }, defaultRetry)).toThrow(/baseDelayMs/)
  })
})

describe('VERSION', () => {
  it("equals package.json's version", () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    expect(VERSION).toBe(pkg.version)
  })
})
