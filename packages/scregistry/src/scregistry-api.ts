import type { DataFile } from '@heliokit/core'
import type { DownloadOptions, DownloadResult } from '@heliokit/download'
import type { ScregistryEntry } from './catalog-entry.ts'
import type { ScregistryCatalog } from './catalog-schema.ts'
import type { ScregistryFilesQuery } from './files-query.ts'
import type { FailedBucket, ScregistryNetwork } from './read-network.ts'
import type { ScregistryBucket, ScregistryRegistry } from './registry-schema.ts'
import type { ScregistryHit, ScregistrySearch } from './search-catalogs.ts'
import type {
  ScregistryFileHandler,
  ScregistryStreamOptions,
  ScregistryStreamResult,
} from './stream-files.ts'

export interface ScregistryCallOptions {
  readonly signal?: AbortSignal
}

export interface ScregistrySearchResult {
  readonly hits: readonly ScregistryHit[]
  /** Buckets whose catalog could not be read or is unavailable (1400). */
  readonly failed: readonly FailedBucket[]
}

/** Download options; transports come from the client the provider is registered in. */
export type ScregistryDownloadOptions = Omit<DownloadOptions, 'context' | 'transports'>

/** What `hk.provider('scregistry')` returns. */
export interface ScregistryApi {
  /** The global registry, as read now. */
  registry(options?: ScregistryCallOptions): Promise<ScregistryRegistry>
  /** The buckets the registry lists. */
  buckets(options?: ScregistryCallOptions): Promise<readonly ScregistryBucket[]>
  /** The endpoint of the one bucket with this name (and a region starting with `regionPrefix`). */
  endpoint(name: string, regionPrefix?: string, options?: ScregistryCallOptions): Promise<string>
  /** A bucket's catalog (name, `s3://` URL or `https://` folder), normalised; status 1400 is returned, not thrown. */
  catalog(bucket: string, options?: ScregistryCallOptions): Promise<ScregistryCatalog>
  /** One entry of a bucket's catalog, by id (exact, then any case). */
  entry(bucket: string, id: string, options?: ScregistryCallOptions): Promise<ScregistryEntry>
  /** Every bucket's catalog, read in parallel; failures are reported. */
  network(options?: ScregistryCallOptions): Promise<ScregistryNetwork>
  /** Searches every catalog of the network by id, title and keywords. */
  search(query: ScregistrySearch, options?: ScregistryCallOptions): Promise<ScregistrySearchResult>
  /** The dataset's files overlapping [start, stop), streamed across its yearly indexes in time order. */
  files(query: ScregistryFilesQuery): AsyncIterable<DataFile>
  /** Hands each file's bytes to `handler`, with its DataFile (row), a few files at a time. */
  stream(
    files: Iterable<DataFile> | AsyncIterable<DataFile>,
    handler: ScregistryFileHandler,
    options?: ScregistryStreamOptions,
  ): Promise<ScregistryStreamResult>
  /** Downloads files with @heliokit/download (size and checksum verified); failures name this provider. */
  download(
    files: Iterable<DataFile> | AsyncIterable<DataFile>,
    options: ScregistryDownloadOptions,
  ): Promise<DownloadResult>
}
