import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  conjunctionDistances,
  customLocations,
  eventsBlock,
  expression,
  groundBlock,
  metadataFilter,
  spaceBlock,
} from '../src/index.ts'
import { type Harness, rejection, startHarness } from './helpers/harness.ts'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.close())

const night = { start: '2020-02-01T02:00', end: '2020-02-01T12:59' }
const trex = groundBlock({ programs: ['trex'], platforms: ['gillam'] })
const swarm = spaceBlock({ programs: ['swarm'], hemisphere: ['northern'] })

describe('conjunction searches', () => {
  test('ground and space blocks meet within the distance given, per north B-trace', async () => {
    const { records } = await h.ax.conjunctions.run({
      ...night,
      ground: [trex],
      space: [swarm],
      distance: 500,
    })
    expect(records.length).toBeGreaterThan(0)
    for (const c of records) {
      expect(c.conjunctionType).toBe('nbtrace')
      expect(c.maxDistance).toBeLessThanOrEqual(500)
      expect(c.minDistance).toBeLessThanOrEqual(c.maxDistance)
      expect(c.start.getTime()).toBeLessThanOrEqual(c.end.getTime())
      expect(c.closestEpoch.getTime()).toBeGreaterThanOrEqual(c.start.getTime())
      expect(c.closestEpoch.getTime()).toBeLessThanOrEqual(c.end.getTime())
      expect(c.dataSources.map((s) => s.program)).toEqual(['trex', 'swarm'])
    }
    const closer = await h.ax.conjunctions.run({ ...night, ground: [trex], space: [swarm], distance: 150 })
    expect(closer.records.length).toBeGreaterThan(0)
    expect(closer.records.length).toBeLessThanOrEqual(records.length)
    expect(closer.records.every((c) => c.maxDistance <= 150)).toBe(true)
  })

  test('a custom location and metadata-filtered space block; the body matches pyaurorax', async () => {
    const query = {
      ...night,
      space: [
        spaceBlock({
          programs: ['swarm'],
          metadataFilter: metadataFilter([expression('nbtrace_region', '=', 'north auroral oval')]),
        }),
      ],
      customLocations: [customLocations([{ lat: 56.38, lon: -94.64 }])],
      distance: { 'adhoc1-space1': 800 },
      conjunctionTypes: ['nbtrace', 'geographic'] as const,
    }
    const s = h.ax.conjunctions.search(query)
    expect(s.query).toMatchObject({
      start: '2020-02-01T02:00:00',
      end: '2020-02-01T12:59:00',
      ground: [],
      space: [{ programs: ['swarm'], platforms: [], instrument_types: [], hemisphere: [] }],
      events: [],
      adhoc: [{ locations: [{ lat: 56.38, lon: -94.64 }] }],
      conjunction_types: ['nbtrace', 'geographic'],
      max_distances: { 'space1-adhoc1': 800 },
      epoch_search_precision: 60,
    })
    const { records } = await s.run()
    expect(records.length).toBeGreaterThan(0)
    expect(records.every((c) => c.maxDistance <= 800)).toBe(true)
    expect(await h.ax.conjunctions.describe(query)).toMatch(
      /^Find nbtrace, geographic conjunctions of space1\[/,
    )
  })

  test('events blocks always search the events program', () => {
    const s = h.ax.conjunctions.search({
      ...night,
      space: [swarm],
      events: [eventsBlock({ platforms: ['toshi'], instrumentTypes: ['substorm onset'] })],
      distance: null,
    })
    expect(s.query?.events).toEqual([
      {
        programs: ['events'],
        platforms: ['toshi'],
        instrument_types: ['substorm onset'],
        ephemeris_metadata_filters: null,
      },
    ])
    expect(s.query?.max_distances).toEqual({ 'space1-events1': null })
  })

  test('distances: a number fills every pair in API order; a record names pairs either way round', () => {
    const criteria = {
      ground: [trex, trex],
      space: [swarm],
      customLocations: [customLocations([{ lat: 0, lon: 0 }])],
    }
    expect(conjunctionDistances(criteria, 300)).toEqual({
      'ground1-ground2': 300,
      'ground1-space1': 300,
      'ground1-adhoc1': 300,
      'ground2-space1': 300,
      'ground2-adhoc1': 300,
      'space1-adhoc1': 300,
    })
    const some = conjunctionDistances(criteria, { 'space1-ground2': 50 })
    expect(some['ground2-space1']).toBe(50)
    expect(some['ground1-space1']).toBeNull()
    expect(() => conjunctionDistances(criteria, { 'ground1-space7': 5 })).toThrow(/names no pair/)
    expect(() => conjunctionDistances(criteria, -1)).toThrow(/distance/)
  })

  test('bad blocks are INVALID_INPUT before anything is sent', async () => {
    const before = h.emu.server.requests.length
    expect(() => customLocations([{ lat: 91, lon: 0 }])).toThrow(/lat/)
    expect(() => customLocations([{ lat: 10, lon: -181 }])).toThrow(/lon/)
    expect(() => spaceBlock({ hemisphere: ['eastern' as 'northern'] })).toThrow(/hemisphere/)
    expect(() => groundBlock({ programs: [''] })).toThrow(/programs/)
    const many = Array.from({ length: 6 }, () => trex)
    expect(() => h.ax.conjunctions.search({ ...night, ground: many, space: many, distance: 100 })).toThrow(
      /12 blocks; a conjunction search takes at most 10/,
    )
    expect(() => h.ax.conjunctions.search({ ...night, ground: [trex], distance: 100 })).toThrow(
      /two criteria/,
    )
    expect(() =>
      h.ax.conjunctions.search({
        ...night,
        ground: [trex],
        space: [swarm],
        distance: 1,
        conjunctionTypes: ['magnetic' as 'nbtrace'],
      }),
    ).toThrow(/conjunctionTypes/)
    expect(() =>
      h.ax.conjunctions.search({
        ...night,
        ground: [trex],
        space: [swarm],
        distance: 1,
        epochSearchPrecision: 10 as 60,
      }),
    ).toThrow(/60 or 30/)
    const error = await rejection(
      h.ax.conjunctions.run({
        ...night,
        ground: [trex],
        space: [{ programs: 'swarm' as unknown as string[] }],
        distance: 1,
      }),
    )
    expect(error).toMatchObject({ code: 'INVALID_INPUT', provider: 'aurorax' })
    expect(h.emu.server.requests.length).toBe(before)
  })
})
