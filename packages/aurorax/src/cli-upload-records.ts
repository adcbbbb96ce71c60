import { InvalidInputError } from '@heliokit/core'
import { PROVIDER_ID } from './provider-id.ts'
import type { AuroraxDataProductInput, AuroraxEphemerisInput, AuroraxSourceNames } from './record-input.ts'
import type { AuroraxDataProductType, AuroraxLocation } from './records.ts'

// CSV columns of an ephemeris upload, as `<location>_lat`/`<location>_lon` pairs.
const LOCATIONS = { geo: 'locationGeo', gsm: 'locationGsm', nbtrace: 'nbtrace', sbtrace: 'sbtrace' } as const

/**
 * Upload records from file rows: JSON rows already in the API's shape are kept; CSV rows (all text) use
 * `epoch`, `geo_lat`, `geo_lon`, `gsm_*`, `nbtrace_*`, `sbtrace_*` (ephemeris) or `data_product_type`,
 * `start`, `end`, `url` (data products), and `metadata.<key>` columns. The data source defaults to `source`.
 */
export function ephemerisInputs(
  rows: readonly Record<string, unknown>[],
  source: AuroraxSourceNames,
): AuroraxEphemerisInput[] {
  return rows.map((row, i) => {
    if (row.epoch === undefined) throw missing(i, 'epoch')
    if ('dataSource' in row || 'locationGeo' in row)
      return { dataSource: source, ...row } as unknown as AuroraxEphemerisInput
    const locations: Record<string, AuroraxLocation | null> = {}
    for (const [prefix, field] of Object.entries(LOCATIONS)) locations[field] = location(row, prefix, i)
    return {
      dataSource: namesOf(row, source),
      epoch: String(row.epoch),
      ...locations,
      metadata: metadataOf(row),
    }
  })
}

export function dataProductInputs(
  rows: readonly Record<string, unknown>[],
  source: AuroraxSourceNames,
): AuroraxDataProductInput[] {
  return rows.map((row, i) => {
    if ('dataProductType' in row || 'dataSource' in row)
      return { dataSource: source, ...row } as unknown as AuroraxDataProductInput
    for (const field of ['data_product_type', 'start', 'end', 'url']) if (!row[field]) throw missing(i, field)
    return {
      dataSource: namesOf(row, source),
      dataProductType: String(row.data_product_type) as AuroraxDataProductType,
      start: String(row.start),
      end: String(row.end),
      url: String(row.url),
      metadata: metadataOf(row),
    }
  })
}

function namesOf(row: Record<string, unknown>, source: AuroraxSourceNames): AuroraxSourceNames {
  const program = (row.program as string) || source.program
  const platform = (row.platform as string) || source.platform
  const instrumentType = (row.instrument_type as string) || source.instrumentType
  return { program, platform, instrumentType }
}

function location(row: Record<string, unknown>, prefix: string, i: number): AuroraxLocation | null {
  const lat = row[`${prefix}_lat`]
  const lon = row[`${prefix}_lon`]
  if ((lat === undefined || lat === '') && (lon === undefined || lon === '')) return null
  const [a, b] = [Number(lat), Number(lon)]
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    throw new InvalidInputError(`row ${i + 1}: ${prefix}_lat and ${prefix}_lon must both be numbers`, {
      provider: PROVIDER_ID,
    })
  }
  return { lat: a, lon: b }
}

function metadataOf(row: Record<string, unknown>): Record<string, unknown> {
  const metadata: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith('metadata.') && value !== '') metadata[key.slice('metadata.'.length)] = value
  }
  return metadata
}

function missing(i: number, field: string): InvalidInputError {
  return new InvalidInputError(`row ${i + 1} has no ${field}`, {
    provider: PROVIDER_ID,
    issues: [{ path: `${i}.${field}`, message: 'is required' }],
  })
}
