import { invalid } from './input-error.ts'
import { type AuroraxMetadataFilter, toWireFilter } from './metadata-filter.ts'
import type { AuroraxLocation } from './records.ts'

export interface AuroraxSourceCriteria {
  readonly programs?: readonly string[]
  readonly platforms?: readonly string[]
  readonly instrumentTypes?: readonly string[]
}

export interface AuroraxGroundBlock extends AuroraxSourceCriteria {
  readonly metadataFilter?: AuroraxMetadataFilter
}

export interface AuroraxSpaceBlock extends AuroraxGroundBlock {
  readonly hemisphere?: readonly ('northern' | 'southern')[]
}

/** Event lists: the program is always `events`. */
export interface AuroraxEventsBlock {
  readonly platforms?: readonly string[]
  readonly instrumentTypes?: readonly string[]
  readonly metadataFilter?: AuroraxMetadataFilter
}

export interface AuroraxCustomLocationsBlock {
  readonly locations: readonly AuroraxLocation[]
}

/** The blocks of a conjunction search, in the order the API numbers them. */
export interface AuroraxCriteria {
  readonly ground?: readonly AuroraxGroundBlock[]
  readonly space?: readonly AuroraxSpaceBlock[]
  readonly events?: readonly AuroraxEventsBlock[]
  readonly customLocations?: readonly AuroraxCustomLocationsBlock[]
}

export const MAX_CRITERIA_BLOCKS = 10

/** Checks a latitude/longitude pair. */
export function checkLocation(l: AuroraxLocation, where: string): AuroraxLocation {
  const { lat, lon } = (l ?? {}) as Partial<AuroraxLocation>
  if (typeof lat !== 'number' || !(lat >= -90 && lat <= 90))
    throw invalid(`${where}.lat`, 'must be a number in [-90, 90]')
  if (typeof lon !== 'number' || !(lon >= -180 && lon <= 180))
    throw invalid(`${where}.lon`, 'must be a number in [-180, 180]')
  return { lat, lon }
}

/** A checked custom locations block: `customLocations([{ lat: 51.05, lon: -114.07 }])`. */
export function customLocations(locations: readonly AuroraxLocation[]): AuroraxCustomLocationsBlock {
  const block = { locations: [...locations] }
  wireBlocks({ customLocations: [block] })
  return block
}

/** A checked ground block. */
export function groundBlock(block: AuroraxGroundBlock): AuroraxGroundBlock {
  wireBlocks({ ground: [block] })
  return block
}

/** A checked space block. */
export function spaceBlock(block: AuroraxSpaceBlock): AuroraxSpaceBlock {
  wireBlocks({ space: [block] })
  return block
}

/** A checked events block. */
export function eventsBlock(block: AuroraxEventsBlock): AuroraxEventsBlock {
  wireBlocks({ events: [block] })
  return block
}

/** Block labels as the API names them: `ground1`, `space1`, `events1`, `adhoc1`, in that order. */
export function blockLabels(criteria: AuroraxCriteria): string[] {
  const count = (list: readonly unknown[] | undefined, name: string) =>
    (list ?? []).map((_, i) => `${name}${i + 1}`)
  return [
    ...count(criteria.ground, 'ground'),
    ...count(criteria.space, 'space'),
    ...count(criteria.events, 'events'),
    ...count(criteria.customLocations, 'adhoc'),
  ]
}

function names(value: readonly string[] | undefined, where: string): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '')) {
    throw invalid(where, 'must be a list of non-empty strings')
  }
  return [...value]
}

function list<T>(value: readonly T[] | undefined, where: string): readonly T[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) throw invalid(where, 'must be a list of criteria blocks')
  return value
}

/** Checks every block and gives the wire body parts `ground`, `space`, `events`, `adhoc`. */
export function wireBlocks(
  criteria: AuroraxCriteria,
): Record<'ground' | 'space' | 'events' | 'adhoc', unknown[]> {
  const ground = list(criteria.ground, 'ground').map((b, i) => ({
    programs: names(b?.programs, `ground.${i}.programs`),
    platforms: names(b?.platforms, `ground.${i}.platforms`),
    instrument_types: names(b?.instrumentTypes, `ground.${i}.instrumentTypes`),
    ephemeris_metadata_filters: toWireFilter(b?.metadataFilter, `ground.${i}.metadataFilter`) ?? null,
  }))
  const space = list(criteria.space, 'space').map((b, i) => {
    const hemisphere = names(b?.hemisphere, `space.${i}.hemisphere`)
    if (hemisphere.some((h) => h !== 'northern' && h !== 'southern')) {
      throw invalid(`space.${i}.hemisphere`, 'must hold "northern" and/or "southern"')
    }
    return {
      programs: names(b?.programs, `space.${i}.programs`),
      platforms: names(b?.platforms, `space.${i}.platforms`),
      instrument_types: names(b?.instrumentTypes, `space.${i}.instrumentTypes`),
      hemisphere,
      ephemeris_metadata_filters: toWireFilter(b?.metadataFilter, `space.${i}.metadataFilter`) ?? null,
    }
  })
  const events = list(criteria.events, 'events').map((b, i) => ({
    programs: ['events'],
    platforms: names(b?.platforms, `events.${i}.platforms`),
    instrument_types: names(b?.instrumentTypes, `events.${i}.instrumentTypes`),
    ephemeris_metadata_filters: toWireFilter(b?.metadataFilter, `events.${i}.metadataFilter`) ?? null,
  }))
  const adhoc = list(criteria.customLocations, 'customLocations').map((b, i) => {
    if (!Array.isArray(b?.locations) || b.locations.length === 0) {
      throw invalid(`customLocations.${i}.locations`, 'must be a non-empty list of { lat, lon }')
    }
    return { locations: b.locations.map((l, j) => checkLocation(l, `customLocations.${i}.locations.${j}`)) }
  })
  const total = ground.length + space.length + events.length + adhoc.length
  if (total > MAX_CRITERIA_BLOCKS) {
    throw invalid(
      'criteria',
      `has ${total} blocks; a conjunction search takes at most ${MAX_CRITERIA_BLOCKS}`,
    )
  }
  return { ground, space, events, adhoc }
}

/** Kilometres per block pair (`ground1-space1`); null leaves a pair unconstrained. */
export type AuroraxDistances = Readonly<Record<string, number | null>>

/**
 * Every pair of blocks with a distance, in the API's order (ground, space, events, adhoc): a number
 * (or null) fills every pair; a record sets the pairs it names (either order) and leaves the rest null.
 */
export function conjunctionDistances(
  criteria: AuroraxCriteria,
  distance: number | null | AuroraxDistances,
): Record<string, number | null> {
  const labels = blockLabels(criteria)
  const out: Record<string, number | null> = {}
  const check = (d: unknown, where: string): number | null => {
    if (d === null) return null
    if (typeof d !== 'number' || !Number.isFinite(d) || d < 0)
      throw invalid(where, 'must be a distance in km (>= 0) or null')
    return d
  }
  const fill = typeof distance === 'object' && distance !== null ? null : check(distance, 'distance')
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) out[`${labels[i]}-${labels[j]}`] = fill
  }
  if (typeof distance === 'object' && distance !== null) {
    for (const [key, d] of Object.entries(distance)) {
      const [a = '', b = ''] = key.split('-').map((s) => s.trim())
      const pair = `${a}-${b}` in out ? `${a}-${b}` : `${b}-${a}`
      if (!(pair in out))
        throw invalid(`distance.${key}`, `names no pair of this search's blocks (${labels.join(', ')})`)
      out[pair] = check(d, `distance.${key}`)
    }
  }
  return out
}
