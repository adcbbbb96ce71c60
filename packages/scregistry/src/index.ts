import type { ScregistryApi } from './scregistry-api.ts'

export type { ScregistryEntry } from './catalog-entry.ts'
export type { ScregistryCatalog } from './catalog-schema.ts'
export type { ScregistryFilesQuery } from './files-query.ts'
export type { BucketCatalog, FailedBucket, ScregistryNetwork } from './read-network.ts'
export type { ScregistryBucket, ScregistryRegistry } from './registry-schema.ts'
export { scregistry } from './scregistry.ts'
export type {
  ScregistryApi,
  ScregistryCallOptions,
  ScregistryDownloadOptions,
  ScregistrySearchResult,
} from './scregistry-api.ts'
export type { ScregistryEvent } from './scregistry-event.ts'
export { DEFAULT_REGISTRY_URL, type ScregistryOptions } from './scregistry-options.ts'
export { keywordScore, type ScregistryHit, type ScregistrySearch } from './search-catalogs.ts'
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
