import { describe, expect, it } from 'vitest'
import { parseRateLimitReset, parseRetryAfter } from '../src/retry-after.ts'

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
