import {
  DATA_PRODUCT_TYPES,
  type Location,
  type StoredDataProduct,
  type StoredEphemeris,
  type StoredSource,
} from './store.ts'
import { parseWireTime } from './wire.ts'

/** One upload problem, as the API lists them in a 400 body. */
export interface UploadProblem {
  readonly message: string
}

const EPOCH = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00(?:\.0+)?Z?$/
const LOCATIONS = ['location_geo', 'location_gsm', 'nbtrace', 'sbtrace'] as const

function sameSource(r: Record<string, unknown>, s: StoredSource): boolean {
  return r.program === s.program && r.platform === s.platform && r.instrument_type === s.instrument_type
}

function location(value: unknown): Location | undefined {
  const v = value as { lat?: unknown; lon?: unknown } | null
  if (typeof v !== 'object' || v === null) return undefined
  if (v.lat === null && v.lon === null) return { lat: null, lon: null }
  if (typeof v.lat !== 'number' || typeof v.lon !== 'number') return undefined
  if (Math.abs(v.lat) > 90 || Math.abs(v.lon) > 180) return undefined
  return { lat: v.lat, lon: v.lon }
}

function metadataOf(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return {}
  return typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

/** A stored ephemeris record, or why the wire record is rejected. */
function ephemerisRecord(r: Record<string, unknown>, source: StoredSource): StoredEphemeris | string {
  if (typeof r !== 'object' || r === null) return 'not an object'
  if (!sameSource(r, source)) {
    return `program, platform and instrument_type must match data source ${source.identifier}`
  }
  const epoch = typeof r.epoch === 'string' && EPOCH.test(r.epoch) ? parseWireTime(r.epoch) : undefined
  if (epoch === undefined) return 'epoch must be YYYY-MM-DDTHH:MM:00.000Z (minute resolution)'
  const [geo, gsm, nb, sb] = LOCATIONS.map((k) => location(r[k]))
  const missing = [geo, gsm, nb, sb].indexOf(undefined)
  if (missing >= 0) return `${LOCATIONS[missing]} needs lat and lon, both numbers in range or both null`
  const metadata = metadataOf(r.metadata)
  if (!metadata) return 'metadata must be an object'
  return {
    source: source.identifier,
    epoch,
    location_geo: geo!,
    location_gsm: gsm!,
    nbtrace: nb!,
    sbtrace: sb!,
    metadata,
  }
}

/** A stored data product, or why the wire record is rejected. */
function dataProductRecord(r: Record<string, unknown>, source: StoredSource): StoredDataProduct | string {
  if (typeof r !== 'object' || r === null) return 'not an object'
  if (!sameSource(r, source)) {
    return `program, platform and instrument_type must match data source ${source.identifier}`
  }
  if (!DATA_PRODUCT_TYPES.includes(r.data_product_type as string)) return 'unknown data_product_type'
  const start = parseWireTime(r.start)
  const end = parseWireTime(r.end)
  if (start === undefined || end === undefined || end < start) {
    return 'start and end must be timestamps, start <= end'
  }
  if (typeof r.url !== 'string' || r.url === '') return 'url is required'
  const metadata = metadataOf(r.metadata)
  if (!metadata) return 'metadata must be an object'
  return {
    source: source.identifier,
    data_product_type: r.data_product_type as string,
    start,
    end,
    url: r.url,
    metadata,
  }
}

/** Checks an upload: every record or none is accepted (a 400 lists the problems). */
function checkUpload<T>(
  body: unknown,
  source: StoredSource,
  what: string,
  check: (r: Record<string, unknown>, source: StoredSource) => T | string,
): { records: T[] } | { problems: UploadProblem[] } {
  if (!Array.isArray(body)) return { problems: [{ message: `the body must be a list of ${what} records` }] }
  const problems: UploadProblem[] = []
  const records: T[] = []
  for (const [i, r] of body.entries()) {
    const checked = check(r, source)
    if (typeof checked === 'string') problems.push({ message: `record ${i}: ${checked}` })
    else records.push(checked)
  }
  return problems.length ? { problems } : { records }
}

export function checkEphemerisUpload(
  body: unknown,
  source: StoredSource,
): { records: StoredEphemeris[] } | { problems: UploadProblem[] } {
  return checkUpload(body, source, 'ephemeris', ephemerisRecord)
}

export function checkDataProductUpload(
  body: unknown,
  source: StoredSource,
): { records: StoredDataProduct[] } | { problems: UploadProblem[] } {
  return checkUpload(body, source, 'data product', dataProductRecord)
}
