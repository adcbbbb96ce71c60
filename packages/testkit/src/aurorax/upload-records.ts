import { DATA_PRODUCT_TYPES, type Location, type StoredDataProduct, type StoredEphemeris, type StoredSource } from './store.ts'
import { parseWireTime } from './wire.ts'

/** One upload problem, as the API lists them in a 400 body. */
export interface UploadProblem {
  readonly message: string
}

const EPOCH = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00(?:\.0+)?Z?$/

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

/** Checks an ephemeris upload: every record or none (a 400 lists the problems). */
export function checkEphemerisUpload(
  body: unknown,
  source: StoredSource,
): { records: StoredEphemeris[] } | { problems: UploadProblem[] } {
  if (!Array.isArray(body)) return { problems: [{ message: 'the body must be a list of ephemeris records' }] }
  const problems: UploadProblem[] = []
  const records: StoredEphemeris[] = []
  body.forEach((r: Record<string, unknown>, i: number) => {
    const bad = (why: string) => problems.push({ message: `record ${i}: ${why}` })
    if (typeof r !== 'object' || r === null) return bad('not an object')
    if (!sameSource(r, source)) return bad(`program, platform and instrument_type must match data source ${source.identifier}`)
    const epoch = typeof r.epoch === 'string' && EPOCH.test(r.epoch) ? parseWireTime(r.epoch) : undefined
    if (epoch === undefined) return bad('epoch must be YYYY-MM-DDTHH:MM:00.000Z (minute resolution)')
    const locs = (['location_geo', 'location_gsm', 'nbtrace', 'sbtrace'] as const).map((k) => location(r[k]))
    const missing = locs.findIndex((l) => l === undefined)
    if (missing >= 0) return bad(`${['location_geo', 'location_gsm', 'nbtrace', 'sbtrace'][missing]} needs lat and lon, both numbers in range or both null`)
    const metadata = metadataOf(r.metadata)
    if (!metadata) return bad('metadata must be an object')
    const [geo, gsm, nb, sb] = locs as Location[]
    records.push({ source: source.identifier, epoch, location_geo: geo!, location_gsm: gsm!, nbtrace: nb!, sbtrace: sb!, metadata })
  })
  return problems.length ? { problems } : { records }
}

/** Checks a data product upload: every record or none. */
export function checkDataProductUpload(
  body: unknown,
  source: StoredSource,
): { records: StoredDataProduct[] } | { problems: UploadProblem[] } {
  if (!Array.isArray(body)) return { problems: [{ message: 'the body must be a list of data product records' }] }
  const problems: UploadProblem[] = []
  const records: StoredDataProduct[] = []
  body.forEach((r: Record<string, unknown>, i: number) => {
    const bad = (why: string) => problems.push({ message: `record ${i}: ${why}` })
    if (typeof r !== 'object' || r === null) return bad('not an object')
    if (!sameSource(r, source)) return bad(`program, platform and instrument_type must match data source ${source.identifier}`)
    if (!DATA_PRODUCT_TYPES.includes(r.data_product_type as string)) return bad('unknown data_product_type')
    const start = parseWireTime(r.start)
    const end = parseWireTime(r.end)
    if (start === undefined || end === undefined || end < start) return bad('start and end must be timestamps, start <= end')
    if (typeof r.url !== 'string' || r.url === '') return bad('url is required')
    const metadata = metadataOf(r.metadata)
    if (!metadata) return bad('metadata must be an object')
    records.push({ source: source.identifier, data_product_type: r.data_product_type as string, start, end, url: r.url, metadata })
  })
  return problems.length ? { problems } : { records }
}
