import { onlyFor } from '@heliokit/testkit'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { errorTexts, type Harness, rejection, startHarness } from './helpers/harness.ts'

const SECRET = 'axk-admin-should-never-leak-9f8e7d'

describe('maintenance mode', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness({ maintenance: true })
  })
  afterAll(() => h.close())

  test('writes are UNAVAILABLE saying maintenance mode; reads and searches still work', async () => {
    const admin = h.as('administrator')
    const error = await rejection(admin.sources.update(1, { displayName: 'x' }))
    expect(error).toMatchObject({ code: 'UNAVAILABLE', status: 503, provider: 'aurorax' })
    expect(error.message).toContain('maintenance mode')
    const upload = await rejection(
      admin.dataProducts.upload(1, [
        {
          dataSource: { program: 'trex', platform: 'gillam', instrumentType: 'RGB ASI' },
          dataProductType: 'movie',
          start: '2021-01-01T00:00',
          end: '2021-01-01T00:59',
          url: 'https://example.org/m.mp4',
        },
      ]),
    )
    expect(upload).toMatchObject({ code: 'UNAVAILABLE', provider: 'aurorax' })
    expect(upload.message).toContain('maintenance mode')
    expect(upload.report.stored).toBe(0)
    expect((await admin.sources.list({ program: 'swarm' })).length).toBe(3)
    h.emu.setMaintenance(false)
    expect((await admin.sources.update(1, { displayName: 'TREx RGB GILL' })).displayName).toBe(
      'TREx RGB GILL',
    )
  })
})

describe('error mapping', () => {
  const cases = [
    {
      status: 400,
      body: '{"error_code":"VALIDATION_ERROR","error_message":"bad format"}',
      code: 'INVALID_INPUT',
      text: 'bad format',
    },
    { status: 401, body: '<html><body>401 Authorization Required</body></html>', code: 'AUTH' },
    {
      status: 403,
      body: '{"error_code":"FORBIDDEN","error_message":"not yours"}',
      code: 'AUTH',
      text: 'not yours',
    },
    { status: 404, body: '<html>Not Found</html>', code: 'NOT_FOUND' },
    {
      status: 409,
      body: '{"error_code":"DUPLICATE","error_message":"exists"}',
      code: 'CONFLICT',
      text: 'exists',
    },
    { status: 429, body: '{}', code: 'RATE_LIMITED' },
    { status: 500, body: '{"error_code":"SERVER_ERROR","error_message":"boom"}', code: 'HTTP', text: 'boom' },
    { status: 502, body: '<html>Bad Gateway</html>', code: 'HTTP' },
    {
      status: 503,
      body: '{"error_code":"UNAVAILABLE","error_message":"down"}',
      code: 'UNAVAILABLE',
      text: 'down',
    },
  ] as const
  for (const c of cases) {
    test(`${c.status} is ${c.code} with provider aurorax${'text' in c ? ' and the API message' : ''}`, async () => {
      const h = await startHarness({
        faults: onlyFor((p) => p === '/api/v1/data_sources', {
          pick: () => ({ kind: 'status', status: c.status, body: c.body }),
        }),
      })
      try {
        const error = await rejection(h.ax.sources.list())
        expect(error).toMatchObject({ code: c.code, status: c.status, provider: 'aurorax' })
        expect(error.message).toMatch(/^\[heliokit\] \[aurorax\] GET \/api\/v1\/data_sources/)
        if ('text' in c) expect(error.message).toContain(c.text)
        expect(error.message).not.toContain('<html')
      } finally {
        await h.close()
      }
    })
  }

  test('a server that never answers is TIMEOUT', async () => {
    const h = await startHarness({ faults: { pick: () => ({ kind: 'hang' }) } })
    try {
      const error = await rejection(h.as('user', { timeout: 300 }).sources.list())
      expect(error).toMatchObject({ code: 'TIMEOUT', provider: 'aurorax' })
    } finally {
      await h.close()
    }
  })

  test('a non-202 answer to a search submit is BAD_RESPONSE', async () => {
    const h = await startHarness({
      faults: onlyFor((p) => p.endsWith('/search'), {
        pick: () => ({ kind: 'status', status: 200, body: '{}' }),
      }),
    })
    try {
      const error = await rejection(
        h.ax.ephemeris.run({ start: '2020-02-01', end: '2020-02-01T01:00', programs: ['swarm'] }),
      )
      expect(error).toMatchObject({ code: 'BAD_RESPONSE', provider: 'aurorax' })
      expect(error.message).toContain('expected 202')
    } finally {
      await h.close()
    }
  })

  test('a 202 without a Location is BAD_RESPONSE', async () => {
    const h = await startHarness({
      faults: onlyFor((p) => p.endsWith('/search'), {
        pick: () => ({ kind: 'status', status: 202, body: '' }),
      }),
    })
    try {
      const error = await rejection(
        h.ax.dataProducts.run({ start: '2020-02-01', end: '2020-02-02', programs: ['trex'] }),
      )
      expect(error).toMatchObject({ code: 'BAD_RESPONSE', provider: 'aurorax', status: 202 })
      expect(error.message).toContain('(none sent)')
    } finally {
      await h.close()
    }
  })
})

describe('malformed search results over the socket', () => {
  const good = {
    data_source: { identifier: 3, program: 'trex', platform: 'gillam', instrument_type: 'RGB ASI' },
    data_product_type: 'movie',
    start: '2020-02-01T06:00:00',
    end: '2020-02-01T06:59:59',
    url: 'https://data.example/m.mp4',
    metadata: { site_uid: 'gill' },
  }
  const serving = async (result: unknown[]) =>
    startHarness({
      faults: onlyFor((p) => p.endsWith('/data'), {
        pick: () => ({ kind: 'status', status: 200, body: JSON.stringify({ result }) }),
      }),
    })

  test('a bad record before good ones is BAD_RESPONSE from aurorax naming the record and field', async () => {
    const h = await serving([good, { ...good, end: '2020-02-01T06:59' }, good])
    try {
      const error = await rejection(h.ax.dataProducts.request('r-1').data())
      expect(error).toMatchObject({ code: 'BAD_RESPONSE', provider: 'aurorax' })
      expect(error.message).toMatch(
        /^\[heliokit\] \[aurorax\] .*\/data_products\/requests\/r-1\/data: 1\.end: /,
      )
    } finally {
      await h.close()
    }
  })

  test('records the fast path leaves to the schema still arrive typed', async () => {
    const full = { ...good.data_source, owner: null, maintainers: [], metadata: {} }
    const h = await serving([good, { ...good, data_source: full }])
    try {
      const records = await h.ax.dataProducts.request('r-2').data()
      expect(records).toHaveLength(2)
      expect(records[1]).toMatchObject({ dataSource: { identifier: 3, owner: null, maintainers: [] } })
      expect(records[0]?.start).toEqual(new Date('2020-02-01T06:00:00Z'))
      expect(records[0]).toEqual({ ...records[1], dataSource: records[0]?.dataSource })
    } finally {
      await h.close()
    }
  })
})

describe('the API key', () => {
  test('never appears in errors or logs, even when the server echoes it', async () => {
    const echo = `{"error_code":"UNAUTHORIZED","error_message":"key ${SECRET} is not valid"}`
    const h = await startHarness({
      faults: onlyFor((p) => p.includes('/data_sources'), {
        pick: () => ({ kind: 'status', status: 503, body: echo }),
      }),
    })
    try {
      const ax = h.as('user', { apiKey: SECRET })
      const errors = [
        await rejection(ax.sources.list()),
        await rejection(ax.sources.get(1)),
        await rejection(
          ax.sources.add({
            program: 'a',
            platform: 'b',
            instrumentType: 'c',
            sourceType: 'ground',
            displayName: 'd',
          }),
        ),
        await rejection(
          ax.ephemeris.upload(1, [
            { dataSource: { program: 'a', platform: 'b', instrumentType: 'c' }, epoch: '2021-01-01T00:00' },
          ]),
        ),
      ]
      for (const error of errors) {
        expect(error.provider).toBe('aurorax')
        expect(errorTexts(error)).not.toContain(SECRET)
        expect(errorTexts(error)).toContain('key *** is not valid')
      }
      expect(h.logs.length).toBeGreaterThan(0)
      expect(JSON.stringify(h.logs)).not.toContain(SECRET)
      // and it was sent, to the configured host only
      expect(h.emu.server.requests.every((r) => r.headers['x-aurorax-api-key'] === SECRET)).toBe(true)
    } finally {
      await h.close()
    }
  })

  test('is not sent when none is configured, and a bad key is INVALID_INPUT at construction', async () => {
    const h = await startHarness()
    try {
      await h.ax.sources.list()
      expect(h.emu.server.requests.at(-1)?.headers['x-aurorax-api-key']).toBeUndefined()
      expect(() => h.as('user', { apiKey: 'has space' })).toThrow(/apiKey/)
      expect(() => h.as('user', { pollInterval: 0 })).toThrow(/pollInterval/)
    } finally {
      await h.close()
    }
  })
})
