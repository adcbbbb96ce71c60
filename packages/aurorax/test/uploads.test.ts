import type { FaultPlan } from '@heliokit/testkit'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type AuroraxEphemerisInput, AuroraxUploadError } from '../src/index.ts'
import { type Harness, rejection, startHarness } from './helpers/harness.ts'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.close())

const rabbit = { program: 'trex', platform: 'rabbit lake', instrumentType: 'RGB ASI' }
const site = { lat: 58.2229, lon: -103.6812 }

function ephemeris(count: number, day = '2021-03-01'): AuroraxEphemerisInput[] {
  return Array.from({ length: count }, (_, i) => ({
    dataSource: rabbit,
    epoch: new Date(Date.parse(`${day}T00:00:00Z`) + i * 60_000),
    locationGeo: site,
    nbtrace: site,
    metadata: { cloud_cover: 'clear' },
  }))
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

describe('ephemeris uploads', () => {
  test('a maintainer uploads in ordered chunks; records are stored and searchable', async () => {
    const records = deepFreeze(ephemeris(7))
    const progress: number[] = []
    const result = await h.as('maintainer').ephemeris.upload(2, records, {
      chunkSize: 3,
      validateSource: true,
      onProgress: (p) => progress.push(p.completedItems!),
    })
    expect(result).toEqual({ stored: 7, chunks: 3 })
    expect(progress).toEqual([3, 6, 7])
    expect(h.calls('data_sources/2/ephemeris', 'POST')).toHaveLength(3)
    const stored = h.emu.store.ephemeris.get(2)!
    expect(stored.get(Date.parse('2021-03-01T00:06:00Z'))?.location_gsm).toEqual({ lat: null, lon: null })
    const { records: found } = await h.ax.ephemeris.run({
      start: '2021-03-01T00:00',
      end: '2021-03-01T00:10',
      platforms: ['rabbit lake'],
    })
    expect(found.map((r) => r.epoch.toISOString().slice(11, 16))).toEqual([
      '00:00',
      '00:01',
      '00:02',
      '00:03',
      '00:04',
      '00:05',
      '00:06',
    ])
    expect(found[0]?.locationGsm).toBeNull()
  })

  test('uploading a record again replaces it (upsert by source and epoch)', async () => {
    const [first] = ephemeris(1, '2021-03-02')
    await h.as('owner').ephemeris.upload(2, [first!])
    await h.as('owner').ephemeris.upload(2, [{ ...first!, metadata: { cloud_cover: 'cloudy' } }])
    const stored = h.emu.store.ephemeris.get(2)!.get(Date.parse('2021-03-02T00:00:00Z'))
    expect(stored?.metadata).toEqual({ cloud_cover: 'cloudy' })
  })

  test('the wire records carry names and minute epochs; caller objects are not mutated', async () => {
    const records = ephemeris(1, '2021-03-03')
    const copy = structuredClone(records)
    await h.as('owner').ephemeris.upload(2, records)
    expect(records).toEqual(copy)
    expect(records[0]).toHaveProperty('dataSource')
  })

  test('seconds are INVALID_INPUT unless truncation is asked for; nothing is sent', async () => {
    const before = h.emu.server.requests.length
    const late = [
      ...ephemeris(2, '2021-03-04'),
      { ...ephemeris(1, '2021-03-04')[0]!, epoch: '2021-03-04T00:10:30Z' },
    ]
    const error = await rejection(h.as('owner').ephemeris.upload(2, late))
    expect(error).toMatchObject({ code: 'INVALID_INPUT', provider: 'aurorax' })
    expect(error.issues[0]?.path).toBe('records.2.epoch')
    expect(h.emu.server.requests.length).toBe(before)
    await h.as('owner').ephemeris.upload(2, late, { truncateSeconds: true })
    expect(h.emu.store.ephemeris.get(2)!.has(Date.parse('2021-03-04T00:10:00Z'))).toBe(true)
  })

  test('every bad field is listed at once; validateSource catches records of another source', async () => {
    const bad = [
      { ...ephemeris(1)[0]!, locationGeo: { lat: 95, lon: 0 } },
      { ...ephemeris(1)[0]!, dataSource: { program: 'trex' } },
    ]
    const error = await rejection(h.as('owner').ephemeris.upload(2, bad))
    expect(error.issues.map((i: { path: string }) => i.path)).toEqual([
      'records.0.locationGeo.lat',
      'records.1.dataSource.platform',
    ])
    const other = ephemeris(2).map((r, i) =>
      i === 1 ? { ...r, dataSource: { ...rabbit, platform: 'gillam' } } : r,
    )
    const before = h.calls('data_sources/2/ephemeris', 'POST').length
    const mismatch = await rejection(h.as('owner').ephemeris.upload(2, other, { validateSource: true }))
    expect(mismatch).toMatchObject({ code: 'INVALID_INPUT', provider: 'aurorax' })
    expect(mismatch.issues[0]?.path).toBe('records.1.dataSource')
    expect(h.calls('data_sources/2/ephemeris', 'POST').length).toBe(before)
  })

  test('the server 400 list of problems reaches the caller', async () => {
    const other = ephemeris(1).map((r) => ({ ...r, dataSource: { ...rabbit, platform: 'gillam' } }))
    const error = await rejection(h.as('owner').ephemeris.upload(2, other))
    expect(error).toBeInstanceOf(AuroraxUploadError)
    expect(error).toMatchObject({ code: 'INVALID_INPUT', status: 400, provider: 'aurorax' })
    expect(error.message).toContain('must match data source 2')
    expect(error.report).toMatchObject({ stored: 0, storedChunks: [], failedChunkMayBeStored: false })
  })

  test('roles: a user may not upload; a maintainer may not upload to a source it does not maintain', async () => {
    expect(await rejection(h.as('user').ephemeris.upload(2, ephemeris(1)))).toMatchObject({
      code: 'AUTH',
      status: 403,
    })
    const swarm = [
      {
        ...ephemeris(1)[0]!,
        dataSource: { program: 'swarm', platform: 'swarma', instrumentType: 'footprint' },
      },
    ]
    expect(await rejection(h.as('maintainer').ephemeris.upload(5, swarm))).toMatchObject({
      code: 'AUTH',
      status: 403,
    })
    expect(await rejection(h.ax.ephemeris.upload(2, ephemeris(1)))).toMatchObject({
      code: 'AUTH',
      status: 401,
    })
  })

  test('only administrators delete ephemeris; the range is inclusive', async () => {
    await h.as('owner').ephemeris.upload(2, ephemeris(5, '2021-03-05'))
    expect(
      await rejection(h.as('owner').ephemeris.delete(2, '2021-03-05T00:01', '2021-03-05T00:03')),
    ).toMatchObject({
      code: 'AUTH',
      status: 403,
    })
    const source = await h.ax.sources.get(2)
    await h.as('administrator').ephemeris.delete(source, '2021-03-05T00:01', '2021-03-05T00:03')
    const left = [...h.emu.store.ephemeris.get(2)!.keys()].filter(
      (t) => t >= Date.parse('2021-03-05') && t < Date.parse('2021-03-06'),
    )
    expect(left.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(['00:00', '00:04'])
  })
})

describe('transient and mid-way failures', () => {
  /** Fails POSTs to a path from the `after`-th on, `times` times each (Infinity = for good). */
  function failUploads(after: number, times: number, status: number): FaultPlan {
    let seen = 0
    let failed = 0
    return {
      pick(req) {
        if (req.method !== 'POST' || !req.url?.includes('/ephemeris')) return undefined
        seen++
        if (seen > after && failed < times) {
          failed++
          return {
            kind: 'status',
            status,
            body: '{"error_code":"SERVER_ERROR","error_message":"database unavailable"}',
          }
        }
        return undefined
      },
    }
  }

  test('a transient 503 on a chunk is retried and the upload completes', async () => {
    const flaky = await startHarness({ faults: failUploads(1, 1, 503) })
    try {
      const result = await flaky.as('owner').ephemeris.upload(2, ephemeris(6, '2021-04-01'), { chunkSize: 2 })
      expect(result).toEqual({ stored: 6, chunks: 3 })
      expect(flaky.calls('data_sources/2/ephemeris', 'POST')).toHaveLength(4)
      expect(flaky.emu.store.ephemeris.get(2)!.has(Date.parse('2021-04-01T00:05:00Z'))).toBe(true)
    } finally {
      await flaky.close()
    }
  })

  test('an upload failing mid-way reports exactly which chunks and records were stored', async () => {
    const broken = await startHarness({ faults: failUploads(2, Number.POSITIVE_INFINITY, 500) })
    try {
      const error = await rejection(
        broken.as('owner').ephemeris.upload(2, ephemeris(10, '2021-04-02'), { chunkSize: 3 }),
      )
      expect(error).toBeInstanceOf(AuroraxUploadError)
      expect(error).toMatchObject({ code: 'HTTP', status: 500, provider: 'aurorax' })
      expect(error.report).toEqual({
        stored: 6,
        total: 10,
        storedChunks: [
          { index: 0, from: 0, to: 3 },
          { index: 1, from: 3, to: 6 },
        ],
        failedChunk: { index: 2, from: 6, to: 9 },
        failedChunkMayBeStored: false,
        unsentChunks: [{ index: 3, from: 9, to: 10 }],
      })
      expect(error.message).toContain(
        'upload stopped at chunk 3 of 4 (records 6-8): 6 of 10 records stored (chunks 1-2)',
      )
      expect(error.message).toContain('database unavailable')
      const stored = [...broken.emu.store.ephemeris.get(2)!.keys()].filter(
        (t) => t >= Date.parse('2021-04-02'),
      )
      expect(stored).toHaveLength(6)
    } finally {
      await broken.close()
    }
  })
})

describe('data product uploads and deletes', () => {
  const keogram = (day: number) => ({
    dataSource: rabbit,
    dataProductType: 'keogram' as const,
    start: `2021-05-${String(day).padStart(2, '0')}T00:00`,
    end: `2021-05-${String(day).padStart(2, '0')}T23:59`,
    url: `https://example.org/keograms/2021-05-${day}.jpg`,
    metadata: { quality: 'good' },
  })

  test('upsert by URL, delete by URL and by a time range', async () => {
    const owner = h.as('owner')
    await owner.dataProducts.upload(2, [keogram(1), keogram(2), keogram(3), keogram(4)])
    await owner.dataProducts.upload(2, [{ ...keogram(1), metadata: { quality: 'cloudy' } }])
    const products = h.emu.store.dataProducts.get(2)!
    expect(products.get('https://example.org/keograms/2021-05-1.jpg')?.metadata).toEqual({
      quality: 'cloudy',
    })
    const admin = h.as('administrator')
    await admin.dataProducts.deleteUrls(2, ['https://example.org/keograms/2021-05-1.jpg'])
    expect(products.has('https://example.org/keograms/2021-05-1.jpg')).toBe(false)
    const deleted = await admin.dataProducts.delete(2, '2021-05-02T00:00', '2021-05-03T12:00', {
      dataProductTypes: ['keogram'],
    })
    expect(deleted).toBe(2)
    expect([...products.keys()].filter((u) => u.includes('2021-05'))).toEqual([
      'https://example.org/keograms/2021-05-4.jpg',
    ])
    expect(
      await rejection(owner.dataProducts.deleteUrls(2, ['https://example.org/keograms/2021-05-4.jpg'])),
    ).toMatchObject({
      code: 'AUTH',
      status: 403,
    })
  })

  test('bad data products are INVALID_INPUT before anything is sent', async () => {
    const before = h.emu.server.requests.length
    const bad = [
      { ...keogram(9), dataProductType: 'image' as 'movie' },
      { ...keogram(9), url: 'not a url' },
      { ...keogram(9), end: '2021-05-08' },
    ]
    const error = await rejection(h.as('owner').dataProducts.upload(2, bad))
    expect(error.issues.map((i: { path: string }) => i.path)).toEqual([
      'records.0.dataProductType',
      'records.1.url',
      'records.2.end',
    ])
    expect(
      await rejection(h.as('owner').dataProducts.upload(2, [keogram(9)], { chunkSize: 0 })),
    ).toMatchObject({ code: 'INVALID_INPUT' })
    expect(h.emu.server.requests.length).toBe(before)
  })
})
