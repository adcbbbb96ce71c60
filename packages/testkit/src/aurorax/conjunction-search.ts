import {
  checkFilter,
  describeFilter,
  isEmptyFilter,
  type MetadataFilter,
  matchesFilter,
} from './metadata-filter.ts'
import { selectsSource } from './record-search.ts'
import { type AuroraxStore, type Location, type StoredEphemeris, sourceView } from './store.ts'
import { isStringList, parseWireTime, refuse, wireTime } from './wire.ts'

type BlockKind = 'ground' | 'space' | 'events' | 'adhoc'
const BLOCK_ORDER: readonly BlockKind[] = ['ground', 'space', 'events', 'adhoc']
const CONJUNCTION_TYPES = ['nbtrace', 'sbtrace', 'geographic'] as const
type ConjunctionType = (typeof CONJUNCTION_TYPES)[number]
const MAX_BLOCKS = 10

interface Block {
  readonly label: string
  readonly kind: BlockKind
  readonly programs: readonly string[]
  readonly platforms: readonly string[]
  readonly instrumentTypes: readonly string[]
  readonly hemisphere: readonly string[]
  readonly filter: MetadataFilter
  readonly locations: readonly { lat: number; lon: number }[]
}

export interface ConjunctionQuery {
  readonly start: number
  readonly end: number
  readonly blocks: readonly Block[]
  readonly types: readonly ConjunctionType[]
  /** Per pair of labels `a-b`; null is unconstrained. */
  readonly distances: ReadonlyMap<string, number | null>
  readonly precisionMs: number
}

function strings(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return []
  if (!isStringList(value)) refuse(400, 'VALIDATION_ERROR', `${where} must be a list of strings`)
  return value
}

/** Checks a conjunction search body: at most 10 blocks, known types, a distance for every pair. */
export function checkConjunctionQuery(body: unknown): ConjunctionQuery {
  const b = (body ?? {}) as Record<string, unknown>
  const start = parseWireTime(b.start)
  const end = parseWireTime(b.end)
  if (start === undefined || end === undefined)
    refuse(400, 'VALIDATION_ERROR', 'start and end must be timestamps')
  if (end < start) refuse(400, 'VALIDATION_ERROR', 'end must not be before start')
  const blocks: Block[] = []
  for (const kind of BLOCK_ORDER) {
    const raw = b[kind] ?? []
    if (!Array.isArray(raw)) refuse(400, 'VALIDATION_ERROR', `${kind} must be a list of criteria blocks`)
    raw.forEach((x: Record<string, unknown>, i: number) => {
      const where = `${kind}[${i}]`
      const locations = kind === 'adhoc' ? checkLocations(x?.locations, where) : []
      if (kind === 'events' && JSON.stringify(x?.programs) !== '["events"]') {
        refuse(400, 'VALIDATION_ERROR', `${where}.programs must be ["events"]`)
      }
      const hemisphere = strings(x?.hemisphere, `${where}.hemisphere`)
      if (hemisphere.some((h) => h !== 'northern' && h !== 'southern')) {
        refuse(400, 'VALIDATION_ERROR', `${where}.hemisphere must hold northern or southern`)
      }
      blocks.push({
        label: `${kind}${i + 1}`,
        kind,
        programs: kind === 'events' ? [] : strings(x?.programs, `${where}.programs`),
        platforms: strings(x?.platforms, `${where}.platforms`),
        instrumentTypes: strings(x?.instrument_types, `${where}.instrument_types`),
        hemisphere,
        filter: checkFilter(x?.ephemeris_metadata_filters, `${where}.ephemeris_metadata_filters`),
        locations,
      })
    })
  }
  if (blocks.length > MAX_BLOCKS)
    refuse(400, 'VALIDATION_ERROR', `at most ${MAX_BLOCKS} criteria blocks are allowed`)
  if (blocks.length < 2)
    refuse(400, 'VALIDATION_ERROR', 'a conjunction search needs at least two criteria blocks')
  const types = strings(b.conjunction_types ?? ['nbtrace'], 'conjunction_types')
  if (!types.length || types.some((t) => !(CONJUNCTION_TYPES as readonly string[]).includes(t))) {
    refuse(400, 'VALIDATION_ERROR', 'conjunction_types must hold nbtrace, sbtrace or geographic')
  }
  const precision = b.epoch_search_precision ?? 60
  if (precision !== 60 && precision !== 30)
    refuse(400, 'VALIDATION_ERROR', 'epoch_search_precision must be 60 or 30')
  return {
    start,
    end,
    blocks,
    types: types as ConjunctionType[],
    distances: checkDistances(b.max_distances, blocks),
    precisionMs: precision * 1000,
  }
}

function checkLocations(value: unknown, where: string): { lat: number; lon: number }[] {
  if (!Array.isArray(value) || value.length === 0)
    refuse(400, 'VALIDATION_ERROR', `${where}.locations must be a non-empty list`)
  return value.map((l: { lat?: unknown; lon?: unknown }) => {
    const { lat, lon } = l ?? {}
    if (typeof lat !== 'number' || typeof lon !== 'number' || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      refuse(400, 'VALIDATION_ERROR', `${where}.locations need lat in [-90, 90] and lon in [-180, 180]`)
    }
    return { lat, lon }
  })
}

function checkDistances(value: unknown, blocks: readonly Block[]): Map<string, number | null> {
  const out = new Map<string, number | null>()
  const given = (value ?? {}) as Record<string, unknown>
  if (typeof given !== 'object' || Array.isArray(given))
    refuse(400, 'VALIDATION_ERROR', 'max_distances must be an object')
  const pairs = new Set<string>()
  for (let i = 0; i < blocks.length; i++) {
    for (let j = i + 1; j < blocks.length; j++) pairs.add(`${blocks[i]!.label}-${blocks[j]!.label}`)
  }
  for (const [key, d] of Object.entries(given)) {
    if (!pairs.has(key)) refuse(400, 'VALIDATION_ERROR', `max_distances has an unknown pair ${key}`)
    if (d !== null && (typeof d !== 'number' || !(d >= 0)))
      refuse(400, 'VALIDATION_ERROR', `max_distances.${key} must be km or null`)
    out.set(key, d as number | null)
  }
  for (const pair of pairs)
    if (!out.has(pair)) refuse(400, 'VALIDATION_ERROR', `max_distances is missing ${pair}`)
  return out
}

interface Candidate {
  readonly id: string
  readonly view: Record<string, unknown>
  /** Position per epoch, for the conjunction type being searched. */
  at(epoch: number): Location | undefined
}

function candidates(store: AuroraxStore, block: Block, type: ConjunctionType): Candidate[] {
  if (block.kind === 'adhoc') {
    return block.locations.map((l, i) => ({
      id: `${block.label}.${i}`,
      view: {
        identifier: 0,
        program: 'adhoc',
        platform: 'custom location',
        instrument_type: 'location',
        source_type: 'not_applicable',
        display_name: `Custom location (${l.lat}, ${l.lon})`,
      },
      at: () => l,
    }))
  }
  const sourceTypes: Record<BlockKind, readonly string[]> = {
    ground: ['ground'],
    space: ['leo', 'heo', 'lunar'],
    events: ['event_list'],
    adhoc: [],
  }
  const out: Candidate[] = []
  for (const s of store.sources.values()) {
    if (!sourceTypes[block.kind].includes(s.source_type)) continue
    if (!selectsSource(s, block.programs, block.platforms, block.instrumentTypes)) continue
    const records = store.ephemeris.get(s.identifier)
    if (!records?.size) continue
    out.push({
      id: String(s.identifier),
      view: sourceView(s, 'basic_info'),
      at: (epoch) => position(records.get(epoch), block, type),
    })
  }
  return out
}

function position(r: StoredEphemeris | undefined, block: Block, type: ConjunctionType): Location | undefined {
  if (!r || !matchesFilter(block.filter, r.metadata)) return undefined
  const geo = r.location_geo
  if (block.hemisphere.length && geo.lat !== null) {
    if (!block.hemisphere.includes(geo.lat >= 0 ? 'northern' : 'southern')) return undefined
  }
  const p = type === 'geographic' ? geo : r[type]
  return p.lat === null || p.lon === null ? undefined : p
}

interface Run {
  readonly type: ConjunctionType
  readonly members: readonly Candidate[]
  start: number
  end: number
  min: number
  max: number
  closest: number
  farthest: number
}

/** Finds, per conjunction type, the spans where one candidate of every block is within every pair's distance. */
export function runConjunctionQuery(store: AuroraxStore, q: ConjunctionQuery): Record<string, unknown>[] {
  const runs: Run[] = []
  for (const type of q.types) {
    const perBlock = q.blocks.map((b) => candidates(store, b, type))
    if (perBlock.some((c) => c.length === 0)) continue
    const open = new Map<string, Run>()
    // Records sit on whole minutes; a 30 s precision also tests the half minutes, where none match.
    for (
      let epoch = Math.ceil(q.start / q.precisionMs) * q.precisionMs;
      epoch <= q.end;
      epoch += q.precisionMs
    ) {
      const present = perBlock.map((list) =>
        list.flatMap((c) => {
          const p = c.at(epoch)
          return p ? [{ c, p }] : []
        }),
      )
      if (present.some((p) => p.length === 0)) continue
      for (const combo of product(present)) {
        const d = spread(
          combo.map((x) => x.p),
          q,
        )
        if (d === undefined) continue
        const key = `${type}|${combo.map((x) => x.c.id).join(',')}`
        const run = open.get(key)
        if (run && run.end === epoch - q.precisionMs) {
          run.end = epoch
          if (d < run.min) [run.min, run.closest] = [d, epoch]
          if (d > run.max) [run.max, run.farthest] = [d, epoch]
        } else {
          const fresh = {
            type,
            members: combo.map((x) => x.c),
            start: epoch,
            end: epoch,
            min: d,
            max: d,
            closest: epoch,
            farthest: epoch,
          }
          open.set(key, fresh)
          runs.push(fresh)
        }
      }
    }
  }
  runs.sort((a, b) => a.start - b.start || a.type.localeCompare(b.type))
  return runs.map((r) => ({
    conjunction_type: r.type,
    start: wireTime(r.start),
    end: wireTime(r.end),
    data_sources: r.members.map((m) => m.view),
    min_distance: round(r.min),
    max_distance: round(r.max),
    events: [],
    closest_epoch: wireTime(r.closest),
    farthest_epoch: wireTime(r.farthest),
  }))
}

// Enough for the seeded sources; a query beyond it is cut short rather than hanging the emulator.
const MAX_COMBINATIONS = 10_000

function product<T>(lists: readonly (readonly T[])[]): T[][] {
  let out: T[][] = [[]]
  for (const list of lists) {
    out = out.flatMap((prefix) => list.map((x) => [...prefix, x]))
    if (out.length > MAX_COMBINATIONS) out = out.slice(0, MAX_COMBINATIONS)
  }
  return out
}

/** The largest pairwise distance, or undefined when a pair is beyond its limit. */
function spread(points: readonly Location[], q: ConjunctionQuery): number | undefined {
  let largest = 0
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const d = haversineKm(points[i]!, points[j]!)
      const limit = q.distances.get(`${q.blocks[i]!.label}-${q.blocks[j]!.label}`)
      if (limit !== null && limit !== undefined && d > limit) return undefined
      largest = Math.max(largest, d)
    }
  }
  return largest
}

function haversineKm(a: Location, b: Location): number {
  const rad = Math.PI / 180
  const dLat = (b.lat! - a.lat!) * rad
  const dLon = (b.lon! - a.lon!) * rad
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat! * rad) * Math.cos(b.lat! * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)))
}

function round(km: number): number {
  return Math.round(km * 100) / 100
}

export function describeConjunctionQuery(q: ConjunctionQuery): string {
  const blocks = q.blocks.map((b) => {
    const parts = [
      b.programs.length ? `program in (${b.programs.join(', ')})` : '',
      b.platforms.length ? `platform in (${b.platforms.join(', ')})` : '',
      b.instrumentTypes.length ? `instrument_type in (${b.instrumentTypes.join(', ')})` : '',
      b.hemisphere.length ? `hemisphere in (${b.hemisphere.join(', ')})` : '',
      isEmptyFilter(b.filter) ? '' : `metadata (${describeFilter(b.filter)})`,
      b.locations.length ? `locations ${b.locations.map((l) => `(${l.lat}, ${l.lon})`).join(', ')}` : '',
    ].filter(Boolean)
    return `${b.label}[${parts.join(' AND ') || 'any'}]`
  })
  const distances = [...q.distances].map(([k, d]) => `${k} <= ${d === null ? 'any' : `${d} km`}`)
  return `Find ${q.types.join(', ')} conjunctions of ${blocks.join(', ')} WHERE ${distances.join(', ')} AND epoch between '${wireTime(q.start)}' and '${wireTime(q.end)}'`
}
