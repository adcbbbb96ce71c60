import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { AuroraxSearchError, type AuroraxSearchEvent, expression, metadataFilter } from '../src/index.ts'
import { type Harness, rejection, startHarness } from './helpers/harness.ts'

let h: Harness
beforeAll(async () => {
  h = await startHarness({
    searchDelayMs: 0,
    searchPolls: 2,
    failSearch: (_kind, q) =>
      JSON.stringify(q).includes('explode') ? 'Search failed: query timed out on the database' : undefined,
  })
})
afterAll(() => h.close())

const swarmHour = {
  start: '2020-02-01T06:00',
  end: '2020-02-01T06:59',
  programs: ['swarm'],
  platforms: ['swarma'],
}

describe('ephemeris searches', () => {
  test('run returns typed records and tells the story through onProgress', async () => {
    const events: AuroraxSearchEvent[] = []
    const result = await h.ax.ephemeris.run(swarmHour, { onProgress: (e) => events.push(e) })
    expect(result.records).toHaveLength(60)
    const first = result.records[0]!
    expect(first.epoch.toISOString()).toBe('2020-02-01T06:00:00.000Z')
    expect(first.dataSource).toMatchObject({ identifier: 5, program: 'swarm', platform: 'swarma' })
    expect(first.locationGeo).toEqual({ lat: expect.any(Number), lon: expect.any(Number) })
    expect(result.records.some((r) => r.nbtrace === null)).toBe(true)
    expect(
      result.records.every((r) => (r.nbtrace === null) === (r.metadata.nbtrace_region === 'low latitude')),
    ).toBe(true)
    const stages = events.map((e) => e.stage)
    expect(stages[0]).toBe('submitted')
    expect(stages).toContain('waiting')
    expect(stages.slice(-2)).toEqual(['available', 'retrieved'])
    expect(events[0]).toMatchObject({ requestId: result.requestId, requestUrl: result.requestUrl })
    expect(events.at(-1)).toMatchObject({ records: 60, bytes: result.status.fileSize })
    expect(result.requestUrl).toBe(`${h.emu.url}/api/v1/ephemeris/requests/${result.requestId}`)
  })

  test('the wire body is the one pyaurorax sends', async () => {
    const s = h.ax.ephemeris.search({
      ...swarmHour,
      metadataFilter: metadataFilter([
        expression('nbtrace_region', 'in', ['north auroral oval', 'north polar cap']),
      ]),
    })
    expect(s.query).toEqual({
      data_sources: {
        programs: ['swarm'],
        platforms: ['swarma'],
        instrument_types: [],
        ephemeris_metadata_filters: {
          logical_operator: 'AND',
          expressions: [
            { key: 'nbtrace_region', operator: 'in', values: ['north auroral oval', 'north polar cap'] },
          ],
        },
      },
      start: '2020-02-01T06:00:00',
      end: '2020-02-01T06:59:00',
    })
    const { records } = await s.run()
    expect(records.length).toBeGreaterThan(0)
    expect(records.length).toBeLessThan(60)
    expect(
      records.every((r) =>
        ['north auroral oval', 'north polar cap'].includes(String(r.metadata.nbtrace_region)),
      ),
    ).toBe(true)
  })

  test('step by step: submit, status, wait, data, logs; a search can be re-attached by id', async () => {
    const s = h.ax.ephemeris.search({ ...swarmHour, platforms: ['swarmb'] })
    expect(s.requestId).toBeUndefined()
    await s.submit()
    expect(s.requestId).toMatch(/^[0-9a-f-]{36}$/)
    const early = await s.status()
    expect(early).toMatchObject({ done: false, failed: false, dataUri: null })
    expect(s.logs[0]?.summary).toBe('Search request accepted')
    const status = await s.wait()
    expect(status).toMatchObject({ done: true, failed: false, resultCount: 60 })
    expect(status.completed).toBeInstanceOf(Date)
    expect(s.logs.at(-1)?.summary).toBe('Search completed, found 60 records')
    const again = h.ax.ephemeris.request(s.requestId!)
    expect(again.requestUrl).toBe(s.requestUrl)
    expect((await again.data()).length).toBe(60)
    const byUrl = h.ax.ephemeris.request(s.requestUrl!)
    expect((await byUrl.status()).resultCount).toBe(60)
  })

  test('a search must be submitted before it is polled; one attached by id is already submitted', async () => {
    const before = h.emu.server.requests.length
    const s = h.ax.ephemeris.search(swarmHour)
    for (const call of [s.status(), s.wait(), s.data(), s.cancel()]) {
      expect(await rejection(call)).toMatchObject({ code: 'INVALID_INPUT', provider: 'aurorax' })
    }
    const attached = h.ax.ephemeris.request('0b8e6c1e-0000-4000-8000-000000000000')
    expect(await attached.submit()).toBe(attached)
    expect(await rejection(h.ax.ephemeris.describe(attached))).toMatchObject({ code: 'INVALID_INPUT' })
    expect(() => h.ax.ephemeris.request('../../data_sources')).toThrow(/request id/)
    expect(h.emu.server.requests.length).toBe(before)
    expect(await rejection(attached.status())).toMatchObject({ code: 'NOT_FOUND', status: 404 })
  })

  test('a search needs at least one criterion, a valid range and known operators', async () => {
    const before = h.emu.server.requests.length
    expect(() => h.ax.ephemeris.search({ start: '2020-02-01', end: '2020-02-02' })).toThrow(/at least one of/)
    expect(() => h.ax.ephemeris.search({ ...swarmHour, end: '2020-01-01' })).toThrow(/must not be before/)
    expect(() =>
      h.ax.ephemeris.search({
        ...swarmHour,
        metadataFilter: { expressions: [{ key: 'k', operator: 'like' as '=', values: ['x'] }] },
      }),
    ).toThrow(/operator/)
    expect(await rejection(h.ax.ephemeris.run({ ...swarmHour, start: 'yesterday' }))).toMatchObject({
      code: 'INVALID_INPUT',
      provider: 'aurorax',
    })
    expect(h.emu.server.requests.length).toBe(before)
  })
})

describe('data product searches', () => {
  const feb2 = {
    start: '2020-02-02T00:00',
    end: '2020-02-02T23:59',
    programs: ['trex'],
    platforms: ['gillam'],
  }

  test('types and metadata filters select records', async () => {
    const { records } = await h.ax.dataProducts.run({ ...feb2, dataProductTypes: ['keogram'] })
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({ dataProductType: 'keogram', metadata: { site_uid: 'gill' } })
    expect(records[0]?.url).toMatch(
      /^https:\/\/data\.phys\.ucalgary\.ca\/.*20200202__gill_rgb-04_full-keogram\.jpg$/,
    )
    expect(records[0]?.start.toISOString()).toBe('2020-02-02T00:00:00.000Z')
    const good = await h.ax.dataProducts.run({
      ...feb2,
      metadataFilter: { logicalOperator: 'or', expressions: [expression('quality', '=', 'good')] },
    })
    expect(good.records.length).toBeGreaterThan(0)
    expect(good.records.length).toBeLessThan(23)
    expect(good.records.every((r) => r.metadata.quality === 'good')).toBe(true)
  })

  test('rawData posts a response_format and returns just those fields', async () => {
    const s = h.ax.dataProducts.search({ ...feb2, dataProductTypes: ['movie'] })
    await s.submit()
    await s.wait()
    const raw = await s.rawData({ url: true, data_source: { identifier: true } })
    expect(raw).toHaveLength(11)
    expect(raw[0]).toEqual({ url: expect.stringMatching(/\.mp4$/), data_source: { identifier: 1 } })
    expect(h.calls(`data_products/requests/${s.requestId}/data`, 'POST')).toHaveLength(1)
  })

  test('describe answers the API sentence as a plain string', async () => {
    const text = await h.ax.dataProducts.describe({ ...feb2, dataProductTypes: ['keogram'] })
    expect(text).toBe(
      "Find data product records WHERE program in ('trex') AND platform in ('gillam') AND data_product_type in ('keogram') AND time between '2020-02-02T00:00:00' and '2020-02-02T23:59:00'",
    )
    const s = h.ax.ephemeris.search(swarmHour)
    expect(await h.ax.ephemeris.describe(s)).toMatch(/^Find ephemeris records WHERE program in \('swarm'\)/)
  })

  test('availability counts records per day per source', async () => {
    const rows = await h.ax.dataProducts.availability('2020-02-01', '2020-02-03', { program: 'trex' })
    expect(rows).toHaveLength(4)
    expect(rows[0]?.days).toEqual({ '2020-02-01': 23, '2020-02-02': 23, '2020-02-03': 23 })
    const eph = await h.ax.ephemeris.availability('2020-02-01', '2020-02-02', { platform: 'swarmc' })
    expect(eph).toHaveLength(1)
    expect(eph[0]?.days).toEqual({ '2020-02-01': 1440, '2020-02-02': 1440 })
    expect(eph[0]?.dataSource.platform).toBe('swarmc')
  })
})

describe('the async lifecycle', () => {
  test('a failed search is an AuroraxSearchError carrying the last log line', async () => {
    const error = await rejection(
      h.ax.ephemeris.run({
        ...swarmHour,
        metadataFilter: { expressions: [expression('explode', '=', 'yes')] },
      }),
    )
    expect(error).toBeInstanceOf(AuroraxSearchError)
    expect(error).toMatchObject({ code: 'UNAVAILABLE', provider: 'aurorax' })
    expect(error.message).toContain('Search failed: query timed out on the database')
    expect(error.logs.at(-1)?.level).toBe('error')
  })

  test('an expired result is NOT_FOUND telling to run the search again', async () => {
    const s = h.ax.ephemeris.search(swarmHour)
    await s.submit()
    await s.wait()
    h.emu.expireResults()
    const error = await rejection(s.data())
    expect(error).toMatchObject({ code: 'NOT_FOUND', provider: 'aurorax' })
    expect(error.message).toMatch(/RESULT_EXPIRED.*run the search again/)
  })

  test('cancel stops the request on the server', async () => {
    const slow = await startHarness({ searchDelayMs: 60_000 })
    try {
      const s = slow.ax.ephemeris.search(swarmHour)
      await s.submit()
      await s.cancel()
      const status = await s.status()
      expect(status).toMatchObject({ done: true, failed: true })
      expect(s.logs.at(-1)?.summary).toBe('Search request was cancelled')
      expect(slow.calls(`ephemeris/requests/${s.requestId}`, 'DELETE')).toHaveLength(1)
    } finally {
      await slow.close()
    }
  })

  test('aborting a run cancels the server request and rejects with ABORTED', async () => {
    const slow = await startHarness({ searchDelayMs: 60_000 })
    try {
      const controller = new AbortController()
      const events: AuroraxSearchEvent[] = []
      const running = slow.ax.ephemeris.run(swarmHour, {
        signal: controller.signal,
        onProgress: (e) => {
          events.push(e)
          if (e.stage === 'waiting' && e.polls === 2) controller.abort()
        },
      })
      const error = await rejection(running)
      expect(error).toMatchObject({ code: 'ABORTED', provider: 'aurorax' })
      const id = (events[0] as { requestId: string }).requestId
      expect(slow.calls(`ephemeris/requests/${id}`, 'DELETE')).toHaveLength(1)
      expect(slow.emu.requests.all.get(id)?.cancelled).toBe(true)
    } finally {
      await slow.close()
    }
  })

  test('waiting past the overall timeout is TIMEOUT and cancels the request; polls back off', async () => {
    const slow = await startHarness({ searchDelayMs: 60_000 })
    try {
      const s = slow.ax.ephemeris.search(swarmHour)
      const error = await rejection(s.run({ timeout: 300, pollInterval: 10 }))
      expect(error).toMatchObject({ code: 'TIMEOUT', provider: 'aurorax' })
      expect(slow.emu.requests.all.get(s.requestId!)?.cancelled).toBe(true)
      // 10, 15, 22.5, 33.75, ... ms: far fewer polls than a fixed 10 ms interval would make
      expect(slow.calls(`ephemeris/requests/${s.requestId}`, 'GET').length).toBeLessThan(15)
    } finally {
      await slow.close()
    }
  })

  test('a Location on another origin is followed without the API key', async () => {
    // Same server, other origin: the client is configured for 127.0.0.1, the Location says localhost.
    const other = await startHarness({ publicUrl: (url) => url.replace('127.0.0.1', 'localhost') })
    const port = new URL(other.emu.url).port
    try {
      const s = other.as('user').ephemeris.search(swarmHour)
      await s.submit()
      expect(new URL(s.requestUrl!).host).toBe(`localhost:${port}`)
      expect((await s.wait()).resultCount).toBe(60)
      expect(await s.data()).toHaveLength(60)
      const sent = other.emu.server.requests
      const post = sent.find((r) => r.method === 'POST')!
      expect(post.headers['x-aurorax-api-key']).toBeDefined()
      const followed = sent.filter((r) => r.url.includes('/requests/'))
      expect(followed.length).toBeGreaterThan(1)
      for (const r of followed) {
        expect(r.headers.host).toBe(`localhost:${port}`)
        expect(r.headers['x-aurorax-api-key']).toBeUndefined()
      }
    } finally {
      await other.close()
    }
  })
})
