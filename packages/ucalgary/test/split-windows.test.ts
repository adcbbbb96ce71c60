import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { FILE_SPAN_MS } from '../src/listing/file-span.ts'
import { halveWindow, LISTING_WINDOW_MS, splitWindows } from '../src/listing/split-windows.ts'

const t = (iso: string): Date => new Date(`${iso}Z`)
const DAY = 86_400_000

describe('splitWindows', () => {
  test('splits a week of a 1min dataset into calendar days, end inclusive', () => {
    const windows = splitWindows({ start: t('2022-01-01T06:00:00'), end: t('2022-01-07T05:59:00') }, DAY)
    expect(windows.map((w) => [w.start.toISOString(), w.end.toISOString()])).toEqual([
      ['2022-01-01T06:00:00.000Z', '2022-01-01T23:59:59.000Z'],
      ...[2, 3, 4, 5, 6].map((d) => [`2022-01-0${d}T00:00:00.000Z`, `2022-01-0${d}T23:59:59.000Z`]),
      ['2022-01-07T00:00:00.000Z', '2022-01-07T05:59:00.000Z'],
    ])
  })

  test('keeps a range inside one window whole, and a single instant as one window', () => {
    const hour = { start: t('2022-01-01T06:00'), end: t('2022-01-01T06:59') }
    expect(splitWindows(hour, DAY)).toEqual([hour])
    const instant = { start: t('2022-01-01T06:00'), end: t('2022-01-01T06:00') }
    expect(splitWindows(instant, DAY)).toEqual([instant])
    expect(splitWindows(hour, undefined)).toEqual([hour])
  })

  const resolutions = ['1min', '1hr', '1day'] as const
  test.each(resolutions)(
    '%s: every file lands in exactly one window, each within the limit',
    (resolution) => {
      const step = FILE_SPAN_MS[resolution]!
      const limit = LISTING_WINDOW_MS[resolution]!
      const origin = Date.UTC(2020, 0, 1)
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 800 * DAY }),
          fc.integer({ min: 0, max: 40 * limit }),
          (offset, length) => {
            const start = new Date(origin + offset)
            const end = new Date(start.getTime() + Math.min(length, 4000 * step))
            const windows = splitWindows({ start, end }, limit)
            expect(windows[0]!.start).toEqual(start)
            expect(windows.at(-1)!.end).toEqual(end)
            for (const [i, w] of windows.entries()) {
              expect(w.end.getTime() - w.start.getTime()).toBeLessThan(limit)
              if (i > 0) expect(w.start.getTime()).toBe(windows[i - 1]!.end.getTime() + 1000)
            }
            // A file [f, f + step) is listed by a window [s, e] when it overlaps it (the server's rule).
            for (let f = Math.floor(start.getTime() / step) * step; f <= end.getTime(); f += step * 97) {
              const hits = windows.filter((w) => f <= w.end.getTime() && f + step > w.start.getTime())
              expect(hits).toHaveLength(1)
            }
          },
        ),
        { numRuns: 200 },
      )
    },
  )
})

describe('halveWindow', () => {
  test('halves a day at a minute boundary with no gap', () => {
    const halves = halveWindow({ start: t('2022-01-01T00:00:00'), end: t('2022-01-01T23:59:59') }, '1min')!
    expect(halves.map((w) => [w.start.toISOString(), w.end.toISOString()])).toEqual([
      ['2022-01-01T00:00:00.000Z', '2022-01-01T11:58:59.000Z'],
      ['2022-01-01T11:59:00.000Z', '2022-01-01T23:59:59.000Z'],
    ])
  })

  test('falls back to whole seconds below two file spans, and gives up at one second', () => {
    const halves = halveWindow({ start: t('2022-01-01T06:00:00'), end: t('2022-01-01T06:00:59') }, '1min')!
    expect(halves[0].end.getTime() + 1000).toBe(halves[1].start.getTime())
    expect(
      halveWindow({ start: t('2022-01-01T06:00:00'), end: t('2022-01-01T06:00:00') }, '1min'),
    ).toBeUndefined()
  })

  test('always yields two non-empty adjacent halves', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 * 86_400 }),
        fc.integer({ min: 1, max: 400 * 86_400 }),
        fc.constantFrom('1min', '1hr', '1day', 'not_applicable', 'weird'),
        (offset, length, resolution) => {
          const start = new Date(Date.UTC(2021, 0, 1) + offset * 1000)
          const window = { start, end: new Date(start.getTime() + length * 1000) }
          const halves = halveWindow(window, resolution)!
          expect(halves[0].start).toEqual(window.start)
          expect(halves[1].end).toEqual(window.end)
          expect(halves[0].end.getTime()).toBeGreaterThanOrEqual(halves[0].start.getTime())
          expect(halves[1].start.getTime()).toBe(halves[0].end.getTime() + 1000)
          expect(halves[1].start.getTime()).toBeLessThanOrEqual(window.end.getTime())
        },
      ),
    )
  })
})
