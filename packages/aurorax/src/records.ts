/** A point on the globe, degrees: latitude in [-90, 90], longitude in [-180, 180]. */
export interface AuroraxLocation {
  readonly lat: number
  readonly lon: number
}

export type AuroraxSourceType = 'ground' | 'leo' | 'heo' | 'lunar' | 'event_list' | 'not_applicable'
export const SOURCE_TYPES: readonly AuroraxSourceType[] = [
  'ground',
  'leo',
  'heo',
  'lunar',
  'event_list',
  'not_applicable',
]

/** How much of a data source the API returns. Default `full_record`. */
export type AuroraxSourceFormat = 'basic_info' | 'with_metadata' | 'identifier_only' | 'full_record'
export const SOURCE_FORMATS: readonly AuroraxSourceFormat[] = [
  'basic_info',
  'with_metadata',
  'identifier_only',
  'full_record',
]

export type AuroraxDataProductType = 'keogram' | 'montage' | 'movie' | 'summary_plot' | 'data_availability'
export const DATA_PRODUCT_TYPES: readonly AuroraxDataProductType[] = [
  'keogram',
  'montage',
  'movie',
  'summary_plot',
  'data_availability',
]

/** One field of a data source's ephemeris or data product metadata schema. */
export interface AuroraxMetadataField {
  readonly fieldName: string
  readonly description: string
  readonly dataType: string
  readonly allowedValues: readonly string[]
  readonly additionalDescription: string | null
  readonly searchable: boolean
}

export interface AuroraxDataSourceStats {
  readonly ephemerisCount: number
  readonly dataProductCount: number
  readonly earliestEphemerisLoaded: Date | null
  readonly latestEphemerisLoaded: Date | null
  readonly earliestDataProductLoaded: Date | null
  readonly latestDataProductLoaded: Date | null
}

/** A data source; which fields are present depends on the format it was fetched with. */
export interface AuroraxDataSource {
  readonly identifier: number
  readonly program?: string
  readonly platform?: string
  readonly instrumentType?: string
  readonly sourceType?: AuroraxSourceType
  readonly displayName?: string
  readonly metadata?: Readonly<Record<string, unknown>>
  readonly owner?: string | null
  readonly maintainers?: readonly string[]
  readonly ephemerisMetadataSchema?: readonly AuroraxMetadataField[]
  readonly dataProductMetadataSchema?: readonly AuroraxMetadataField[]
  /** Present when asked for with `includeStats`. */
  readonly stats?: AuroraxDataSourceStats
}

/** One ephemeris record: where a source was at a minute. Locations are null where undefined. */
export interface AuroraxEphemeris {
  readonly dataSource: AuroraxDataSource
  readonly epoch: Date
  readonly locationGeo: AuroraxLocation | null
  readonly locationGsm: AuroraxLocation | null
  readonly nbtrace: AuroraxLocation | null
  readonly sbtrace: AuroraxLocation | null
  readonly metadata: Readonly<Record<string, unknown>>
}

export interface AuroraxDataProduct {
  readonly dataSource: AuroraxDataSource
  readonly dataProductType: AuroraxDataProductType
  readonly start: Date
  readonly end: Date
  readonly url: string
  readonly metadata: Readonly<Record<string, unknown>>
}

export type AuroraxConjunctionType = 'nbtrace' | 'sbtrace' | 'geographic'

export interface AuroraxConjunction {
  readonly conjunctionType: AuroraxConjunctionType
  readonly start: Date
  readonly end: Date
  readonly dataSources: readonly AuroraxDataSource[]
  /** Kilometres. */
  readonly minDistance: number
  readonly maxDistance: number
  readonly events: readonly unknown[]
  readonly closestEpoch: Date
  readonly farthestEpoch: Date
}

/** Records per UTC day (`YYYY-MM-DD`) of one data source. */
export interface AuroraxAvailability {
  readonly dataSource: AuroraxDataSource
  readonly days: Readonly<Record<string, number>>
}
