import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHeliokit, outcomeValues } from '@heliokit/core'
import { download } from '@heliokit/download'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ucalgary } from '../src/index.ts'
import { failure } from './helpers/failure.ts'
import { type Harness, startHarness } from './helpers/harness.ts'

let h: Harness
beforeAll(async () => {
  h = await startHarness({
    extraDatasets: [{ name: 'FUTURE_THING', level: 'L4', file_time_resolution: '10sec' }],
  })
})
afterAll(() => h.close())

describe('datasets', () => {
  test('lists every dataset, typed, and filters by name and level', async () => {
    const all = await h.uc.datasets()
    expect(all.length).toBeGreaterThanOrEqual(20)
    expect(all.find((d) => d.name === 'THEMIS_ASI_RAW')).toMatchObject({
      level: 'L0',
      fileTimeResolution: '1min',
      dataTreeUrl: `${h.emu.dataUrl}/sort_by_project/THEMIS/asi/stream0/`,
    })
    const keograms = await h.uc.datasets({ name: 'keogram', level: 'L2' })
    expect(keograms.length).toBeGreaterThan(1)
    expect(keograms.every((d) => d.name.includes('KEOGRAM') && d.level === 'L2')).toBe(true)
  })

  test('keeps a dataset with an unknown level and resolution in the list', async () => {
    const [future] = await h.uc.datasets({ name: 'FUTURE' })
    expect(future).toMatchObject({ name: 'FUTURE_THING', level: 'L4', fileTimeResolution: '10sec' })
  })

  test('getDataset finds an exact name in any case and is NOT_FOUND otherwise', async () => {
    expect((await h.uc.getDataset('themis_asi_raw')).name).toBe('THEMIS_ASI_RAW')
    // 'THEMIS_ASI' matches several names as a substring, none exactly.
    expect((await failure(h.uc.getDataset('THEMIS_ASI'))).code).toBe('NOT_FOUND')
  })
})

describe('observatories', () => {
  test('lists observatories of an instrument array, filtered by partial uid', async () => {
    const themis = await h.uc.observatories('themis_asi')
    expect(themis.find((o) => o.uid === 'gill')).toEqual({
      uid: 'gill',
      fullName: 'Gillam, MB, Canada',
      geodeticLatitude: 56.38,
      geodeticLongitude: -94.64,
    })
    expect((await h.uc.observatories('trex_rgb', { uid: 'LU' })).map((o) => o.uid)).toEqual(['luck'])
  })

  test('an unknown array is INVALID_INPUT from the server; a malformed one before any request', async () => {
    expect((await failure(h.uc.observatories('no_such_array'))).code).toBe('INVALID_INPUT')
    const before = h.emu.api.requests.length
    expect((await failure(h.uc.observatories('Bad Array!'))).code).toBe('INVALID_INPUT')
    expect((await failure(h.uc.observatories('rego', { uid: '../x' }))).code).toBe('INVALID_INPUT')
    expect(h.emu.api.requests.length).toBe(before)
  })
})

describe('urls', () => {
  test('one hour of raw data, end inclusive to the minute: 60 files, in order', async () => {
    const listing = await h.uc.urls('THEMIS_ASI_RAW', '2022-01-01T06:00', '2022-01-01T06:59', {
      site: 'gill',
    })
    expect(listing.count).toBe(60)
    expect(listing.urls[0]).toBe(
      `${h.emu.dataUrl}/sort_by_project/THEMIS/asi/stream0/2022/01/01/gill_themis19/ut06/20220101_0600_gill_themis19_full.pgm.gz`,
    )
    expect(listing.urls.at(-1)).toContain('20220101_0659_gill_themis19')
    expect(listing.pathPrefix).toBe(`${h.emu.dataUrl}/sort_by_project/THEMIS/asi`)
    expect(listing.totalBytes).toBe(listing.urls.reduce((s, u) => s + h.emu.expectedBytes(u).length, 0))
    expect(listing.requests).toBe(1)
  })

  test('a week of raw data is one call: split into days the server accepts, merged with no gap or duplicate', async () => {
    const before = h.listingCalls().length
    const week = await h.uc.urls('THEMIS_ASI_RAW', '2022-01-01T00:00', '2022-01-07T23:59', { site: 'gill' })
    const calls = h.listingCalls().slice(before)
    expect(calls.map((q) => [q.get('start'), q.get('end')])).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((d) => [
        `2022-01-0${d}T00:00:00`,
        d === 7 ? '2022-01-07T23:59:00' : `2022-01-0${d}T23:59:59`,
      ]),
    )
    // Imagers record 14 dark hours a day in the emulator.
    expect(week.count).toBe(7 * 14 * 60)
    expect(new Set(week.urls).size).toBe(week.count)
    expect([...week.urls].sort()).toEqual(week.urls)
    const day3 = await h.uc.urls('THEMIS_ASI_RAW', '2022-01-03T00:00', '2022-01-03T23:59:59', {
      site: 'gill',
    })
    expect(week.urls.slice(2 * 14 * 60, 3 * 14 * 60)).toEqual(day3.urls)
  })

  test('a range starting mid-day lists across the midnight boundary exactly once', async () => {
    const listing = await h.uc.urls('THEMIS_ASI_RAW', '2022-01-01T13:30', '2022-01-02T00:30', {
      site: 'gill',
    })
    // 13:30-13:59 on day one (30 files), 00:00-00:30 on day two (31 files).
    expect(listing.count).toBe(61)
    expect(listing.requests).toBe(2)
  })

  test('splits windows again when the server rejects a window it was expected to accept', async () => {
    const strict = await startHarness({ listingLimits: { '1min': 5 * 3_600_000 } })
    try {
      const day = await strict.uc.urls('THEMIS_ASI_RAW', '2022-01-01T00:00', '2022-01-01T23:59', {
        site: 'gill',
      })
      expect(day.count).toBe(14 * 60)
      expect(new Set(day.urls).size).toBe(day.count)
      const calls = strict.listingCalls()
      const spans = calls.map((q) => Date.parse(`${q.get('end')}Z`) - Date.parse(`${q.get('start')}Z`))
      // One rejected day, rejected halves, then only windows the server accepts.
      expect(spans.filter((s) => s <= 5 * 3_600_000).length).toBeGreaterThanOrEqual(5)
      expect(calls.length).toBeLessThanOrEqual(12)
    } finally {
      await strict.close()
    }
  })

  test('hourly and daily datasets use long windows', async () => {
    const before = h.listingCalls().length
    const spect = await h.uc.urls('TREX_SPECT_PROCESSED_V1', '2022-01-01', '2022-03-31T23:00', {
      site: 'luck',
    })
    expect(spect.count).toBe(90 * 14)
    const keo = await h.uc.urls('THEMIS_ASI_DAILY_KEOGRAM_JPG', '2020-01-01', '2022-12-31', { site: 'gill' })
    expect(keo.count).toBe(366 + 365 + 365)
    expect(new Set(keo.urls).size).toBe(keo.count)
    expect(h.listingCalls().length - before).toBeLessThanOrEqual(4 + 5)
  })

  test('filters by device, and an empty range is an empty listing', async () => {
    const byDevice = await h.uc.urls('REGO_RAW', '2022-01-01T06:00', '2022-01-01T06:09', {
      device: 'rego-652',
    })
    expect(byDevice.count).toBe(10)
    expect(byDevice.urls.every((u) => u.includes('gill_rego-652'))).toBe(true)
    const empty = await h.uc.urls('THEMIS_ASI_RAW', '2001-01-01T06:00', '2001-01-01T06:59')
    expect(empty.count).toBe(0)
  })

  test('an unknown dataset is NOT_FOUND', async () => {
    const missing = await failure(h.uc.urls('NO_SUCH_DATASET', '2022-01-01', '2022-01-02'))
    expect(missing.code).toBe('NOT_FOUND')
    expect(missing.message).toContain('NO_SUCH_DATASET does not exist')
  })

  test('bad input is INVALID_INPUT before any request', async () => {
    const before = h.emu.api.requests.length
    const cases = [
      h.uc.urls('THEMIS ASI RAW', '2022-01-01', '2022-01-02'),
      h.uc.urls('THEMIS_ASI_RAW', '2022-01-02', '2022-01-01'),
      h.uc.urls('THEMIS_ASI_RAW', 'yesterday', '2022-01-01'),
      h.uc.urls('THEMIS_ASI_RAW', '2022-01-01', '2022-01-02', { site: 'gill/../x' }),
      h.uc.urls('THEMIS_ASI_RAW', '2022-01-01', '2022-01-02', { device: 'themis 19' }),
      h.uc.getDataset('NOT/A/NAME'),
      h.uc.datasets({ level: 'zero' }),
    ]
    for (const c of cases) expect((await failure(c)).code).toBe('INVALID_INPUT')
    expect(h.emu.api.requests.length).toBe(before)
  })
})

describe('files', () => {
  test('are DataFiles with the data-tree path, time span and site', async () => {
    const files = []
    for await (const f of h.uc.files('THEMIS_ASI_RAW', '2022-01-01T06:00', '2022-01-01T06:01', {
      site: 'gill',
    })) {
      files.push(f)
    }
    expect(files).toHaveLength(2)
    expect(files[0]).toEqual({
      provider: 'ucalgary',
      dataset: 'THEMIS_ASI_RAW',
      url: `${h.emu.dataUrl}/sort_by_project/THEMIS/asi/stream0/2022/01/01/gill_themis19/ut06/20220101_0600_gill_themis19_full.pgm.gz`,
      start: new Date('2022-01-01T06:00:00Z'),
      stop: new Date('2022-01-01T06:01:00Z'),
      path: 'THEMIS_ASI_RAW/stream0/2022/01/01/gill_themis19/ut06/20220101_0600_gill_themis19_full.pgm.gz',
      metadata: { site: 'gill', device: 'themis19' },
    })
  })

  test('the composed files capability takes a half-open range', async () => {
    const hk = createHeliokit({
      providers: [ucalgary({ baseUrl: h.emu.apiUrl })],
      transports: [createHttpTransport()],
    })
    const out = []
    for await (const o of hk.files({
      dataset: 'THEMIS_ASI_RAW',
      start: '2022-01-01T06:00',
      end: '2022-01-01T07:00',
      site: 'gill',
    })) {
      if (!o.ok) throw o.error
      out.push(o.value)
    }
    expect(out).toHaveLength(60)
    const datasets = []
    for await (const o of hk.datasets({ text: 'SKYMAP' })) if (o.ok) datasets.push(o.value.id)
    expect(datasets).toContain('THEMIS_ASI_SKYMAP_IDLSAV')
  })

  test('a composed listing downloads with one call through the client context', async () => {
    const hk = createHeliokit({
      providers: [ucalgary({ baseUrl: h.emu.apiUrl })],
      transports: [createHttpTransport()],
    })
    const outDir = await mkdtemp(join(tmpdir(), 'heliokit-composed-'))
    try {
      const query = {
        dataset: 'THEMIS_ASI_RAW',
        start: '2022-01-01T06:00',
        end: '2022-01-01T06:10',
        site: 'gill',
      }
      const result = await download(outcomeValues(hk.files(query)), { context: hk.context, outDir })
      expect(result.downloaded).toHaveLength(10)
      for (const { file, localPath } of result.downloaded) {
        expect(new Uint8Array(await readFile(localPath))).toEqual(h.emu.expectedBytes(file.url))
      }
    } finally {
      await rm(outDir, { recursive: true, force: true })
      await hk.close()
    }
  })
})
