import {
  formatUtc,
  InvalidInputError,
  isHeliokitError,
  parseTime,
  parseTimeRange,
  splitTimeRange,
} from '@heliokit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

// The years an ISO 8601 time without an expanded (+/-YYYYYY) year can name.
const isoDates = fc.date({
  min: new Date('0000-01-01T00:00:00.000Z'),
  max: new Date('9999-12-31T23:59:59.999Z'),
  noInvalidDate: true,
})

function invalidInput(run: () => unknown): InvalidInputError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError)
    return error as InvalidInputError
  }
  throw new Error('expected INVALID_INPUT, nothing was thrown')
}

describe('parseTime', () => {
  it.each([
    ['2022-02-28', '2022-02-28T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2022-02-28T13:45', '2022-02-28T13:45:00.000Z'],
    ['2022-02-28 13:45', '2022-02-28T13:45:00.000Z'],
    ['2022-02-28T13:45:07', '2022-02-28T13:45:07.000Z'],
    ['2022-02-28T13:45:07Z', '2022-02-28T13:45:07.000Z'],
    ['2022-02-28t13:45:07z', '2022-02-28T13:45:07.000Z'],
    ['2022-02-28T13:45:07.5', '2022-02-28T13:45:07.500Z'],
    ['2022-02-28T13:45:07,25Z', '2022-02-28T13:45:07.250Z'],
    ['2022-02-28T13:45:07.123Z', '2022-02-28T13:45:07.123Z'],
    ['2022-02-28T13:45:07.123456789Z', '2022-02-28T13:45:07.123Z'],
    ['2022-02-28T13:45:07+02:00', '2022-02-28T11:45:07.000Z'],
    ['2022-02-28T13:45:07-0530', '2022-02-28T19:15:07.000Z'],
    ['2022-02-28T00:30+01:00', '2022-02-27T23:30:00.000Z'],
    ['2022-12-31T23:59:59.999-00:01', '2023-01-01T00:00:59.999Z'],
    ['  2022-02-28T13:45Z  ', '2022-02-28T13:45:00.000Z'],
    ['0050-06-15', '0050-06-15T00:00:00.000Z'],
    ['0000-01-01T00:00Z', '0000-01-01T00:00:00.000Z'],
  ])('reads %o as %s (UTC unless an offset is given)', (input, expected) => {
    expect(parseTime(input).toISOString()).toBe(expected)
  })

  it('accepts a Date and returns a copy', () => {
    const input = new Date('2020-05-06T07:08:09.010Z')
    const output = parseTime(input)
    expect(output.getTime()).toBe(input.getTime())
    expect(output).not.toBe(input)
  })

  it.each([
    ['2022-02-30'],
    ['2023-02-29'],
    ['2022-13-01'],
    ['2022-00-10'],
    ['2022-04-31'],
    ['2022-01-01T24:00'],
    ['2022-01-01T23:60'],
    ['2022-01-01T23:59:60'],
    ['2022-01-01T00:00+24:00'],
    ['2022-01-01T00:00+01:60'],
    ['2022-01-01T00:00:00.1234567890Z'],
    ['2022-1-01'],
    ['22-01-01'],
    ['20220101'],
    ['2022-01-01T'],
    ['2022-01-01T1:00'],
    ['2022-01-01T00:00Zjunk'],
    ['+012022-01-01'],
    ['yesterday'],
    ['now'],
    [''],
    ['   '],
    ['Tue, 01 Feb 2022 00:00:00 GMT'],
  ])('rejects %o with INVALID_INPUT', (input) => {
    const error = invalidInput(() => parseTime(input, 'query.start'))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toContain('query.start')
    expect(error.issues).toEqual([{ path: 'query.start', message: expect.any(String) }])
  })

  it.each([
    ['a number', 1_650_000_000_000],
    ['null', null],
    ['undefined', undefined],
    ['an object', { year: 2022 }],
    ['an invalid Date', new Date(Number.NaN)],
  ])('rejects %s with INVALID_INPUT naming the field', (_, input) => {
    const error = invalidInput(() => parseTime(input as never, 'end'))
    expect(error.issues[0]?.path).toBe('end')
  })

  it('names the field "time" by default', () => {
    expect(invalidInput(() => parseTime('nope')).issues[0]?.path).toBe('time')
  })

  it('does not echo a huge input in its message', () => {
    const error = invalidInput(() => parseTime(`x${'y'.repeat(10_000)}`))
    expect(error.message.length).toBeLessThan(300)
  })

  it.each([
    ['digits', '9'.repeat(1_000_000)],
    ['a valid prefix and a long fraction', `2022-01-01T00:00:00.${'1'.repeat(1_000_000)}`],
    ['a valid time padded with spaces inside', `2022-01-01${' '.repeat(1_000_000)}00:00`],
    ['repeated date fragments', '2022-01-01T'.repeat(100_000)],
    ['whitespace then garbage', `${' '.repeat(1_000_000)}x`],
  ])('rejects 1 MB of %s without catastrophic backtracking', (_, input) => {
    invalidInput(() => parseTime(input))
  })

  it('round-trips any Date through toISOString()', () => {
    fc.assert(
      fc.property(isoDates, (date) => {
        expect(parseTime(date.toISOString()).getTime()).toBe(date.getTime())
      }),
    )
  })

  it('round-trips any Date through formatUtc() at second precision', () => {
    fc.assert(
      fc.property(isoDates, (date) => {
        expect(parseTime(formatUtc(date)).getTime()).toBe(Math.floor(date.getTime() / 1000) * 1000)
      }),
    )
  })

  it('reads any local time with an explicit offset as the same instant', () => {
    // A day inside the ISO range on both sides, so the shifted local time stays four-digit.
    const inner = fc.date({
      min: new Date('0000-01-02T00:00:00.000Z'),
      max: new Date('9999-12-30T00:00:00.000Z'),
      noInvalidDate: true,
    })
    fc.assert(
      fc.property(
        inner,
        fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
        fc.boolean(),
        (date, offsetMinutes, colon) => {
          const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23)
          const abs = Math.abs(offsetMinutes)
          const hh = String(Math.floor(abs / 60)).padStart(2, '0')
          const mm = String(abs % 60).padStart(2, '0')
          const zone = `${offsetMinutes < 0 ? '-' : '+'}${hh}${colon ? ':' : ''}${mm}`
          expect(parseTime(`${local}${zone}`).getTime()).toBe(date.getTime())
        },
      ),
    )
  })

  it('never throws anything but INVALID_INPUT, whatever the string', () => {
    const isoish = isoDates.chain((date) =>
      fc
        .tuple(fc.nat({ max: 23 }), fc.string({ unit: 'binary', maxLength: 3 }), fc.nat({ max: 24 }))
        .map(([at, insert, cut]) => {
          const text = date.toISOString().slice(0, 24 - cut)
          return text.slice(0, at) + insert + text.slice(at + 1)
        }),
    )
    const charset = fc.string({ unit: fc.constantFrom(...'0123456789-:T Z.,+tz'.split('')), maxLength: 40 })
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), isoish, charset), (input) => {
        try {
          expect(Number.isNaN(parseTime(input).getTime())).toBe(false)
        } catch (error) {
          expect(isHeliokitError(error) && error.code).toBe('INVALID_INPUT')
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('never throws anything but INVALID_INPUT, whatever the value', () => {
    fc.assert(
      fc.property(fc.anything({ withDate: true }), (input) => {
        try {
          const date = parseTime(input as never)
          expect(input).toBeInstanceOf(Date)
          expect(date.getTime()).toBe((input as Date).getTime())
        } catch (error) {
          expect(isHeliokitError(error) && error.code).toBe('INVALID_INPUT')
        }
      }),
    )
  })
})

describe('parseTimeRange', () => {
  it('parses both ends of a half-open range', () => {
    const range = parseTimeRange('2022-01-01', new Date('2022-01-02T00:00:00Z'))
    expect(range.start.toISOString()).toBe('2022-01-01T00:00:00.000Z')
    expect(range.end.toISOString()).toBe('2022-01-02T00:00:00.000Z')
  })

  it('accepts an end one millisecond after the start', () => {
    expect(() => parseTimeRange('2022-01-01T00:00:00.000Z', '2022-01-01T00:00:00.001Z')).not.toThrow()
  })

  it.each([
    ['equal ends', '2022-01-01', '2022-01-01T00:00'],
    ['an end before the start', '2022-01-02', '2022-01-01'],
    ['the same instant in two zones', '2022-01-01T02:00+02:00', '2022-01-01T00:00Z'],
  ])('rejects %s with INVALID_INPUT on the range field', (_, start, end) => {
    const error = invalidInput(() => parseTimeRange(start, end, 'query'))
    expect(error.issues[0]?.path).toBe('query')
    expect(error.message).toContain('must be after start')
  })

  it('names the end that failed to parse', () => {
    expect(invalidInput(() => parseTimeRange('2022-01-01', '2022-02-30')).issues[0]?.path).toBe('range.end')
    expect(invalidInput(() => parseTimeRange('bad', '2022-02-01', 'q')).issues[0]?.path).toBe('q.start')
  })
})

describe('splitTimeRange', () => {
  const hour = 3_600_000

  it('splits into consecutive windows, the last one shorter', () => {
    const range = parseTimeRange('2022-01-01T00:00', '2022-01-01T02:30')
    expect(splitTimeRange(range, hour).map((w) => [formatUtc(w.start), formatUtc(w.end)])).toEqual([
      ['2022-01-01T00:00:00', '2022-01-01T01:00:00'],
      ['2022-01-01T01:00:00', '2022-01-01T02:00:00'],
      ['2022-01-01T02:00:00', '2022-01-01T02:30:00'],
    ])
  })

  it('returns the range itself when it fits in one window', () => {
    const range = parseTimeRange('2022-01-01', '2022-01-02')
    expect(splitTimeRange(range, 7 * 24 * hour)).toEqual([range])
  })

  it.each([[0], [-1], [Number.NaN]])('rejects a window of %d ms with INVALID_INPUT', (windowMs) => {
    const range = parseTimeRange('2022-01-01', '2022-01-02')
    expect(invalidInput(() => splitTimeRange(range, windowMs)).issues[0]?.path).toBe('windowMs')
  })

  it('covers the range exactly with contiguous windows no longer than the window', () => {
    const cases = fc
      .tuple(
        isoDates,
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      )
      .map(([start, windowMs, maxWindows, fraction]) => {
        const duration = Math.max(1, Math.round(windowMs * maxWindows * fraction))
        return { range: { start, end: new Date(start.getTime() + duration) }, windowMs }
      })
    fc.assert(
      fc.property(cases, ({ range, windowMs }) => {
        const windows = splitTimeRange(range, windowMs)
        expect(windows.length).toBe(Math.ceil((range.end.getTime() - range.start.getTime()) / windowMs))
        expect(windows[0]!.start.getTime()).toBe(range.start.getTime())
        expect(windows.at(-1)!.end.getTime()).toBe(range.end.getTime())
        windows.forEach((w, i) => {
          const length = w.end.getTime() - w.start.getTime()
          expect(length).toBeGreaterThan(0)
          expect(length).toBeLessThanOrEqual(windowMs)
          if (i > 0) expect(w.start.getTime()).toBe(windows[i - 1]!.end.getTime())
        })
      }),
    )
  })
})

describe('formatUtc', () => {
  it('writes YYYY-MM-DDTHH:MM:SS in UTC without fraction or zone', () => {
    expect(formatUtc(new Date('2022-03-04T05:06:07.890+01:00'))).toBe('2022-03-04T04:06:07')
  })

  it('rejects an invalid Date with INVALID_INPUT', () => {
    invalidInput(() => formatUtc(new Date(Number.NaN)))
  })
})
