import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { rowTime, rowTimeAt } from '../src/row-time.ts'
import { collect } from './helpers/collect.ts'
import { useOneIndexHarness } from './helpers/one-index-harness.ts'

const h = useOneIndexHarness('paths', '1.1')

async function listWith(csv: string): Promise<unknown[]> {
  const files = await collect(h.listIndex(csv))
  return files.map((f) => [f.url, f.start?.getTime(), f.stop?.getTime(), f.size, f.path, f.metadata])
}

// Time shapes seen in indexes, and near misses that only Date.parse decides.
const TIMES = [
  '2015-03-04T05:06:07Z',
  '2015-03-04T05:06:07.123Z',
  '2015-03-04T05:06:07.123456z',
  '2015-03-04T05:06:07.5',
  '2015-03-04T05:06Z',
  '2015-03-04',
  '2015-02-30T00:00Z',
  '2015-03-04T24:00:00Z',
  '2015-03-04 05:06:07Z',
  '2015-03-04T05:06:07+01:00',
]

describe('unquoted lines (read in place) and quoted ones (PapaParse) give the same files', () => {
  test('spaces and tabs after commas, CRLF, blank lines, extra columns, every time shape', async () => {
    const rows = TIMES.map((t, i) => [
      t,
      '2015-12-01T00:00Z',
      `s3://paths/d/f${i}.cdf`,
      String(100 + i),
      `x${i}`,
    ])
    const csv = (quote: string) =>
      `start, stop,\tdatakey , filesize,extra\r\n\r\n${rows.map((r) => r.map((c) => quote + c + quote).join(', ')).join('\r\n \r\n')}\r\n`
    const plain = await listWith(csv(''))
    expect(plain).toHaveLength(TIMES.length)
    expect(plain[0]).toEqual([
      's3://paths/d/f0.cdf',
      Date.parse('2015-03-04T05:06:07Z'),
      Date.parse('2015-12-01T00:00Z'),
      100,
      'PATHS/d/f0.cdf',
      { extra: 'x0' },
    ])
    expect(await listWith(csv('"'))).toEqual(plain)
    expect(await listWith(csv("'"))).toEqual(plain)
  })
})

describe('handing out files a chunk at a time', () => {
  test('leaving the loop early reads no further year', async () => {
    const before = h.requests().length
    const query = {
      dataset: 'AIA_0094',
      bucket: 'gov-nasa-hdrl-data1',
      start: '2010-01-01',
      stop: '2013-01-01',
    }
    for await (const file of h.sc.files(query)) {
      expect(file.dataset).toBe('AIA_0094')
      break
    }
    const read = h
      .requests()
      .slice(before)
      .filter((r) => r.endsWith('.csv'))
    expect(read).toHaveLength(1)
    expect(await collect(h.sc.files(query))).toHaveLength(6)
  })

  test('next() called again before the last one settled still yields every file once, in order', async () => {
    const query = {
      dataset: 'AIA_0094',
      bucket: 'gov-nasa-hdrl-data1',
      start: '2010-01-01',
      stop: '2013-01-01',
    }
    const iterator = h.sc.files(query)[Symbol.asyncIterator]()
    const results = await Promise.all(Array.from({ length: 8 }, () => iterator.next()))
    const urls = results.filter((r) => !r.done).map((r) => (r.value as { url: string }).url)
    expect(urls).toEqual((await collect(h.sc.files(query))).map((f) => f.url))
    expect(results.slice(6).every((r) => r.done)).toBe(true)
  })
})

describe('rowTimeAt', () => {
  const shaped = fc
    .tuple(
      fc.integer({ min: 0, max: 12_000 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 33 }),
      fc.integer({ min: 0, max: 25 }),
      fc.integer({ min: 0, max: 61 }),
      fc.integer({ min: 0, max: 61 }),
      fc.stringMatching(/^(\.\d{0,7})?$/),
      fc.constantFrom('', 'Z', 'z', '+01:00', '-0230', ' ', 'x'),
      fc.integer({ min: 0, max: 5 }),
    )
    .map(([y, mo, d, h, mi, s, frac, zone, cut]) => {
      const two = (n: number) => String(n).padStart(2, '0')
      const parts = [
        `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}`,
        `T${two(h)}:${two(mi)}`,
        `:${two(s)}`,
        frac,
      ]
      return parts.slice(0, Math.max(1, parts.length - cut)).join('') + zone
    })

  test('reads a time inside a line as rowTime reads it alone', () => {
    fc.assert(
      fc.property(
        fc.oneof(shaped, fc.string({ maxLength: 30 })),
        fc.string({ maxLength: 5 }),
        (time, around) => {
          const line = `${around}${time}${around}`
          expect(rowTimeAt(line, around.length, around.length + time.length)).toBe(rowTime(time))
        },
      ),
      { numRuns: 20_000 },
    )
  })
})
