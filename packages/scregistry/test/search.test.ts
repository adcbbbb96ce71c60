import { ErrorCode } from '@heliokit/core'
import { describe, expect, test } from 'vitest'
import { failure } from './helpers/failure.ts'
import { useHarness } from './helpers/harness.ts'

const h = useHarness()

describe('search across the network', () => {
  test('keywords rank like the Python client: occurrences in id, index, title plus matching tags', async () => {
    const { hits } = await h.sc.search({ keywords: ['SDO', 'euv'] })
    // AIA_0094: sdo in index, title and a tag (3) + euv in title and a tag (2); EVE_L2: sdo in title and a tag.
    expect(hits.map((x) => [x.entry.id, x.score, x.bucket.endpoint])).toEqual([
      ['AIA_0094', 5, 's3://gov-nasa-hdrl-data1/'],
      ['EVE_L2', 2, 's3://gov-nasa-hdrl-data1/'],
    ])
  })

  test('equal scores keep catalog order; the index counts as the catalog wrote it', async () => {
    const { hits } = await h.sc.search({ keywords: 'mms fgm' })
    expect(hits.map((x) => [x.entry.id, x.score])).toEqual([
      ['mms1_fgm_brst', 9],
      ['mms1_fgm_srvy', 9],
      ['mms1_feeps_srvy_ion', 5],
    ])
  })

  test('by id and by title (case-insensitive substrings), combined', async () => {
    expect((await h.sc.search({ id: 'ace_' })).hits.map((x) => x.entry.id)).toEqual([
      'ACE_MAG_1MIN',
      'ACE_SWE_NOHEADER',
    ])
    expect((await h.sc.search({ title: 'SOLAR WIND' })).hits.map((x) => x.entry.id)).toEqual([
      'ACE_SWE_NOHEADER',
    ])
    expect((await h.sc.search({ id: 'ace', title: 'magnetometer' })).hits.map((x) => x.entry.id)).toEqual([
      'ACE_MAG_1MIN',
    ])
  })

  test('buckets that are down or at status 1400 are reported with typed errors, not thrown', async () => {
    const { hits, failed } = await h.sc.search({ id: '_' })
    expect(hits).toHaveLength(10)
    expect(failed.map((f) => [f.bucket.endpoint, f.error.code, f.error.provider])).toEqual([
      ['s3://helio-maintenance/', ErrorCode.UNAVAILABLE, 'scregistry'],
      ['s3://helio-offline/', ErrorCode.NOT_FOUND, 'scregistry'],
    ])
    const network = await h.sc.network()
    expect(network.catalogs.map((c) => c.bucket.endpoint)).toEqual([
      's3://gov-nasa-hdrl-data1/',
      's3://edu-apl-helio-public/',
      's3://helio-public/',
    ])
  })

  test('every catalog is requested once per search', async () => {
    const before = h.requests().length
    await h.sc.network()
    const catalogs = h
      .requests()
      .slice(before)
      .filter((r) => r.endsWith('catalog.json'))
      .sort()
    expect(catalogs).toEqual([
      'GET /edu-apl-helio-public/catalog.json',
      'GET /gov-nasa-hdrl-data1/catalog.json',
      'GET /helio-maintenance/catalog.json',
      'GET /helio-offline/catalog.json',
      'GET /helio-public/catalog.json',
    ])
  })

  test('an empty search is INVALID_INPUT before any request', async () => {
    const before = h.requests().length
    for (const query of [{}, { keywords: [] }, { id: '  ' }, { keywords: [''] }]) {
      expect(await failure(h.sc.search(query))).toMatchObject({
        code: ErrorCode.INVALID_INPUT,
        provider: 'scregistry',
      })
    }
    expect(h.requests().length).toBe(before)
  })
})
