import type { UcalgaryApi } from './ucalgary-api.ts'

export type {
  UcalgaryDownloadProgress,
  UcalgaryDownloadResult,
  UcalgaryDownloadSettings,
  UcalgaryFailedFile,
} from './download-listing.ts'
export type { UcalgaryFileListing } from './file-listing.ts'
export type { UcalgaryInstrumentArray } from './input.ts'
export { listingFiles } from './list-files.ts'
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
export { DEFAULT_BASE_URL, type UcalgaryOptions } from './ucalgary-client.ts'

declare module '@heliokit/core' {
  interface ProviderRegistry {
    ucalgary: UcalgaryApi
  }
}
