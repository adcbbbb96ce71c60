import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { failTimes, startUcalgaryEmulator, type UcalgaryEmulator } from '../src/index.ts'

let emu: UcalgaryEmulator
beforeAll(async () => {
  emu = await startUcalgaryEmulator({
    missingFiles: (path) => path.includes('_fsmi_'),
    extraDatasets: [{ name: 'FUTURE_L4_THING', level: 'L4', file_time_resolution: '1sec' }],
  })
})
afterAll(() => emu.close())

async function api(path: string, query: Record<string, string> = {}): Promise<[number, unknown]> {
  const url = new URL(`/api/v1/data_distribution/${path}`, emu.apiUrl)
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v)
  const res = await fetch(url)
  return [res.status, await res.json()]
}

interface Listing {
  urls: string[]
  path_prefix: string
  count: number
  dataset: { name: string }
  total_bytes: number | null
}

const hour = {
  name: 'THEMIS_ASI_RAW',
  start: '2022-01-01T06:00:00',
  end: '2022-01-01T06:59:59',
  site_uid: 'gill',
}

describe('datasets', () => {
  test('lists at least 20 datasets with every wire field', async () => {
    const [status, body] = await api('datasets')
    expect(status).toBe(200)
    const list = body as Record<string, unknown>[]
    expect(list.length).toBeGreaterThanOrEqual(21)
    const themis = list.find((d) => d.name === 'THEMIS_ASI_RAW')!
    expect(Object.keys(themis).sort()).toEqual(
      [
        'citation',
        'data_tree_url',
        'doi',
        'doi_details',
        'file_listing_supported',
        'file_time_resolution',
        'level',
        'long_description',
        'name',
        'short_description',
        'supported_libraries',
      ].sort(),
    )
    expect(themis).toMatchObject({
      level: 'L0',
      file_time_resolution: '1min',
      data_tree_url: `${emu.dataUrl}/sort_by_project/THEMIS/asi/stream0/`,
    })
    for (const res of ['1min', '1hr', '1day', 'not_applicable']) {
      expect(list.some((d) => d.file_time_resolution === res)).toBe(true)
    }
  })

  test('filters by name substring and by level', async () => {
    const [, byName] = await api('datasets', { name: 'keogram' })
    const names = (byName as { name: string }[]).map((d) => d.name)
    expect(names).toContain('THEMIS_ASI_DAILY_KEOGRAM_JPG')
    expect(names.every((n) => n.includes('KEOGRAM'))).toBe(true)
    const [, byLevel] = await api('datasets', { name: 'TREX', level: 'L0' })
    const levelled = byLevel as { name: string; level: string }[]
    expect(levelled.length).toBeGreaterThan(2)
    expect(levelled.every((d) => d.level === 'L0' && d.name.startsWith('TREX'))).toBe(true)
  })
})

describe('observatories', () => {
  test('lists an instrument array and filters uid partially, case-insensitively', async () => {
    const [status, body] = await api('observatories', { instrument_array: 'themis_asi' })
    expect(status).toBe(200)
    const list = body as { uid: string }[]
    expect(list.length).toBeGreaterThan(20)
    expect(list.find((o) => o.uid === 'gill')).toEqual({
      uid: 'gill',
      full_name: 'Gillam, MB, Canada',
      geodetic_latitude: 56.38,
      geodetic_longitude: -94.64,
    })
    const [, filtered] = await api('observatories', { instrument_array: 'rego', uid: 'GIL' })
    expect(filtered).toEqual([expect.objectContaining({ uid: 'gill' })])
    for (const array of [
      'trex_rgb',
      'trex_nir',
      'trex_blue',
      'trex_spectrograph',
      'norstar_riometer',
      'swan_hsr',
      'smile_asi',
    ]) {
      const [s, b] = await api('observatories', { instrument_array: array })
      expect(s).toBe(200)
      expect((b as unknown[]).length).toBeGreaterThan(0)
    }
  })

  test('rejects a missing or unknown instrument array with 422', async () => {
    expect((await api('observatories'))[0]).toBe(422)
    expect((await api('observatories', { instrument_array: 'nope' }))[0]).toBe(422)
  })
})

describe('urls', () => {
  test('lists one hour of raw files, end inclusive, in the archive tree', async () => {
    const [status, body] = await api('urls', hour)
    expect(status).toBe(200)
    const listing = body as Listing
    expect(listing.count).toBe(60)
    expect(listing.urls).toHaveLength(60)
    expect(listing.urls[0]).toBe(
      `${emu.dataUrl}/sort_by_project/THEMIS/asi/stream0/2022/01/01/gill_themis19/ut06/20220101_0600_gill_themis19_full.pgm.gz`,
    )
    expect(listing.urls[59]).toContain('20220101_0659_gill_themis19')
    expect(listing.path_prefix).toBe(`${emu.dataUrl}/sort_by_project/THEMIS/asi`)
    expect(listing.dataset.name).toBe('THEMIS_ASI_RAW')
    expect(listing.total_bytes).toBeNull()
  })

  test('fills total_bytes on request with the sizes the data host serves', async () => {
    const [, body] = await api('urls', { ...hour, include_total_bytes: 'true' })
    const listing = body as Listing
    const sum = listing.urls.reduce((s, u) => s + emu.expectedBytes(u).length, 0)
    expect(listing.total_bytes).toBe(sum)
    expect(sum).toBeGreaterThan(60 * 2048)
  })

  test('filters by device and lists all sites without a filter', async () => {
    const [, byDevice] = await api('urls', { ...hour, site_uid: '', device_uid: 'themis19' })
    expect((byDevice as Listing).count).toBe(60)
    const [, all] = await api('urls', {
      name: 'THEMIS_ASI_RAW',
      start: '2022-01-01T06:00',
      end: '2022-01-01T06:00',
    })
    expect((all as Listing).count).toBe(23)
  })

  test('answers the real error messages', async () => {
    expect(await api('urls', { ...hour, start: '2022-01-02T00:00:00' })).toEqual([
      400,
      { detail: 'Start time is after the end time' },
    ])
    expect(await api('urls', { ...hour, end: '2022-01-02T06:00:01' })).toEqual([
      400,
      { detail: 'Timeframe exceeds valid range; this dataset listing must be limited to one day' },
    ])
    expect(await api('urls', { ...hour, name: 'NOT_A_DATASET' })).toEqual([
      404,
      { detail: 'Dataset name does not exist' },
    ])
    expect((await api('urls', { ...hour, start: 'yesterday' }))[0]).toBe(422)
    expect((await api('urls', { name: 'THEMIS_ASI_RAW' }))[0]).toBe(422)
  })

  test('a whole day of 1min files is one listing; hourly and daily datasets have their own limits', async () => {
    const [s1, day] = await api('urls', { ...hour, start: '2022-01-01T00:00:00', end: '2022-01-01T23:59:59' })
    expect(s1).toBe(200)
    expect((day as Listing).count).toBe(14 * 60)
    const hourly = { name: 'TREX_SPECT_PROCESSED_V1', site_uid: 'luck' }
    const [s2, month] = await api('urls', { ...hourly, start: '2022-01-01', end: '2022-01-31T23:59:59' })
    expect(s2).toBe(200)
    expect((month as Listing).count).toBe(31 * 14)
    expect((await api('urls', { ...hourly, start: '2022-01-01', end: '2022-02-02' }))[0]).toBe(400)
    const daily = { name: 'THEMIS_ASI_DAILY_KEOGRAM_JPG', site_uid: 'gill' }
    const [, year] = await api('urls', { ...daily, start: '2022-01-01', end: '2022-12-31' })
    expect((year as Listing).count).toBe(365)
    expect((await api('urls', { ...daily, start: '2020-01-01', end: '2022-01-01' }))[0]).toBe(400)
  })

  test('skymaps list one file per site per year, and nothing before a dataset began', async () => {
    const [, body] = await api('urls', {
      name: 'THEMIS_ASI_SKYMAP_IDLSAV',
      start: '2010-01-01',
      end: '2019-12-31T23:59:59',
      site_uid: 'atha',
    })
    const listing = body as Listing
    expect(listing.count).toBe(10)
    expect(listing.urls[0]).toMatch(
      /\/skymaps\/atha\/atha_2010\d{4}\/themis_skymap_atha_2010\d{4}-\+_v02\.sav$/,
    )
    const [, early] = await api('urls', { ...hour, start: '2001-01-01T06:00', end: '2001-01-01T06:59' })
    expect((early as Listing).count).toBe(0)
  })

  test('lists extra datasets with unknown levels and no files', async () => {
    const [, list] = await api('datasets', { name: 'future' })
    expect(list).toEqual([expect.objectContaining({ level: 'L4' })])
    const [status, body] = await api('urls', { ...hour, name: 'FUTURE_L4_THING' })
    expect(status).toBe(200)
    expect((body as Listing).count).toBe(0)
  })
})

describe('data host', () => {
  test('serves deterministic bodies with sizes, ranges and 404 pages', async () => {
    const [, body] = await api('urls', hour)
    const url = (body as Listing).urls[5]!
    const res = await fetch(url)
    expect(res.status).toBe(200)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect(bytes).toEqual(emu.expectedBytes(url))
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length)
    const ranged = await fetch(url, { headers: { range: 'bytes=10-19' } })
    expect(ranged.status).toBe(206)
    expect(new Uint8Array(await ranged.arrayBuffer())).toEqual(bytes.subarray(10, 20))
    const missing = await fetch(`${emu.dataUrl}/sort_by_project/NOPE/file.h5`)
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('<html>')
  })

  test('answers a 200 HTML page for files marked missing', async () => {
    const [, body] = await api('urls', { ...hour, site_uid: 'fsmi' })
    const res = await fetch((body as Listing).urls[0]!)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(await res.text()).toContain('Not Found')
  })

  test('injects faults on each host', async () => {
    const faulty = await startUcalgaryEmulator({
      faults: failTimes(1, { kind: 'status', status: 503 }),
      dataFaults: failTimes(1, { kind: 'status', status: 500 }),
    })
    try {
      const url = new URL('/api/v1/data_distribution/datasets', faulty.apiUrl)
      expect((await fetch(url)).status).toBe(503)
      expect((await fetch(url)).status).toBe(200)
      const file = `${faulty.dataUrl}/sort_by_project/THEMIS/asi/stream0/2022/01/01/gill_themis19/ut06/20220101_0600_gill_themis19_full.pgm.gz`
      expect((await fetch(file)).status).toBe(500)
      expect((await fetch(file)).status).toBe(200)
    } finally {
      await faulty.close()
    }
  })
})
