import { z } from 'zod'
import type {
  AuroraxConjunction,
  AuroraxDataProduct,
  AuroraxDataSource,
  AuroraxEphemeris,
  AuroraxLocation,
  AuroraxMetadataField,
} from './records.ts'
import { DATA_PRODUCT_TYPES, SOURCE_TYPES } from './records.ts'
import { parseWireTimestamp } from './wire-timestamp.ts'

/** `YYYY-MM-DDTHH:MM:SS` (UTC, no zone) as a Date. */
export const wireTimeSchema: z.ZodType<Date, unknown> = z.string().transform((text, ctx) => {
  const date = parseWireTimestamp(text)
  if (date) return date
  ctx.addIssue({ code: 'custom', message: 'expected a YYYY-MM-DDTHH:MM:SS timestamp' })
  return z.NEVER
})

const optionalTime = z
  .string()
  .nullish()
  .transform((t) => (t ? new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}Z`) : null))

const metadataFieldSchema: z.ZodType<AuroraxMetadataField, unknown> = z
  .object({
    field_name: z.string(),
    description: z.string().nullish(),
    data_type: z.string(),
    allowed_values: z.array(z.string()).nullish(),
    additional_description: z.string().nullish(),
    searchable: z.boolean().nullish(),
  })
  .transform((f) => ({
    fieldName: f.field_name,
    description: f.description ?? '',
    dataType: f.data_type,
    allowedValues: f.allowed_values ?? [],
    additionalDescription: f.additional_description ?? null,
    searchable: f.searchable ?? true,
  }))

const statsSchema = z
  .object({
    ephemeris_count: z.number(),
    data_product_count: z.number(),
    earliest_ephemeris_loaded: optionalTime,
    latest_ephemeris_loaded: optionalTime,
    earliest_data_product_loaded: optionalTime,
    latest_data_product_loaded: optionalTime,
  })
  .transform((s) => ({
    ephemerisCount: s.ephemeris_count,
    dataProductCount: s.data_product_count,
    earliestEphemerisLoaded: s.earliest_ephemeris_loaded,
    latestEphemerisLoaded: s.latest_ephemeris_loaded,
    earliestDataProductLoaded: s.earliest_data_product_loaded,
    latestDataProductLoaded: s.latest_data_product_loaded,
  }))

/** A data source in any format; absent and null fields are left out. */
export const dataSourceSchema: z.ZodType<AuroraxDataSource, unknown> = z
  .object({
    identifier: z.number().int(),
    program: z.string().nullish(),
    platform: z.string().nullish(),
    instrument_type: z.string().nullish(),
    source_type: z.enum(SOURCE_TYPES as [string, ...string[]]).nullish(),
    display_name: z.string().nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
    owner: z.string().nullish(),
    maintainers: z.array(z.string()).nullish(),
    ephemeris_metadata_schema: z.array(metadataFieldSchema).nullish(),
    data_product_metadata_schema: z.array(metadataFieldSchema).nullish(),
    stats: statsSchema.nullish(),
  })
  .transform((s) => {
    const out: Record<string, unknown> = { identifier: s.identifier }
    const set = (key: string, value: unknown) => {
      if (value !== undefined && value !== null) out[key] = value
    }
    set('program', s.program)
    set('platform', s.platform)
    set('instrumentType', s.instrument_type)
    set('sourceType', s.source_type)
    set('displayName', s.display_name)
    set('metadata', s.metadata)
    if (s.owner !== undefined) out.owner = s.owner
    set('maintainers', s.maintainers)
    set('ephemerisMetadataSchema', s.ephemeris_metadata_schema)
    set('dataProductMetadataSchema', s.data_product_metadata_schema)
    set('stats', s.stats)
    return out as unknown as AuroraxDataSource
  })

export const dataSourceListSchema: z.ZodType<AuroraxDataSource[], unknown> = z.array(dataSourceSchema)

const locationSchema: z.ZodType<AuroraxLocation | null, unknown> = z
  .object({ lat: z.number().nullable(), lon: z.number().nullable() })
  .nullish()
  .refine((l) => !l || (l.lat === null) === (l.lon === null), 'lat and lon must both be numbers or both null')
  .transform((l) => (l && l.lat !== null && l.lon !== null ? { lat: l.lat, lon: l.lon } : null))

const metadataSchema = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((m) => m ?? {})

export const ephemerisSchema: z.ZodType<AuroraxEphemeris, unknown> = z
  .object({
    data_source: dataSourceSchema,
    epoch: wireTimeSchema,
    location_geo: locationSchema,
    location_gsm: locationSchema,
    nbtrace: locationSchema,
    sbtrace: locationSchema,
    metadata: metadataSchema,
  })
  .transform((r) => ({
    dataSource: r.data_source,
    epoch: r.epoch,
    locationGeo: r.location_geo,
    locationGsm: r.location_gsm,
    nbtrace: r.nbtrace,
    sbtrace: r.sbtrace,
    metadata: r.metadata,
  }))

export const dataProductSchema: z.ZodType<AuroraxDataProduct, unknown> = z
  .object({
    data_source: dataSourceSchema,
    data_product_type: z.enum(DATA_PRODUCT_TYPES as [string, ...string[]]),
    start: wireTimeSchema,
    end: wireTimeSchema,
    url: z.string().min(1),
    metadata: metadataSchema,
  })
  .transform(
    (r) =>
      ({
        dataSource: r.data_source,
        dataProductType: r.data_product_type,
        start: r.start,
        end: r.end,
        url: r.url,
        metadata: r.metadata,
      }) as AuroraxDataProduct,
  )

export const conjunctionSchema: z.ZodType<AuroraxConjunction, unknown> = z
  .object({
    conjunction_type: z.enum(['nbtrace', 'sbtrace', 'geographic']),
    start: wireTimeSchema,
    end: wireTimeSchema,
    data_sources: z.array(dataSourceSchema),
    min_distance: z.number(),
    max_distance: z.number(),
    events: z.array(z.unknown()).nullish(),
    closest_epoch: wireTimeSchema,
    farthest_epoch: wireTimeSchema,
  })
  .transform((c) => ({
    conjunctionType: c.conjunction_type,
    start: c.start,
    end: c.end,
    dataSources: c.data_sources,
    minDistance: c.min_distance,
    maxDistance: c.max_distance,
    events: c.events ?? [],
    closestEpoch: c.closest_epoch,
    farthestEpoch: c.farthest_epoch,
  }))

const logSchema = z.object({ level: z.string(), summary: z.string(), timestamp: z.string() })

export interface WireSearchStatus {
  readonly search_request: {
    readonly request_id: string
    readonly query?: unknown
    readonly requested?: string | null | undefined
  }
  readonly search_result: {
    readonly data_uri?: string | null | undefined
    readonly completed_timestamp?: string | null | undefined
    readonly query_duration?: number | null | undefined
    readonly file_size?: number | null | undefined
    readonly result_count?: number | null | undefined
    readonly error_condition?: boolean | null | undefined
  }
  readonly logs?: { level: string; summary: string; timestamp: string }[] | null | undefined
}

/** `GET {request_url}`: a search request's status and logs. */
export const searchStatusSchema: z.ZodType<WireSearchStatus, unknown> = z.object({
  search_request: z.object({ request_id: z.string(), query: z.unknown(), requested: z.string().nullish() }),
  search_result: z.object({
    data_uri: z.string().nullish(),
    completed_timestamp: z.string().nullish(),
    query_duration: z.number().nullish(),
    file_size: z.number().nullish(),
    result_count: z.number().nullish(),
    error_condition: z.boolean().nullish(),
  }),
  logs: z.array(logSchema).nullish(),
})

/** The data document: `{"result": [...]}` or `{"error": {error_code, error_message}}`. */
export const searchDataSchema: z.ZodType<
  | { result: unknown[] }
  | { error: { error_code?: string | null | undefined; error_message?: string | null | undefined } },
  unknown
> = z.union([
  z.object({ result: z.array(z.unknown()) }),
  z.object({ error: z.object({ error_code: z.string().nullish(), error_message: z.string().nullish() }) }),
])

export const availabilitySchema: z.ZodType<
  {
    data_source: AuroraxDataSource
    available_ephemeris?: Record<string, number> | null | undefined
    available_data_products?: Record<string, number> | null | undefined
  }[],
  unknown
> = z.array(
  z.object({
    data_source: dataSourceSchema,
    available_ephemeris: z.record(z.string(), z.number()).nullish(),
    available_data_products: z.record(z.string(), z.number()).nullish(),
  }),
)
