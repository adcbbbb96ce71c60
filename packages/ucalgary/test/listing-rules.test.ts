import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { fileNameTime } from '../src/listing/file-name-time.ts'
import { failure } from './helpers/failure.ts'
import { type Harness, startHarness } from './helpers/harness.ts'

const NO_LISTING = {
  name: 'TREX_RGB_MOSAIC_PNG',
  short_description: 'TREx RGB summary mosaics',
  long_description: 'Hourly summary mosaics of the TREx RGB network; browse the data tree.',
  data_tree_url: 'https://data.phys.ucalgary.ca/sort_by_project/TREx/RGB/mosaics/',
  file_listing_supported: false,
  level: 'L3',
  supported_libraries: [],
  file_time_resolution: '1hr',
}

let h: Harness
let lax: Harness
beforeAll(async () => {
  h = await startHarness({ extraDatasets: [NO_LISTING] })
  lax = await startHarness({ ignoredFilters: ['site_uid', 'device_uid'] })
})
afterAll(async () => {
  await h.close()
  await lax.close()
})

describe('a dataset without a file listing', () => {
  test('is an error naming it, saying so and giving its data tree, before any urls call', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'ucalgary-nolisting-'))
    try {
      const before = h.listingCalls().length
      const files = h.uc.files('TREX_RGB_MOSAIC_PNG', '2022-01-01', '2022-01-02')[Symbol.asyncIterator]()
      for (const attempt of [
        h.uc.urls('trex_rgb_mosaic_png', '2022-01-01', '2022-01-02'),
        h.uc.download('TREX_RGB_MOSAIC_PNG', '2022-01-01', '2022-01-02', { outDir }),
        files.next(),
      ]) {
        const error = await failure(attempt)
        expect(error).toMatchObject({ code: 'INVALID_INPUT', provider: 'ucalgary' })
        expect(error.message).toContain('TREX_RGB_MOSAIC_PNG has no file listing')
        expect(error.message).toContain(NO_LISTING.data_tree_url)
      }
      expect(h.listingCalls().length).toBe(before)
    } finally {
      await rm(outDir, { recursive: true, force: true })
    }
  })
})

describe('site and device filters', () => {
  test('are applied to the listed URLs when the server ignores them', async () => {
    const byDevice = await lax.uc.urls('REGO_RAW', '2022-01-01T06:00', '2022-01-01T06:09', {
      device: 'rego-652',
    })
    expect(lax.listingCalls().at(-1)?.get('device_uid')).toBe('rego-652')
    expect(byDevice.count).toBe(10)
    expect(byDevice.urls.every((u) => u.includes('/gill_rego-652/'))).toBe(true)
    // Sizes the server summed over other devices' files say nothing about these.
    expect(byDevice.totalBytes).toBeUndefined()
    const bySite = await lax.uc.urls('THEMIS_ASI_RAW', '2022-01-01T06:00', '2022-01-01T06:04', {
      site: 'gill',
    })
    expect(bySite.urls.map((u) => u.split('/').at(-1))).toEqual(
      [0, 1, 2, 3, 4].map((m) => `20220101_060${m}_gill_themis19_full.pgm.gz`),
    )
    const streamed = []
    for await (const f of lax.uc.files('REGO_RAW', '2022-01-01T06:00', '2022-01-01T06:01', {
      site: 'gill',
      device: 'rego-652',
    })) {
      streamed.push(f.metadata)
    }
    expect(streamed).toEqual([
      { site: 'gill', device: 'rego-652' },
      { site: 'gill', device: 'rego-652' },
    ])
  })
})

describe('a listing over several days and sites', () => {
  test('is merged in time order, not window by window and site by site', async () => {
    const listing = await h.uc.urls('THEMIS_ASI_RAW', '2022-01-01T13:58', '2022-01-02T00:01')
    expect(listing.requests).toBe(2)
    const times = listing.urls.map((u) => fileNameTime(u)!.getTime())
    expect(times).toEqual([...times].sort((a, b) => a - b))
    const sites = new Set(listing.urls.map((u) => /_(\w{4})_themis/.exec(u)?.[1]))
    expect(sites.size).toBeGreaterThan(10)
    expect(listing.count).toBe(4 * sites.size)
    expect(new Set(listing.urls).size).toBe(listing.count)
    const streamed = []
    for await (const f of h.uc.files('THEMIS_ASI_RAW', '2022-01-01T13:58', '2022-01-02T00:01')) {
      streamed.push(f.url)
    }
    expect(streamed).toEqual(listing.urls)
  })
})
