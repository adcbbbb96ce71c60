import type { TimeInput } from '@heliokit/core'
import { checkLocation } from './criteria.ts'
import { invalid } from './input-error.ts'
import type { AuroraxDataProductType, AuroraxLocation } from './records.ts'
import { DATA_PRODUCT_TYPES } from './records.ts'
import { toDate } from './wire-time.ts'

/** The names that tie a record to its data source (a fetched AuroraxDataSource has them). */
export interface AuroraxSourceNames {
  readonly program?: string
  readonly platform?: string
  readonly instrumentType?: string
}

export interface AuroraxEphemerisInput {
  readonly dataSource: AuroraxSourceNames
  /** Minute resolution: seconds are INVALID_INPUT unless the upload opts into truncation. */
  readonly epoch: TimeInput
  readonly locationGeo?: AuroraxLocation | null
  readonly locationGsm?: AuroraxLocation | null
  readonly nbtrace?: AuroraxLocation | null
  readonly sbtrace?: AuroraxLocation | null
  readonly metadata?: Readonly<Record<string, unknown>>
}

export interface AuroraxDataProductInput {
  readonly dataSource: AuroraxSourceNames
  readonly dataProductType: AuroraxDataProductType
  readonly start: TimeInput
  readonly end: TimeInput
  readonly url: string
  readonly metadata?: Readonly<Record<string, unknown>>
}

function names(source: AuroraxSourceNames): { program: string; platform: string; instrument_type: string } {
  if (typeof source !== 'object' || source === null) throw invalid('dataSource', 'is required')
  for (const f of ['program', 'platform', 'instrumentType'] as const) {
    if (typeof source[f] !== 'string' || source[f] === '') throw invalid(`dataSource.${f}`, 'is required')
  }
  return { program: source.program!, platform: source.platform!, instrument_type: source.instrumentType! }
}

function location(
  value: AuroraxLocation | null | undefined,
  field: string,
): { lat: number | null; lon: number | null } {
  return value == null ? { lat: null, lon: null } : checkLocation(value, field)
}

function metadata(value: unknown): Record<string, unknown> {
  if (value === undefined) return {}
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid('metadata', 'must be an object')
  return { ...(value as Record<string, unknown>) }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The wire form of an ephemeris record: names instead of the source, epoch `YYYY-MM-DDTHH:MM:00.000Z`. */
export function wireEphemeris(r: AuroraxEphemerisInput, truncateSeconds: boolean): Record<string, unknown> {
  if (typeof r !== 'object' || r === null) throw invalid('record', 'must be an object')
  const epoch = toDate(r.epoch, 'epoch')
  if (!truncateSeconds && (epoch.getUTCSeconds() || epoch.getUTCMilliseconds())) {
    throw invalid(
      'epoch',
      `has seconds (${epoch.toISOString()}); ephemeris is minute resolution (or pass truncateSeconds: true)`,
    )
  }
  const minute = `${epoch.getUTCFullYear()}-${pad(epoch.getUTCMonth() + 1)}-${pad(epoch.getUTCDate())}T${pad(epoch.getUTCHours())}:${pad(epoch.getUTCMinutes())}:00.000Z`
  return {
    ...names(r.dataSource),
    epoch: minute,
    location_geo: location(r.locationGeo, 'locationGeo'),
    location_gsm: location(r.locationGsm, 'locationGsm'),
    nbtrace: location(r.nbtrace, 'nbtrace'),
    sbtrace: location(r.sbtrace, 'sbtrace'),
    metadata: metadata(r.metadata),
  }
}

/** The wire form of a data product record. */
export function wireDataProduct(r: AuroraxDataProductInput): Record<string, unknown> {
  if (typeof r !== 'object' || r === null) throw invalid('record', 'must be an object')
  if (!DATA_PRODUCT_TYPES.includes(r.dataProductType)) {
    throw invalid('dataProductType', `must be one of ${DATA_PRODUCT_TYPES.join(', ')}`)
  }
  const start = toDate(r.start, 'start')
  const end = toDate(r.end, 'end')
  if (end.getTime() < start.getTime()) throw invalid('end', 'must not be before start')
  if (typeof r.url !== 'string' || !URL.canParse(r.url)) throw invalid('url', 'must be an absolute URL')
  return {
    ...names(r.dataSource),
    data_product_type: r.dataProductType,
    start: start.toISOString().slice(0, 19),
    end: end.toISOString().slice(0, 19),
    url: r.url,
    metadata: metadata(r.metadata),
  }
}
