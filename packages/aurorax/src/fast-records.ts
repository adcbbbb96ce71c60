import type { AuroraxDataProduct, AuroraxDataSource, AuroraxEphemeris, AuroraxLocation } from './records.ts'
import { DATA_PRODUCT_TYPES, SOURCE_TYPES } from './records.ts'
import { parseWireTimestamp } from './wire-timestamp.ts'

// The zod schemas decide every record these do not accept (and name the bad field); these accept only
// what the schemas accept and give the same output, for the common shapes of large results.
// Property tests hold the two to each other.
// They convert the freshly parsed list in place, last record first: the records JSON.parse made last are
// still in the young generation, and replacing them first lets them die there instead of being copied
// out of it when the new records fill it. A list they give up on is spoiled: parse the text again.

const productTypes: ReadonlySet<unknown> = new Set(DATA_PRODUCT_TYPES)
const sourceTypes: ReadonlySet<unknown> = new Set(SOURCE_TYPES)
type Raw = Record<string, unknown>

const optionalText = (v: unknown): boolean => v === undefined || v === null || typeof v === 'string'

/** Fields of a fuller source format: the schema keeps them, so a source holding any is left to it. */
const hasFullFields = (r: Raw): boolean =>
  r.metadata !== undefined ||
  r.owner !== undefined ||
  r.maintainers !== undefined ||
  r.ephemeris_metadata_schema !== undefined ||
  r.data_product_metadata_schema !== undefined ||
  r.stats !== undefined

/** A basic-info data source, or undefined. */
function toSource(r: Raw): AuroraxDataSource | undefined {
  if (!Number.isSafeInteger(r.identifier) || hasFullFields(r)) return undefined
  const { program, platform, instrument_type: type, source_type: sourceType, display_name: name } = r
  if (!optionalText(program) || !optionalText(platform) || !optionalText(type) || !optionalText(name))
    return undefined
  if (sourceType !== undefined && sourceType !== null && !sourceTypes.has(sourceType)) return undefined
  const out: { -readonly [K in keyof AuroraxDataSource]: AuroraxDataSource[K] } = {
    identifier: r.identifier as number,
  }
  if (program != null) out.program = program as string
  if (platform != null) out.platform = platform as string
  if (type != null) out.instrumentType = type as string
  if (sourceType != null) out.sourceType = sourceType as AuroraxDataSource['sourceType']
  if (name != null) out.displayName = name as string
  return Object.freeze(out)
}

/** Whether `r` holds exactly the basic-info fields `raw` held, and so converts to the same source. */
function sameSource(r: Raw, raw: Raw): boolean {
  return (
    r.identifier === raw.identifier &&
    r.program === raw.program &&
    r.platform === raw.platform &&
    r.instrument_type === raw.instrument_type &&
    r.source_type === raw.source_type &&
    r.display_name === raw.display_name &&
    !hasFullFields(r)
  )
}

interface Converted {
  readonly raw: Raw
  readonly out: AuroraxDataSource
}

/**
 * Converts data sources, sharing one frozen object among the records of a source: a result repeats
 * its few sources on every record, and one object per record costs a quarter of the validation time.
 * The last source is tried first, as results list a source's records together.
 */
class SourceCache {
  #last: Converted | undefined
  readonly #seen = new Map<unknown, Converted>()

  of(s: unknown): AuroraxDataSource | undefined {
    if (typeof s !== 'object' || s === null || Array.isArray(s)) return undefined
    const r = s as Raw
    const last = this.#last
    if (last !== undefined && sameSource(r, last.raw)) return last.out
    const hit = this.#seen.get(r.identifier)
    if (hit !== undefined && sameSource(r, hit.raw)) {
      this.#last = hit
      return hit.out
    }
    const out = toSource(r)
    if (out) {
      this.#last = { raw: r, out }
      this.#seen.set(r.identifier, this.#last)
    }
    return out
  }
}

function metadataOf(m: unknown): Readonly<Record<string, unknown>> | undefined {
  if (m === undefined || m === null) return {}
  return typeof m === 'object' && !Array.isArray(m) ? (m as Raw) : undefined
}

const NONE = Symbol('invalid')

function location(l: unknown): AuroraxLocation | null | typeof NONE {
  if (l === undefined || l === null) return null
  if (typeof l !== 'object' || Array.isArray(l)) return NONE
  const { lat, lon } = l as Raw
  if (lat === null && lon === null) return null
  return typeof lat === 'number' && typeof lon === 'number' ? { lat, lon } : NONE
}

/** Data products of the common shape, converted in place; undefined (list spoiled) to let the schema decide. */
export function fastDataProducts(list: unknown[]): AuroraxDataProduct[] | undefined {
  const sources = new SourceCache()
  for (let i = list.length - 1; i >= 0; i--) {
    const r = list[i] as Raw
    if (typeof r !== 'object' || r === null) return undefined
    const dataSource = sources.of(r.data_source)
    if (!dataSource || !productTypes.has(r.data_product_type)) return undefined
    const start = parseWireTimestamp(r.start)
    const end = parseWireTimestamp(r.end)
    const metadata = metadataOf(r.metadata)
    if (!start || !end || typeof r.url !== 'string' || r.url === '' || !metadata) return undefined
    list[i] = {
      dataSource,
      dataProductType: r.data_product_type as AuroraxDataProduct['dataProductType'],
      start,
      end,
      url: r.url,
      metadata,
    } satisfies AuroraxDataProduct
  }
  return list as AuroraxDataProduct[]
}

/** Ephemeris records of the common shape, converted in place; undefined (list spoiled) to let the schema decide. */
export function fastEphemeris(list: unknown[]): AuroraxEphemeris[] | undefined {
  const sources = new SourceCache()
  for (let i = list.length - 1; i >= 0; i--) {
    const r = list[i] as Raw
    if (typeof r !== 'object' || r === null) return undefined
    const dataSource = sources.of(r.data_source)
    const epoch = parseWireTimestamp(r.epoch)
    const metadata = metadataOf(r.metadata)
    const geo = location(r.location_geo)
    const gsm = location(r.location_gsm)
    const nb = location(r.nbtrace)
    const sb = location(r.sbtrace)
    if (!dataSource || !epoch || !metadata || geo === NONE || gsm === NONE || nb === NONE || sb === NONE) {
      return undefined
    }
    list[i] = {
      dataSource,
      epoch,
      locationGeo: geo,
      locationGsm: gsm,
      nbtrace: nb,
      sbtrace: sb,
      metadata,
    } satisfies AuroraxEphemeris
  }
  return list as AuroraxEphemeris[]
}
