import { progressRatio } from '@heliokit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

describe('progressRatio', () => {
  it.each([
    [0, 10, 0],
    [5, 10, 0.5],
    [10, 10, 1],
    [15, 10, 1],
    [0, 0, 1],
  ])('%d of %d is %d', (done, total, ratio) => {
    expect(progressRatio(done, total)).toBe(ratio)
  })

  it('is undefined when the total is unknown', () => {
    expect(progressRatio(5, undefined)).toBeUndefined()
  })

  it('stays within [0, 1] and grows with the amount done', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), (a, b, total) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        const rLo = progressRatio(lo, total)!
        const rHi = progressRatio(hi, total)!
        expect(rLo).toBeGreaterThanOrEqual(0)
        expect(rHi).toBeLessThanOrEqual(1)
        expect(rLo).toBeLessThanOrEqual(rHi)
      }),
    )
  })
})
