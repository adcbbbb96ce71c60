import type { ScregistryApi } from './scregistry-api.ts'

export type { ScregistryEntry } from './catalog-entry.ts'
export type { ScregistryCatalog } from './catalog-schema.ts'
export type { ScregistryEvent } from './events.ts'
export type { ScregistryFilesQuery } from './file-query.ts'
export type { BucketCatalog, FailedBucket, ScregistryNetwork } from './network.ts'
export { DEFAULT_REGISTRY_URL, type ScregistryOptions } from './options.ts'
export type { ScregistryBucket, ScregistryRegistry } from './registry-schema.ts'
export { scregistry } from './scregistry.ts'
export type {
  ScregistryApi,
  ScregistryCallOptions,
  ScregistryDownloadOptions,
  ScregistrySearchResult,
} from './scregistry-api.ts'
export { keywordScore, type ScregistryHit, type ScregistrySearch } from './search.ts'
export type {
  ScregistryFileHandler,
  ScregistryStreamOptions,
  ScregistryStreamResult,
} from './stream-files.ts'

declare module '@heliokit/core' {
  interface ProviderRegistry {
    scregistry: ScregistryApi
  }
}
