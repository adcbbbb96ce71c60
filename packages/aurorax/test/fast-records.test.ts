import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { fastDataProducts, fastEphemeris } from '../src/fast-records.ts'
import { dataProductSchema, ephemerisSchema } from '../src/schemas.ts'
import { parseWireTimestamp } from '../src/wire-timestamp.ts'

// Valid values mostly, with hostile ones mixed in, so both accepted and rejected lists are generated.
const time = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 19)),
  },
  {
    weight: 1,
    arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().replace(/\.\d+Z$/, '.5Z')),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2021-02-30T00:00:00',
      '2021-13-01T00:00:00',
      '2021-01-01 00:00:00',
      '2021-01-01T24:00:00',
      '2021-01-01T00:00:00.1234567',
      '',
      '2021-01-01',
      '２021-01-01T00:00:00',
    ),
  },
  { weight: 1, arbitrary: fc.anything() },
)
const text = fc.oneof(
  { weight: 5, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, 3) },
)
const source = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        identifier: fc.integer(),
        program: text,
        platform: text,
        instrument_type: text,
        source_type: fc.constantFrom('ground', 'leo', 'moon', null),
        display_name: text,
      },
      { requiredKeys: ['identifier'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      identifier: fc.oneof(fc.double(), fc.string()),
      metadata: fc.object(),
      extra: fc.anything(),
    }),
  },
  { weight: 1, arbitrary: fc.anything() },
)
const metadata = fc.oneof(
  { weight: 5, arbitrary: fc.dictionary(fc.string(), fc.jsonValue()) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, [], 'x') },
)
const location = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
      lon: fc.double({ min: -180, max: 180, noNaN: true }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(null, { lat: null, lon: null }, { lat: 1, lon: null }, [1, 2], {
      lat: '1',
      lon: 2,
    }),
  },
)
const product = fc.record({
  data_source: source,
  data_product_type: fc.constantFrom(
    'keogram',
    'movie',
    'montage',
    'summary_plot',
    'data_availability',
    'image',
  ),
  start: time,
  end: time,
  url: fc.oneof(fc.webUrl(), fc.constantFrom('', 7)),
  metadata,
})
const ephemeris = fc.record({
  data_source: source,
  epoch: time,
  location_geo: location,
  location_gsm: location,
  nbtrace: location,
  sbtrace: location,
  metadata,
})

/** Whatever the fast path accepts, the schema accepts with an equal result. */
function agree<T>(
  fast: (l: unknown[]) => T[] | undefined,
  schema: z.ZodType<T, unknown>,
  list: unknown[],
): boolean {
  const quick = fast(JSON.parse(JSON.stringify(list)))
  if (quick === undefined) return false
  const slow = z.array(schema).safeParse(JSON.parse(JSON.stringify(list)))
  expect(slow.success).toBe(true)
  expect(quick).toEqual(slow.data)
  return true
}

describe('fast record checks agree with the zod schemas', () => {
  test('data products', () => {
    let accepted = 0
    fc.assert(
      fc.property(fc.array(product, { maxLength: 3 }), (list) => {
        if (agree(fastDataProducts, dataProductSchema, list)) accepted++
      }),
      { numRuns: 2000 },
    )
    // both paths were exercised
    expect(accepted).toBeGreaterThan(50)
    expect(accepted).toBeLessThan(2000)
  })

  test('ephemeris', () => {
    let accepted = 0
    fc.assert(
      fc.property(fc.array(ephemeris, { maxLength: 3 }), (list) => {
        if (agree(fastEphemeris, ephemerisSchema, list)) accepted++
      }),
      { numRuns: 2000 },
    )
    expect(accepted).toBeGreaterThan(50)
    expect(accepted).toBeLessThan(2000)
  })
})

describe('wire timestamps', () => {
  test('match Date parsing of the same UTC time for every real second', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString()
          expect(parseWireTimestamp(iso.slice(0, 19))?.getTime()).toBe(Math.floor(d.getTime() / 1000) * 1000)
          expect(parseWireTimestamp(iso.slice(0, 23))?.getTime()).toBe(d.getTime())
          expect(parseWireTimestamp(iso)?.getTime()).toBe(d.getTime())
        },
      ),
    )
  })

  test('reject impossible and malformed times', () => {
    for (const bad of [
      '2021-02-29T00:00:00',
      '2021-04-31T00:00:00',
      '2021-00-10T00:00:00',
      '2021-01-01T00:60:00',
      '2021-01-01T00:00:60',
      '2021-01-01T00:00:00.',
      '2021-01-01T00:00:00+01:00',
      '2021-01-01T00:00:00ZZ',
      '2021-1-01T00:00:00',
      'x'.repeat(19),
      20210101,
    ]) {
      expect(parseWireTimestamp(bad)).toBeUndefined()
    }
    expect(parseWireTimestamp('2020-02-29T23:59:59')?.toISOString()).toBe('2020-02-29T23:59:59.000Z')
    expect(parseWireTimestamp('2020-02-29T23:59:59.123456Z')?.toISOString()).toBe('2020-02-29T23:59:59.123Z')
  })
})
