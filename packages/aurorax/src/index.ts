import type { AuroraxApi } from './aurorax-api.ts'

export { aurorax } from './aurorax.ts'
export type {
  AuroraxApi,
  AuroraxConjunctionsApi,
  AuroraxDataProductsApi,
  AuroraxEphemerisApi,
  AuroraxSearches,
} from './aurorax-api.ts'
export { type AuroraxOptions, DEFAULT_BASE_URL } from './connection.ts'
export {
  type AuroraxCriteria,
  type AuroraxCustomLocationsBlock,
  type AuroraxDistances,
  type AuroraxEventsBlock,
  type AuroraxGroundBlock,
  type AuroraxSourceCriteria,
  type AuroraxSpaceBlock,
  conjunctionDistances,
  customLocations,
  eventsBlock,
  groundBlock,
  MAX_CRITERIA_BLOCKS,
  spaceBlock,
} from './criteria.ts'
export type { AuroraxDataSourceInput } from './data-source-input.ts'
export type {
  AuroraxDataSources,
  AuroraxSourceFilter,
  AuroraxSourceOptions,
  AuroraxSourceSearch,
} from './data-sources.ts'
export type { AuroraxSourceRef } from './delete-records.ts'
export {
  type AuroraxMetadataExpression,
  type AuroraxMetadataFilter,
  type AuroraxMetadataValue,
  type AuroraxOperator,
  expression,
  metadataFilter,
  OPERATORS,
} from './metadata-filter.ts'
export type { AuroraxDataProductInput, AuroraxEphemerisInput, AuroraxSourceNames } from './record-input.ts'
export {
  type AuroraxAvailability,
  type AuroraxConjunction,
  type AuroraxConjunctionType,
  type AuroraxDataProduct,
  type AuroraxDataProductType,
  type AuroraxDataSource,
  type AuroraxDataSourceStats,
  type AuroraxEphemeris,
  type AuroraxLocation,
  type AuroraxMetadataField,
  type AuroraxSourceFormat,
  type AuroraxSourceType,
  DATA_PRODUCT_TYPES,
  SOURCE_FORMATS,
  SOURCE_TYPES,
} from './records.ts'
export {
  type AuroraxCallOptions,
  AuroraxSearch,
  type AuroraxSearchEvent,
  type AuroraxSearchKind,
  type AuroraxSearchResult,
  type AuroraxWaitOptions,
} from './search.ts'
export { AuroraxSearchError, type AuroraxSearchLog } from './search-error.ts'
export type {
  AuroraxConjunctionQuery,
  AuroraxDataProductQuery,
  AuroraxEphemerisQuery,
} from './search-queries.ts'
export type { AuroraxSearchStatus } from './search-status.ts'
export type { AuroraxUploadOptions, AuroraxUploadResult } from './upload.ts'
export { type AuroraxChunk, AuroraxUploadError, type AuroraxUploadReport } from './upload-error.ts'

declare module '@heliokit/core' {
  interface ProviderRegistry {
    aurorax: AuroraxApi
  }
}
