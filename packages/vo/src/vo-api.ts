import type { DataFile } from '@heliokit/core'
import type { DatalinkBatch, DatalinkBatchOptions, DatalinkOptions } from './datalink-calls.ts'
import type { DatalinkResults } from './datalink-results.ts'
import type { SourceOption } from './datalink-service.ts'
import type { ResolvedName } from './sesame.ts'
import type { SiaQuery } from './sia-query.ts'
import type { SiaResults } from './sia-results.ts'
import type { Sia2Query } from './sia2-query.ts'

export interface VoCallOptions {
  readonly signal?: AbortSignal
}

export interface VoServiceOptions extends VoCallOptions {
  /** The service to ask; default the provider's `siaUrl` / `sia2Url`. */
  readonly url?: string
}

export interface VoFileOptions {
  /** The `dataset` of each DataFile. Default the results table's name, else `vo`. */
  readonly dataset?: string
  /** Rows: use `cloud_access` (`s3://`) when present. Links: which semantics (default `#this`). */
  readonly preferCloud?: boolean
  readonly semantics?: readonly string[]
}

/** The provider's own API: `hk.provider('vo')`. */
export interface VoApi {
  /** An object name to ICRS degrees through CDS Sesame; NOT_FOUND for unknown names. */
  resolve(name: string, options?: VoCallOptions): Promise<ResolvedName>
  /** SIA v1 (POS, SIZE, FORMAT, INTERSECT, VERB); `pos` may be an object name. */
  sia(query: SiaQuery, options?: VoServiceOptions): Promise<SiaResults>
  /** SIA v2 (POS circle/range/polygon, BAND, TIME, POL, COLLECTION, ..., MAXREC). */
  sia2(query: Sia2Query, options?: VoServiceOptions): Promise<SiaResults>
  /** The `source` choices the results' DataLink descriptor offers (cloud access). */
  sourceOptions(results: SiaResults): readonly SourceOption[]
  /** DataLink for one row of the results (GET). */
  datalinks(results: SiaResults, row: number, options?: DatalinkOptions): Promise<DatalinkResults>
  /** DataLink for many rows (default all), POSTed in batches, grouped by ID. */
  datalinksBatch(
    results: SiaResults,
    rows?: readonly number[],
    options?: DatalinkBatchOptions,
  ): Promise<DatalinkBatch>
  /** DataFiles for the result rows (access_url, cloud_access). */
  files(results: SiaResults, options?: VoFileOptions): DataFile[]
  /** DataFiles for DataLink links (default `#this`). */
  linkFiles(links: DatalinkResults | DatalinkBatch, options?: VoFileOptions): DataFile[]
}
