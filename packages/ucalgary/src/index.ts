import type { UcalgaryApi } from './ucalgary-api.ts'

export { DEFAULT_BASE_URL, type UcalgaryOptions } from './api-client.ts'
export type {
  UcalgaryDownloadProgress,
  UcalgaryDownloadResult,
  UcalgaryDownloadSettings,
  UcalgaryFailedFile,
} from './download/download-types.ts'
export type { UcalgaryInstrumentArray } from './input-fields.ts'
export { listingFiles } from './listing/listing-files.ts'
export type { UcalgaryFileListing } from './listing/ucalgary-file-listing.ts'
export type {
  UcalgaryDataset,
  UcalgaryFileTimeResolution,
  UcalgaryLevel,
  UcalgaryObservatory,
} from './schemas.ts'
export { ucalgary } from './ucalgary.ts'
export type {
  UcalgaryApi,
  UcalgaryCallOptions,
  UcalgaryDatasetFilter,
  UcalgaryDownloadOptions,
  UcalgaryUrlOptions,
} from './ucalgary-api.ts'

declare module '@heliokit/core' {
  interface ProviderRegistry {
    ucalgary: UcalgaryApi
  }
}
