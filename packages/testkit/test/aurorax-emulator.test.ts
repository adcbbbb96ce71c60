import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { AURORAX_TEST_KEYS, type AuroraxEmulator, startAuroraxEmulator } from '../src/index.ts'

let emu: AuroraxEmulator
beforeAll(async () => {
  emu = await startAuroraxEmulator({ searchDelayMs: 0 })
})
afterAll(() => emu.close())

const api = (path: string) => `${emu.url}/api/v1/${path}`
const search = {
  data_sources: { programs: ['swarm'], platforms: [], instrument_types: [], ephemeris_metadata_filters: {} },
  start: '2020-02-01T00:00:00',
  end: '2020-02-01T00:09:00',
}

describe('AuroraX emulator wire', () => {
  test('answers a browser preflight for the key header and exposes Location', async () => {
    const res = await fetch(api('ephemeris/search'), {
      method: 'OPTIONS',
      headers: {
        origin: 'http://app.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-aurorax-api-key',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-headers')).toContain('x-aurorax-api-key')
    expect(res.headers.get('access-control-allow-methods')).toContain('DELETE')
  })

  test('a search is 202 with an empty body, an absolute Location and CORS headers', async () => {
    const res = await fetch(api('ephemeris/search'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://app.example' },
      body: JSON.stringify(search),
    })
    expect(res.status).toBe(202)
    expect(await res.text()).toBe('')
    const location = res.headers.get('location')!
    expect(location).toMatch(new RegExp(`^${emu.url}/api/v1/ephemeris/requests/[0-9a-f-]{36}$`))
    expect(res.headers.get('access-control-expose-headers')).toContain('location')
    const status = await (await fetch(location)).json()
    expect(status.search_result).toMatchObject({
      data_uri: `${location}/data`,
      result_count: 30,
      error_condition: false,
    })
    const data = await (await fetch(`${location}/data`)).json()
    expect(data.result).toHaveLength(30)
    expect(data.result[0].epoch).toBe('2020-02-01T00:00:00')
  })

  test('lists internal sources; rejects a bad key with 401 and a read-only role with 403', async () => {
    const all = await (await fetch(api('data_sources?format=identifier_only'))).json()
    expect(all.map((s: { identifier: number }) => s.identifier)).toContain(-1)
    const bad = await fetch(api('data_sources'), { headers: { 'x-aurorax-api-key': 'nope' } })
    expect(bad.status).toBe(401)
    expect(await bad.json()).toEqual({ error_code: 'UNAUTHORIZED', error_message: 'Invalid API key' })
    const user = await fetch(api('data_sources/1'), {
      method: 'PATCH',
      headers: { 'x-aurorax-api-key': AURORAX_TEST_KEYS.user, 'content-type': 'application/json' },
      body: '{"display_name":"x"}',
    })
    expect(user.status).toBe(403)
  })

  test('rejects a search without criteria and an unknown operator with 400', async () => {
    const post = (body: unknown) =>
      fetch(api('ephemeris/search'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const none = await post({ ...search, data_sources: {} })
    expect(none.status).toBe(400)
    const op = await post({
      ...search,
      data_sources: {
        ephemeris_metadata_filters: {
          logical_operator: 'AND',
          expressions: [{ key: 'k', operator: '~', values: ['1'] }],
        },
      },
    })
    expect(op.status).toBe(400)
    expect((await op.json()).error_code).toBe('VALIDATION_ERROR')
  })
})
