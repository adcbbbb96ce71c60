import { ErrorCode, outcomeValues } from '@heliokit/core'
import { startFileServer } from '@heliokit/testkit'
import { describe, expect, test } from 'vitest'
import type { ScregistryEvent, ScregistryFilesQuery } from '../src/index.ts'
import { collect } from './helpers/collect.ts'
import { failure } from './helpers/failure.ts'
import { useHarness } from './helpers/harness.ts'

const h = useHarness()

/** Runs a listing and returns the file URLs' last path part and the index objects it read. */
async function run(
  query: ScregistryFilesQuery,
): Promise<{ names: string[]; read: string[]; events: ScregistryEvent[] }> {
  const before = h.requests().length
  const events: ScregistryEvent[] = []
  const files = await collect(h.sc.files({ ...query, onEvent: (e) => events.push(e) }))
  return {
    names: files.map((f) => f.url.slice(f.url.lastIndexOf('/') + 1)),
    read: h
      .requests()
      .slice(before)
      .filter((r) => r.endsWith('.csv')),
    events,
  }
}

describe('spec 1.1 index with checksums', () => {
  test('rows become DataFiles with size, sha256 checksum, local path and extra columns', async () => {
    const files = await collect(
      h.sc.files({
        dataset: 'AIA_0094',
        bucket: 'gov-nasa-hdrl-data1',
        start: '2010-01-01',
        stop: '2013-01-01',
      }),
    )
    const seeded = h.net.files.AIA_0094!
    expect(files).toHaveLength(6)
    files.forEach((file, i) => {
      const want = seeded[i]!
      expect(file).toEqual({
        provider: 'scregistry',
        dataset: 'AIA_0094',
        url: want.url,
        start: new Date(want.start),
        stop: new Date(want.stop!),
        size: want.size,
        checksum: { algorithm: 'sha256', value: want.sha256 },
        path: `AIA_0094/${want.url.slice('s3://gov-nasa-hdrl-data1/'.length)}`,
        metadata: { checksum: want.sha256, checksum_algorithm: 'sha256', wavelength: '94' },
      })
    })
  })
})

describe('year selection', () => {
  test('a range across New Year reads both years and keeps the row spanning midnight', async () => {
    const result = await run({
      dataset: 'AIA_0094',
      bucket: 'gov-nasa-hdrl-data1',
      start: '2010-12-31T23:50Z',
      stop: '2011-01-01T00:05Z',
    })
    expect(result.names).toEqual(['aia_0094_201012312348.fits', 'aia_0094_201101010000.fits'])
    expect(result.read).toEqual([
      'GET /gov-nasa-hdrl-data1/sdo/aia/0094/AIA_0094_2010.csv',
      'GET /gov-nasa-hdrl-data1/sdo/aia/0094/AIA_0094_2011.csv',
    ])
  })

  test('years are clipped to the dataset; a range ending at New Year does not read the new year', async () => {
    const all = await run({
      dataset: 'AIA_0094',
      bucket: 'gov-nasa-hdrl-data1',
      start: '1990-01-01',
      stop: '2030-01-01',
    })
    expect(all.read.map((r) => r.slice(-8))).toEqual(['2010.csv', '2011.csv', '2012.csv'])
    const to2012 = await run({
      dataset: 'AIA_0094',
      bucket: 'gov-nasa-hdrl-data1',
      start: '2011-03-01',
      stop: '2012-01-01T00:00Z',
    })
    expect(to2012.read.map((r) => r.slice(-8))).toEqual(['2011.csv'])
    expect(to2012.names).toEqual(['aia_0094_201106151200.fits'])
  })

  test('overlap: a row ending exactly at the range start is kept, one starting at its end is not', async () => {
    const result = await run({
      dataset: 'AIA_0094',
      bucket: 'gov-nasa-hdrl-data1',
      start: '2011-01-01T00:12Z',
      stop: '2011-06-15T12:00Z',
    })
    expect(result.names).toEqual(['aia_0094_201101010000.fits'])
  })

  test('multiyear datasets read the year before, finding a file that started then', async () => {
    const result = await run({
      dataset: 'OMNI_MODEL_RUNS',
      bucket: 'gov-nasa-hdrl-data1',
      start: '2012-05-01',
      stop: '2012-07-01',
    })
    expect(result.names).toEqual(['run_2011a.nc'])
    expect(result.read.map((r) => r.slice(-9))).toEqual(['_2011.csv', '_2012.csv'])
  })

  test('a missing year is skipped with an event and a log line', async () => {
    const result = await run({
      dataset: 'ACE_MAG_1MIN',
      bucket: 'edu-apl-helio-public',
      start: '2015-06-01',
      stop: '2017-06-01',
    })
    expect(result.names).toEqual(['ac_mag_20151231.cdf', 'ac_mag_20170115.cdf'])
    expect(result.events).toEqual([
      {
        type: 'missing-year',
        dataset: 'ACE_MAG_1MIN',
        year: 2016,
        url: 's3://edu-apl-helio-public/ace/mag/ACE_MAG_1MIN_2016.csv',
      },
    ])
  })

  test('an index in another bucket than its catalog', async () => {
    const result = await run({
      dataset: 'EVE_L2',
      bucket: 'gov-nasa-hdrl-data1',
      start: '2014-02-02',
      stop: '2014-02-03',
    })
    expect(result.read).toEqual(['GET /helio-indexes/eve/l2/EVE_L2_2014.csv'])
    // 02-01 ends exactly at the range start (kept, as the Python client does); 02-03 starts at its end.
    expect(result.names).toEqual(['EVL_2014032.fit', 'EVL_2014033.fit'])
  })
})

describe('index formats', () => {
  test('before 0.5 (#time, s3key, filesize; relative keys): a row lasts until the next, across years', async () => {
    const files = await collect(
      h.sc.files({
        dataset: 'mms1_fgm_brst',
        bucket: 'helio-public',
        start: '2015-09-01T17:00Z',
        stop: '2016-09-01T12:15Z',
      }),
    )
    expect(files.map((f) => [f.url, f.start?.toISOString(), f.stop?.toISOString(), f.size])).toEqual([
      [
        's3://helio-public/MMS/mms1/fgm/brst/l2/2015/09/01/mms1_fgm_brst_l2_20150901122054_v4.18.0.cdf',
        '2015-09-01T12:20:54.000Z',
        '2015-09-01T17:45:00.000Z',
        460,
      ],
      [
        's3://helio-public/MMS/mms1/fgm/brst/l2/2015/09/01/mms1_fgm_brst_l2_20150901174500_v4.18.0.cdf',
        '2015-09-01T17:45:00.000Z',
        '2016-09-01T12:11:14.000Z',
        297,
      ],
      [
        's3://helio-public/MMS/mms1/fgm/brst/l2/2016/09/01/mms1_fgm_brst_l2_20160901121114_v4.18.0.cdf',
        '2016-09-01T12:11:14.000Z',
        '2016-09-01T12:20:54.000Z',
        464,
      ],
    ])
  })

  test('the last row of an index without stops is kept', async () => {
    const files = await collect(
      h.sc.files({
        dataset: 'mms1_fgm_brst',
        bucket: 'helio-public',
        start: '2016-09-02',
        stop: '2016-12-01',
      }),
    )
    expect(files.map((f) => [f.start?.toISOString(), f.stop])).toEqual([
      ['2016-09-01T12:20:54.000Z', undefined],
    ])
  })

  test('startDate, key, size and start,key,filesize headers', async () => {
    const srvy = await run({
      dataset: 'mms1_fgm_srvy',
      bucket: 'helio-public',
      start: '2015-09-01',
      stop: '2015-10-01',
    })
    expect(srvy.names).toEqual([
      'mms1_fgm_srvy_l2_20150901_v4.18.0.cdf',
      'mms1_fgm_srvy_l2_20150902_v4.18.0.cdf',
    ])
    const feeps = await run({
      dataset: 'mms1_feeps_srvy_ion',
      bucket: 'helio-public',
      start: '2015-10-01T12:00Z',
      stop: '2015-12-01',
    })
    expect(feeps.names).toEqual(['feeps_20151001.cdf', 'feeps_20151002.cdf'])
  })

  test("single quotes with spaces and minute precision ('# start, stop, datakey, filesize')", async () => {
    const files = await collect(
      h.sc.files({
        dataset: 'ACE_MAG_1MIN',
        bucket: 'edu-apl-helio-public',
        start: '2017-01-16T12:00Z',
        stop: '2017-02-01',
      }),
    )
    expect(files.map((f) => [f.url, f.start?.toISOString(), f.stop?.toISOString(), f.size])).toEqual([
      [
        's3://edu-apl-helio-public/ace/mag/ac_mag_20170115.cdf',
        '2017-01-15T23:00:00.000Z',
        '2017-01-16T23:00:00.000Z',
        520,
      ],
    ])
  })

  test('no header, double quotes, times without Z (UTC), https and s3 datakeys', async () => {
    const files = await collect(
      h.sc.files({
        dataset: 'ACE_SWE_NOHEADER',
        bucket: 'edu-apl-helio-public',
        start: '2016-03-01',
        stop: '2016-03-01T01:30Z',
      }),
    )
    expect(files.map((f) => [f.url, f.start?.toISOString(), f.path])).toEqual([
      [
        'https://edu-apl-helio-public.s3.amazonaws.com/ace/swe/swe_20160301.cdf',
        '2016-03-01T00:00:00.000Z',
        'ACE_SWE_NOHEADER/ace/swe/swe_20160301.cdf',
      ],
      [
        's3://edu-apl-helio-public/ace/swe/swe_2016030101.cdf',
        '2016-03-01T01:00:00.000Z',
        'ACE_SWE_NOHEADER/ace/swe/swe_2016030101.cdf',
      ],
    ])
  })

  test('an https index (catalog in S3, index on a web server)', async () => {
    const csv =
      'start,stop,datakey,filesize\n2019-01-01T00:00:00Z,2019-01-02T00:00:00Z,https://data.example.org/a.cdf,10\n'
    const server = await startFileServer({
      files: new Map([['/idx/WEB_SET_2019.csv', new TextEncoder().encode(csv)]]),
    })
    try {
      const catalog = {
        version: '1.1',
        status: { code: 1200, message: 'OK' },
        catalog: [
          {
            id: 'WEB_SET',
            index: `${server.url}/idx/`,
            title: 'web',
            start: '2019-01-01T00:00Z',
            stop: '2019-12-31T00:00Z',
          },
        ],
      }
      await h.net.s3.put('helio-indexes', 'catalog.json', JSON.stringify(catalog))
      const files = await collect(
        h.sc.files({ dataset: 'WEB_SET', bucket: 'helio-indexes', start: '2019-01-01', stop: '2019-02-01' }),
      )
      expect(files.map((f) => [f.url, f.size, f.path])).toEqual([
        ['https://data.example.org/a.cdf', 10, 'WEB_SET/a.cdf'],
      ])
      expect(server.requests.map((r) => r.url)).toEqual(['/idx/WEB_SET_2019.csv'])
    } finally {
      await server.close()
    }
  })
})

describe('lookups and input', () => {
  test('csv-zip and parquet indexes are UNAVAILABLE before any index read', async () => {
    const catalog = {
      version: '1.1',
      catalog: [
        {
          id: 'PQ',
          index: 's3://helio-indexes/pq/',
          title: 'pq',
          start: '2019-01-01',
          stop: '2019-12-31',
          indextype: 'parquet',
        },
      ],
    }
    await h.net.s3.put('helio-indexes', 'pq/catalog.json', JSON.stringify(catalog))
    const before = h.requests().length
    const error = await failure(
      h.sc.files({
        dataset: 'PQ',
        bucket: 's3://helio-indexes/pq/',
        start: '2019-01-01',
        stop: '2019-02-01',
      }),
    )
    expect(error).toMatchObject({ code: ErrorCode.UNAVAILABLE, provider: 'scregistry' })
    expect(String((error as Error).message)).toContain('PQ has parquet indexes')
    expect(h.requests().slice(before)).toEqual(['GET /helio-indexes/pq/catalog.json'])
  })

  test('without a bucket the dataset is found in the network; the core capability takes `end`', async () => {
    const files = await collect(
      outcomeValues(h.hk.files({ dataset: 'EVE_L2', start: '2014-02-03', end: '2014-02-04' })),
    )
    expect(files.map((f) => f.url)).toEqual([
      's3://gov-nasa-hdrl-data1/sdo/eve/EVL_2014033.fit',
      's3://gov-nasa-hdrl-data1/sdo/eve/EVL_2014034.fit',
    ])
  })

  test('bad dates, a stop before start, a bad id or bucket: INVALID_INPUT before any request', async () => {
    const before = h.requests().length
    const bad: Partial<ScregistryFilesQuery>[] = [
      { dataset: 'AIA_0094', bucket: 'gov-nasa-hdrl-data1', start: '2011-13-01', stop: '2012-01-01' },
      { dataset: 'AIA_0094', bucket: 'gov-nasa-hdrl-data1', start: 'yesterday', stop: '2012-01-01' },
      { dataset: 'AIA_0094', bucket: 'gov-nasa-hdrl-data1', start: '2012-01-01', stop: '2011-01-01' },
      { dataset: 'AIA_0094', bucket: 'gov-nasa-hdrl-data1', start: '2012-01-01' },
      { dataset: 'AIA 0094', bucket: 'gov-nasa-hdrl-data1', start: '2011-01-01', stop: '2012-01-01' },
      { dataset: 'AIA_0094', bucket: 'Not_A_Bucket!', start: '2011-01-01', stop: '2012-01-01' },
    ]
    for (const query of bad) {
      expect(() => h.sc.files(query as ScregistryFilesQuery)).toThrow(
        expect.objectContaining({ code: ErrorCode.INVALID_INPUT, provider: 'scregistry' }),
      )
    }
    expect(h.requests().length).toBe(before)
  })

  test('an unknown id is NOT_FOUND after reading only the catalog', async () => {
    const before = h.requests().length
    const error = await failure(
      h.sc.files({
        dataset: 'NO_SUCH',
        bucket: 'gov-nasa-hdrl-data1',
        start: '2011-01-01',
        stop: '2012-01-01',
      }),
    )
    expect(error).toMatchObject({ code: ErrorCode.NOT_FOUND, provider: 'scregistry' })
    expect(h.requests().slice(before)).toEqual(['GET /gov-nasa-hdrl-data1/catalog.json'])
  })
})
