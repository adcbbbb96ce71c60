import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Harness, rejection, startHarness } from './helpers/harness.ts'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.close())

const newSource = {
  program: 'heliokit-test',
  platform: 'bench',
  instrumentType: 'magnetometer',
  sourceType: 'ground',
  displayName: 'heliokit test magnetometer',
  metadata: { site: 'yyc' },
} as const

describe('listing and lookup', () => {
  test('list leaves internal (negative) sources out and sorts by identifier', async () => {
    const all = await h.ax.sources.list()
    expect(all.length).toBe(7)
    expect(all.every((s) => s.identifier >= 0)).toBe(true)
    expect(all.map((s) => s.identifier)).toEqual([...all.map((s) => s.identifier)].sort((a, b) => a - b))
    // the server does send the internal one
    expect(h.emu.store.sources.has(-1)).toBe(true)
  })

  test('list filters and formats go on the wire', async () => {
    const swarm = await h.ax.sources.list({ program: 'swarm', format: 'basic_info' })
    expect(swarm.map((s) => s.platform)).toEqual(['swarma', 'swarmb', 'swarmc'])
    expect(swarm[0]).not.toHaveProperty('metadata')
    const ids = await h.ax.sources.list({ sourceType: 'leo', format: 'identifier_only' })
    expect(ids.every((s) => Object.keys(s).join() === 'identifier')).toBe(true)
    const call = h.calls('data_sources?').at(-1)!
    expect(call.url).toContain('source_type=leo')
    expect(call.url).toContain('format=identifier_only')
  })

  test('full records carry schemas, owners and, when asked, stats with UTC dates', async () => {
    const [gill] = await h.ax.sources.list({ platform: 'gillam', includeStats: true })
    expect(gill?.owner).toBe('owner@aurorax.test')
    expect(gill?.maintainers).toEqual(['maintainer@aurorax.test'])
    expect(gill?.dataProductMetadataSchema?.map((f) => f.fieldName)).toEqual([
      'site_uid',
      'device_uid',
      'quality',
    ])
    expect(gill?.stats?.ephemerisCount).toBe(1320)
    expect(gill?.stats?.earliestEphemerisLoaded?.toISOString()).toBe('2020-02-01T02:00:00.000Z')
    expect(gill?.stats?.dataProductCount).toBe(29 * 23)
  })

  test('search selects by any of the names given', async () => {
    const found = await h.ax.sources.search({ programs: ['trex'], platforms: ['gillam', 'fort smith'] })
    expect(found.map((s) => s.platform).sort()).toEqual(['fort smith', 'gillam'])
  })

  test('get and getByNames; missing sources are NOT_FOUND', async () => {
    const byId = await h.ax.sources.get(5, { format: 'with_metadata' })
    expect(byId.platform).toBe('swarma')
    expect(byId.metadata).toEqual({ mission: 'ESA Swarm', nominal_altitude_km: 460 })
    const byNames = await h.ax.sources.getByNames('swarm', 'swarma', 'footprint')
    expect(byNames.identifier).toBe(5)
    const missing = await rejection(h.ax.sources.get(999))
    expect(missing).toMatchObject({ code: 'NOT_FOUND', provider: 'aurorax', status: 404 })
    expect(missing.message).toContain('No data source record found')
    const none = await rejection(h.ax.sources.getByNames('swarm', 'swarmz', 'footprint'))
    expect(none).toMatchObject({ code: 'NOT_FOUND', provider: 'aurorax' })
  })
})

describe('writes and roles', () => {
  test('an owner adds a source; a second add with the same names is CONFLICT', async () => {
    const owner = h.as('owner')
    const added = await owner.sources.add(newSource)
    expect(added).toMatchObject({
      program: 'heliokit-test',
      owner: 'owner@aurorax.test',
      sourceType: 'ground',
    })
    const again = await rejection(owner.sources.add(newSource))
    expect(again).toMatchObject({ code: 'CONFLICT', status: 409, provider: 'aurorax' })
    await h.as('administrator').sources.delete(added.identifier)
  })

  test('a user may not add (403), no key is 401, a wrong key is 401', async () => {
    expect(await rejection(h.as('user').sources.add(newSource))).toMatchObject({ code: 'AUTH', status: 403 })
    expect(await rejection(h.as('maintainer').sources.add(newSource))).toMatchObject({
      code: 'AUTH',
      status: 403,
    })
    expect(await rejection(h.ax.sources.add(newSource))).toMatchObject({ code: 'AUTH', status: 401 })
    const wrong = h.as('user', { apiKey: 'axk-not-a-real-key-000' })
    expect(await rejection(wrong.sources.list())).toMatchObject({
      code: 'AUTH',
      status: 401,
      provider: 'aurorax',
    })
  })

  test('update changes only the fields given; replace resets the rest', async () => {
    const owner = h.as('owner')
    const added = await owner.sources.add({ ...newSource, platform: 'update-me', maintainers: ['m@x.test'] })
    const updated = await owner.sources.update(added.identifier, { displayName: 'renamed' })
    expect(updated).toMatchObject({
      displayName: 'renamed',
      metadata: { site: 'yyc' },
      maintainers: ['m@x.test'],
    })
    const replaced = await owner.sources.replace(added.identifier, { ...newSource, platform: 'update-me' })
    expect(replaced.displayName).toBe(newSource.displayName)
    expect(replaced.maintainers).toEqual([])
    expect(replaced.owner).toBeNull()
    await h.as('administrator').sources.delete(added.identifier)
  })

  test('an owner may not update a source owned by someone else', async () => {
    const error = await rejection(h.as('owner').sources.update(5, { displayName: 'mine now' }))
    expect(error).toMatchObject({ code: 'AUTH', status: 403, provider: 'aurorax' })
    expect((await h.ax.sources.get(5)).displayName).toBe('Swarm A')
  })

  test('only administrators delete; a source with records is CONFLICT', async () => {
    expect(await rejection(h.as('owner').sources.delete(1))).toMatchObject({ code: 'AUTH', status: 403 })
    expect(await rejection(h.as('administrator').sources.delete(1))).toMatchObject({
      code: 'CONFLICT',
      status: 409,
    })
    expect(await rejection(h.as('administrator').sources.delete(4242))).toMatchObject({ code: 'NOT_FOUND' })
  })

  test('bad input is INVALID_INPUT before anything is sent', async () => {
    const before = h.emu.server.requests.length
    const owner = h.as('owner')
    const cases = [
      owner.sources.add({ ...newSource, program: 'p'.repeat(201) }),
      owner.sources.add({ ...newSource, platform: 'p'.repeat(51) }),
      owner.sources.add({ ...newSource, displayName: '' }),
      owner.sources.add({ ...newSource, sourceType: 'moon' as 'lunar' }),
      owner.sources.get(1.5),
      owner.sources.list({ format: 'everything' as 'full_record' }),
      owner.sources.update(3, { identifier: 4 }),
      owner.sources.replace(3, { ...newSource, identifier: 4 }),
    ]
    for (const c of cases)
      expect(await rejection(c)).toMatchObject({ code: 'INVALID_INPUT', provider: 'aurorax' })
    expect(h.emu.server.requests.length).toBe(before)
  })
})
