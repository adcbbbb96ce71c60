import { HeliokitError, parseResponse } from '@heliokit/core'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { fastDataProducts, fastEphemeris } from '../src/fast-records.ts'
import { parseRecords, type RecordParser } from '../src/parse-records.ts'
import { dataProductRecords, ephemerisRecords } from '../src/record-parsers.ts'
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

describe('records that share their sources', () => {
  // A few sources, two of them under one identifier, so that records of one source follow each other,
  // interleave with others', and meet a source that differs from the last one only in a field.
  const shared = fc.constantFrom(
    { identifier: 1, program: 'trex', platform: 'gillam', instrument_type: 'RGB ASI', source_type: 'ground' },
    { identifier: 1, program: 'trex', platform: 'rabbit', instrument_type: 'RGB ASI', source_type: 'ground' },
    { identifier: 2, program: 'swarm', platform: 'swarma', instrument_type: 'footprint', source_type: 'leo' },
    { identifier: 2, program: 'swarm', platform: 'swarma', instrument_type: 'footprint', owner: 'a@b.c' },
  )
  const sharedTime = fc.constantFrom('2020-02-01T00:00:00', '2020-02-01T00:01:00')
  const url = fc.constantFrom('https://data.example/a.jpg', 'https://data.example/b.jpg')

  test('data products', () => {
    let accepted = 0
    const record = fc.record({
      data_source: shared,
      data_product_type: fc.constantFrom('keogram', 'movie'),
      start: sharedTime,
      end: sharedTime,
      url,
      metadata: fc.constantFrom({}, null),
    })
    fc.assert(
      fc.property(fc.array(record, { minLength: 2, maxLength: 12 }), (list) => {
        if (agree(fastDataProducts, dataProductSchema, list)) accepted++
      }),
      { numRuns: 500 },
    )
    expect(accepted).toBeGreaterThan(50)
  })

  test('ephemeris', () => {
    let accepted = 0
    const record = fc.record({
      data_source: shared,
      epoch: sharedTime,
      location_geo: fc.constantFrom({ lat: 1, lon: 2 }, null),
      location_gsm: fc.constant(null),
      nbtrace: fc.constant(null),
      sbtrace: fc.constant(null),
      metadata: fc.constant({}),
    })
    fc.assert(
      fc.property(fc.array(record, { minLength: 2, maxLength: 12 }), (list) => {
        if (agree(fastEphemeris, ephemerisSchema, list)) accepted++
      }),
      { numRuns: 500 },
    )
    expect(accepted).toBeGreaterThan(50)
  })
})

const URL_ = 'http://aurorax.test/api/v1/data_products/requests/r1/data'

/** What a search answers for a result body: its records, or its error as code, provider and message. */
function outcome<T>(parse: (list: unknown[], text: string) => T[], text: string): unknown {
  try {
    return { records: parse((JSON.parse(text) as { result: unknown[] }).result, text) }
  } catch (error) {
    if (!(error instanceof HeliokitError)) throw error
    return { code: error.code, provider: error.provider, message: error.message }
  }
}

/** The search pipeline (fast path, else the schema) against the schema alone, on the same bytes. */
function sameAsSchema<T>(parser: RecordParser<T>, list: unknown[]): 'records' | 'error' {
  const text = JSON.stringify({ result: list })
  const got = outcome((l, t) => parseRecords(parser, l, t, URL_), text)
  const want = outcome((l) => parseResponse(parser.schema, l, { provider: 'aurorax', url: URL_ }), text)
  expect(got).toEqual(want)
  return 'records' in (want as object) ? 'records' : 'error'
}

describe('search results: the same records, or the same BAD_RESPONSE, as the schema alone', () => {
  test.each([
    ['data products', dataProductRecords, product],
    ['ephemeris', ephemerisRecords, ephemeris],
  ] as const)('%s', (_, parser, record) => {
    const seen = { records: 0, error: 0 }
    fc.assert(
      fc.property(fc.array(record as fc.Arbitrary<unknown>, { maxLength: 4 }), (list) => {
        seen[sameAsSchema(parser as RecordParser<unknown>, list)]++
      }),
      { numRuns: 1500 },
    )
    expect(seen.records).toBeGreaterThan(50)
    expect(seen.error).toBeGreaterThan(50)
  })

  test("a bad first record after good ones (converted first, from the end) is the schema's error", () => {
    const good = {
      data_source: { identifier: 3, program: 'trex', platform: 'gillam', instrument_type: 'RGB ASI' },
      data_product_type: 'keogram',
      start: '2020-02-01T00:00:00',
      end: '2020-02-01T23:59:59',
      url: 'https://data.example/k.jpg',
      metadata: {},
    }
    for (const bad of [
      { ...good, start: '2020-02-30T00:00:00' },
      { ...good, data_product_type: 'image' },
      { ...good, url: '' },
      { ...good, data_source: { identifier: 1.5 } },
      { ...good, metadata: [] },
      { ...good, end: undefined },
    ]) {
      const list = [bad, good, good]
      expect(sameAsSchema(dataProductRecords, list)).toBe('error')
      const text = JSON.stringify({ result: list })
      const error = outcome((l, t) => parseRecords(dataProductRecords, l, t, URL_), text)
      expect(error).toMatchObject({ code: 'BAD_RESPONSE', provider: 'aurorax' })
      expect((error as { message: string }).message).toMatch(/\[aurorax\] unexpected response .*: 0\.\w+/)
    }
  })

  test("a source in a fuller format, which only the schema converts, gives the schema's records", () => {
    const list = [
      {
        data_source: { identifier: 3, program: 'trex', owner: 'a@b.c', maintainers: ['m@b.c'], metadata: {} },
        epoch: '2020-02-01T00:00:00',
        location_geo: { lat: 51, lon: -94 },
        location_gsm: null,
        nbtrace: { lat: null, lon: null },
        sbtrace: { lat: -60, lon: 10 },
        metadata: null,
      },
    ]
    expect(fastEphemeris(JSON.parse(JSON.stringify(list)))).toBeUndefined()
    expect(sameAsSchema(ephemerisRecords, list)).toBe('records')
  })
})

/** The wire format by regex and Date arithmetic: what the hand-written parser must answer. */
function referenceTimestamp(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?Z?$/.exec(text)
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as number[]
  const date = new Date(0)
  date.setUTCFullYear(year!, month! - 1, day)
  date.setUTCHours(hour!, minute, second, Number((m[7] ?? '').padEnd(3, '0').slice(0, 3)))
  const same =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  return same ? date.getTime() : undefined
}

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

  test('agree with a regex and Date arithmetic on valid times with one character replaced', () => {
    const valid = fc
      .tuple(
        fc.date({ min: new Date('0000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        fc.constantFrom(19, 20, 21, 22, 23, 25, 26),
        fc.boolean(),
      )
      .map(([d, length, zone]) => {
        const iso = d.toISOString()
        const fraction = length > 20 ? `${iso.slice(19, 23)}${'123'.slice(0, length - 23)}` : ''
        return `${iso.slice(0, 19)}${fraction}${zone ? 'Z' : ''}`
      })
    fc.assert(
      fc.property(
        valid,
        fc.nat(),
        fc.constantFrom(...'0123456789-T:.Z+ zt/٠'),
        fc.boolean(),
        (text, at, char, replace) => {
          const i = at % (text.length + 1)
          const mutated = replace ? `${text.slice(0, i)}${char}${text.slice(i + 1)}` : text
          expect(parseWireTimestamp(mutated)?.getTime()).toBe(referenceTimestamp(mutated))
        },
      ),
      { numRuns: 5000 },
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
      '202Z-02-28T00:00:00',
      '2021-01-01T00:00:00.1234567',
      '2021-01-01T00:00:00.1234567Z',
      '2021-01-01T00:00:00.Z',
      '2021-01-01T00:00:00z',
      '2021-01-01T00:00:00.1a',
      '2021-01-01t00:00:00',
      '+02021-01-01T00:00:00',
      '2021-01-01T00:00:00-00',
      '٢٠٢١-01-01T00:00:00',
      'x'.repeat(19),
      20210101,
    ]) {
      expect(parseWireTimestamp(bad)).toBeUndefined()
    }
    expect(parseWireTimestamp('2020-02-29T23:59:59')?.toISOString()).toBe('2020-02-29T23:59:59.000Z')
    expect(parseWireTimestamp('2020-02-29T23:59:59.123456Z')?.toISOString()).toBe('2020-02-29T23:59:59.123Z')
    expect(parseWireTimestamp('2000-02-29T00:00:00.5')?.toISOString()).toBe('2000-02-29T00:00:00.500Z')
    expect(parseWireTimestamp('2100-02-29T00:00:00')).toBeUndefined()
    expect(parseWireTimestamp('0000-01-01T00:00:00.07Z')?.getTime()).toBe(
      Date.parse('0000-01-01T00:00:00.070Z'),
    )
  })
})
