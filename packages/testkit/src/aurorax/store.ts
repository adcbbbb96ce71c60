import { wireTime } from './wire.ts'

export type SourceType = 'ground' | 'leo' | 'heo' | 'lunar' | 'event_list' | 'not_applicable'
export const SOURCE_TYPES: readonly SourceType[] = [
  'ground',
  'leo',
  'heo',
  'lunar',
  'event_list',
  'not_applicable',
]
export const DATA_PRODUCT_TYPES: readonly string[] = [
  'keogram',
  'montage',
  'movie',
  'summary_plot',
  'data_availability',
]
export const SOURCE_FORMATS: readonly string[] = [
  'basic_info',
  'with_metadata',
  'identifier_only',
  'full_record',
]

export interface MetadataSchemaField {
  readonly field_name: string
  readonly description: string
  readonly data_type: string
  readonly allowed_values: readonly string[]
  readonly additional_description: string | null
  readonly searchable: boolean
}

export interface StoredSource {
  identifier: number
  program: string
  platform: string
  instrument_type: string
  source_type: SourceType
  display_name: string
  metadata: Record<string, unknown>
  owner: string | null
  maintainers: string[]
  ephemeris_metadata_schema: MetadataSchemaField[]
  data_product_metadata_schema: MetadataSchemaField[]
}

export interface Location {
  readonly lat: number | null
  readonly lon: number | null
}

export interface StoredEphemeris {
  readonly source: number
  readonly epoch: number
  readonly location_geo: Location
  readonly location_gsm: Location
  readonly nbtrace: Location
  readonly sbtrace: Location
  readonly metadata: Readonly<Record<string, unknown>>
}

export interface StoredDataProduct {
  readonly source: number
  readonly data_product_type: string
  readonly start: number
  readonly end: number
  readonly url: string
  readonly metadata: Readonly<Record<string, unknown>>
}

/** The fields a source listing filters on; each matches exactly when given. */
export interface SourceFilter {
  readonly program?: string | undefined
  readonly platform?: string | undefined
  readonly instrument_type?: string | undefined
  readonly source_type?: string | undefined
  readonly owner?: string | undefined
}

/** The emulator's records. Ephemeris is keyed by source and epoch, data products by source and URL (upserts). */
export class AuroraxStore {
  readonly sources: Map<number, StoredSource> = new Map()
  readonly ephemeris: Map<number, Map<number, StoredEphemeris>> = new Map()
  readonly dataProducts: Map<number, Map<string, StoredDataProduct>> = new Map()
  private nextId = 1

  addSource(fields: Omit<StoredSource, 'identifier'> & { identifier?: number }): StoredSource {
    const identifier = fields.identifier ?? this.nextId
    this.nextId = Math.max(this.nextId, identifier + 1)
    const source = { ...fields, identifier }
    this.sources.set(identifier, source)
    return source
  }

  findSource(program: string, platform: string, instrumentType: string): StoredSource | undefined {
    for (const s of this.sources.values()) {
      if (s.program === program && s.platform === platform && s.instrument_type === instrumentType) return s
    }
    return undefined
  }

  listSources(filter: SourceFilter): StoredSource[] {
    const keys = ['program', 'platform', 'instrument_type', 'source_type', 'owner'] as const
    return [...this.sources.values()].filter((s) =>
      keys.every((k) => filter[k] === undefined || String(s[k]).toLowerCase() === filter[k]!.toLowerCase()),
    )
  }

  hasRecords(identifier: number): boolean {
    return (this.ephemeris.get(identifier)?.size ?? 0) + (this.dataProducts.get(identifier)?.size ?? 0) > 0
  }

  upsertEphemeris(records: readonly StoredEphemeris[]): void {
    for (const r of records) mapFor(this.ephemeris, r.source).set(r.epoch, r)
  }

  upsertDataProducts(records: readonly StoredDataProduct[]): void {
    for (const r of records) mapFor(this.dataProducts, r.source).set(r.url, r)
  }

  /** Removes a source's ephemeris with `start <= epoch <= end`; returns how many. */
  deleteEphemeris(source: number, start: number, end: number): number {
    const map = this.ephemeris.get(source)
    let removed = 0
    for (const epoch of [...(map?.keys() ?? [])]) {
      if (epoch >= start && epoch <= end && map!.delete(epoch)) removed++
    }
    return removed
  }

  deleteDataProducts(source: number, urls: readonly string[]): number {
    const map = this.dataProducts.get(source)
    return urls.filter((u) => map?.delete(u)).length
  }

  /** `stats` as `include_stats=true` returns them. */
  stats(identifier: number): Record<string, unknown> {
    const eph = [...(this.ephemeris.get(identifier)?.keys() ?? [])]
    const dp = [...(this.dataProducts.get(identifier)?.values() ?? [])].map((r) => r.start)
    const range = (values: number[]) =>
      values.length
        ? [
            wireTime(values.reduce((a, b) => Math.min(a, b))),
            wireTime(values.reduce((a, b) => Math.max(a, b))),
          ]
        : [null, null]
    const [ee, le] = range(eph)
    const [ed, ld] = range(dp)
    return {
      ephemeris_count: eph.length,
      data_product_count: dp.length,
      earliest_ephemeris_loaded: ee,
      latest_ephemeris_loaded: le,
      earliest_data_product_loaded: ed,
      latest_data_product_loaded: ld,
    }
  }
}

function mapFor<K, V>(maps: Map<number, Map<K, V>>, source: number): Map<K, V> {
  let map = maps.get(source)
  if (!map) {
    map = new Map()
    maps.set(source, map)
  }
  return map
}

/** A source as a given `format` shows it; `stats` only when asked for. */
export function sourceView(
  source: StoredSource,
  format: string,
  stats?: Record<string, unknown>,
): Record<string, unknown> {
  const basic = {
    identifier: source.identifier,
    program: source.program,
    platform: source.platform,
    instrument_type: source.instrument_type,
    source_type: source.source_type,
    display_name: source.display_name,
  }
  const view: Record<string, unknown> =
    format === 'identifier_only'
      ? { identifier: source.identifier }
      : format === 'basic_info'
        ? basic
        : format === 'with_metadata'
          ? { ...basic, metadata: source.metadata }
          : { ...source }
  if (stats) view.stats = stats
  return view
}

export function ephemerisWire(r: StoredEphemeris, source: StoredSource): Record<string, unknown> {
  return {
    data_source: sourceView(source, 'basic_info'),
    epoch: wireTime(r.epoch),
    location_geo: r.location_geo,
    location_gsm: r.location_gsm,
    nbtrace: r.nbtrace,
    sbtrace: r.sbtrace,
    metadata: r.metadata,
  }
}

export function dataProductWire(r: StoredDataProduct, source: StoredSource): Record<string, unknown> {
  return {
    data_source: sourceView(source, 'basic_info'),
    data_product_type: r.data_product_type,
    start: wireTime(r.start),
    end: wireTime(r.end),
    url: r.url,
    metadata: r.metadata,
  }
}
