import { ErrorCode } from '@heliokit/core'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { collect } from './helpers/collect.ts'
import { failure } from './helpers/failure.ts'
import { fixture } from './helpers/fixture.ts'
import { useOneIndexHarness } from './helpers/one-index-harness.ts'

const h = useOneIndexHarness('hostile', '0.4')

async function listWith(csv: string | Uint8Array): Promise<unknown> {
  return collect(h.listIndex(csv))
}

async function badLine(csv: string | Uint8Array, line: number, text: RegExp): Promise<void> {
  const error = await failure(h.listIndex(csv))
  expect(error).toMatchObject({ code: ErrorCode.BAD_RESPONSE, provider: 'scregistry', url: h.indexUrl })
  expect((error as Error).message).toContain(`${h.indexUrl} line ${line}:`)
  expect((error as Error).message).toMatch(text)
}

describe('real index files from the HelioCloud platform', () => {
  test('manifest-valid.csv (#time, s3key, filesize; keys relative to the catalog bucket)', async () => {
    const files = (await listWith(fixture('platform-manifest-valid.csv'))) as { url: string; size: number }[]
    expect(files.map((f) => [f.url, f.size])).toEqual([
      ['s3://hostile/mms1/fgm/brst/l2/2015/09/01/mms1_fgm_brst_l2_20150901121114_v4.18.0.cdf', 4641642],
      ['s3://hostile/mms1/fgm/brst/l2/2015/09/01/mms1_fgm_brst_l2_20150901122054_v4.18.0.cdf', 4603372],
      ['s3://hostile/mms1/fgm/brst/l2/2015/09/01/mms1_fgm_brst_l2_20150901123044_v4.18.0.cdf', 3462914],
      ['s3://hostile/mms1/fgm/brst/l2/2015/09/01/mms1_fgm_brst_l2_20150901174500_v4.18.0.cdf', 297206],
    ])
  })

  test('manifest-missing_header.csv: an unknown key column name is taken by position, as Python does', async () => {
    const files = (await listWith(fixture('platform-manifest-missing_header.csv'))) as { url: string }[]
    expect(files).toHaveLength(4)
    expect(files[0]?.url).toBe(
      's3://hostile/mms1/fgm/brst/l2/2015/09/01/mms1_fgm_brst_l2_20150901121114_v4.18.0.cdf',
    )
  })

  test('manifest-bad_data.csv: a bad time is BAD_RESPONSE naming the file and line', async () => {
    await badLine(fixture('platform-manifest-bad_data.csv'), 4, /start "not_a_time" is not an ISO time/)
  })
})

describe('hostile index files', () => {
  test('a ragged row', async () => {
    await badLine(
      'start,stop,datakey,filesize\n2015-01-01T00:00Z,2015-01-02T00:00Z,s3://b/k1,1\n2015-01-02T00:00Z,s3://b/k2,2\n',
      3,
      /has 3 fields where the first row has 4/,
    )
  })

  test('bad numbers', async () => {
    await badLine(
      'start,stop,datakey,filesize\n2015-01-01T00:00Z,2015-01-02T00:00Z,s3://b/k1,12abc\n',
      2,
      /filesize "12abc" is not a byte count/,
    )
    await badLine(
      'start,stop,datakey,filesize\n2015-01-01T00:00Z,2015-01-02T00:00Z,s3://b/k1,-5\n',
      2,
      /filesize "-5"/,
    )
    await badLine(
      'start,stop,datakey,filesize\n2015-01-01T00:00Z,2015-01-02T00:00Z,s3://b/k1,\n',
      2,
      /filesize ""/,
    )
  })

  test('a stop before its start, an empty key, a key escaping its folder, a malformed checksum', async () => {
    await badLine(
      'start,stop,datakey,filesize\n2015-01-02T00:00Z,2015-01-01T00:00Z,s3://b/k,1\n',
      2,
      /stop is before start/,
    )
    await badLine(
      'start,stop,datakey,filesize\n2015-01-01T00:00Z,2015-01-02T00:00Z,,1\n',
      2,
      /datakey is empty/,
    )
    await badLine(
      'start,stop,datakey,filesize\n2015-01-01T00:00Z,2015-01-02T00:00Z,s3://b/../../etc/passwd,1\n',
      2,
      /no safe object key/,
    )
    await badLine(
      'start,stop,datakey,filesize,checksum,checksum_algorithm\n2015-01-01T00:00Z,2015-01-02T00:00Z,s3://b/k,1,abc,sha256\n',
      2,
      /checksum is not a sha256 hex digest/,
    )
  })

  test('a 10 MB line fails fast as BAD_RESPONSE with its line', async () => {
    const huge = `start,stop,datakey,filesize\n2015-01-01T00:00Z,2015-01-02T00:00Z,s3://b/k,1\n2015-01-02T00:00Z,2015-01-03T00:00Z,s3://b/${'x'.repeat(10 * 1024 * 1024)},1\n`
    await badLine(huge, 3, /is longer than 1048576 bytes/)
  })

  test('an unclosed quote', async () => {
    await badLine(
      'start,stop,datakey,filesize\n2015-01-01T00:00Z,2015-01-02T00:00Z,"s3://b/k,1\n',
      2,
      /Quote|quote/,
    )
  })

  test('random bytes never escape as anything but a typed error or valid rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        try {
          const files = (await listWith(bytes)) as { provider: string }[]
          for (const f of files) expect(f.provider).toBe('scregistry')
        } catch (error) {
          expect(error).toMatchObject({
            code: ErrorCode.BAD_RESPONSE,
            provider: 'scregistry',
            url: h.indexUrl,
          })
        }
      }),
      { numRuns: 25 },
    )
  })
})
