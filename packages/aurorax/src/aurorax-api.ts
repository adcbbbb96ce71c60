import type { TimeInput } from '@heliokit/core'
import type { AuroraxDataSources, AuroraxSourceFilter } from './data-sources.ts'
import type { AuroraxSourceRef } from './delete-records.ts'
import type { AuroraxDataProductInput, AuroraxEphemerisInput } from './record-input.ts'
import type {
  AuroraxAvailability,
  AuroraxConjunction,
  AuroraxDataProduct,
  AuroraxDataProductType,
  AuroraxEphemeris,
} from './records.ts'
import type { AuroraxCallOptions, AuroraxSearch, AuroraxSearchResult, AuroraxWaitOptions } from './search.ts'
import type {
  AuroraxConjunctionQuery,
  AuroraxDataProductQuery,
  AuroraxEphemerisQuery,
} from './search-queries.ts'
import type { AuroraxUploadOptions, AuroraxUploadResult } from './upload.ts'

/** Searches of one record type: build one to drive step by step, or run one in a call. */
export interface AuroraxSearches<Q, T> {
  /** A search object, checked but not yet submitted (INVALID_INPUT is thrown here). */
  search(query: Q): AuroraxSearch<T>
  /** Submits, waits and fetches: `onProgress` tells the story, `signal` also cancels it on the server. */
  run(query: Q, options?: AuroraxWaitOptions): Promise<AuroraxSearchResult<T>>
  /** A search submitted earlier, by request id or request URL. */
  request(requestIdOrUrl: string): AuroraxSearch<T>
  /** The API's "SQL-like" description of a query or search. */
  describe(query: Q | AuroraxSearch<T>, options?: AuroraxCallOptions): Promise<string>
}

export interface AuroraxEphemerisApi extends AuroraxSearches<AuroraxEphemerisQuery, AuroraxEphemeris> {
  /** Ephemeris records per UTC day per data source. */
  availability(start: TimeInput, end: TimeInput, filter?: AuroraxSourceFilter): Promise<AuroraxAvailability[]>
  /** Uploads (upserts by source and epoch) in ordered chunks; see AuroraxUploadError for partial failures. */
  upload(
    identifier: number,
    records: readonly AuroraxEphemerisInput[],
    options?: AuroraxUploadOptions & { readonly truncateSeconds?: boolean },
  ): Promise<AuroraxUploadResult>
  /** Deletes a source's ephemeris from `start` to `end`, both inclusive (administrators). */
  delete(
    source: AuroraxSourceRef,
    start: TimeInput,
    end: TimeInput,
    options?: AuroraxCallOptions,
  ): Promise<void>
}

export interface AuroraxDataProductsApi extends AuroraxSearches<AuroraxDataProductQuery, AuroraxDataProduct> {
  availability(start: TimeInput, end: TimeInput, filter?: AuroraxSourceFilter): Promise<AuroraxAvailability[]>
  /** Uploads (upserts by source and URL) in ordered chunks. */
  upload(
    identifier: number,
    records: readonly AuroraxDataProductInput[],
    options?: AuroraxUploadOptions,
  ): Promise<AuroraxUploadResult>
  /** Deletes a source's data products by URL (administrators). */
  deleteUrls(source: AuroraxSourceRef, urls: readonly string[], options?: AuroraxCallOptions): Promise<void>
  /** Finds a source's data products from `start` to `end` by a search, then deletes them; returns how many. */
  delete(
    source: AuroraxSourceRef,
    start: TimeInput,
    end: TimeInput,
    options?: AuroraxWaitOptions & { readonly dataProductTypes?: readonly AuroraxDataProductType[] },
  ): Promise<number>
}

export type AuroraxConjunctionsApi = AuroraxSearches<AuroraxConjunctionQuery, AuroraxConjunction>

/** The AuroraX search engine API, as `hk.provider('aurorax')` gives it. */
export interface AuroraxApi {
  readonly sources: AuroraxDataSources
  readonly ephemeris: AuroraxEphemerisApi
  readonly dataProducts: AuroraxDataProductsApi
  readonly conjunctions: AuroraxConjunctionsApi
}
