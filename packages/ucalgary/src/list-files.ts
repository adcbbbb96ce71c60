import { type ApiClient, type DataFile, type ProgressListener, throwIfAborted } from '@heliokit/core'
import { toDataFiles } from './data-files.ts'
import type { UcalgaryFileListing } from './file-listing.ts'
import type { ListingQuery } from './file-query.ts'
import { listWindows } from './list-windows.ts'
import { PROVIDER_ID } from './provider-id.ts'
import type { UcalgaryDataset } from './schemas.ts'

export interface ListOptions {
  readonly includeTotalBytes?: boolean
  readonly signal?: AbortSignal
  readonly onProgress?: ProgressListener
}

/** Lists every window of a query and merges them in order into one listing. */
export async function listUrls(
  client: ApiClient,
  dataset: UcalgaryDataset,
  query: ListingQuery,
  options: ListOptions,
): Promise<UcalgaryFileListing> {
  const urls: string[] = []
  let pathPrefix: string | undefined
  let totalBytes: number | undefined = 0
  let requests = 0
  for await (const part of listWindows(client, { ...query, ...options, dataset })) {
    requests++
    urls.push(...part.urls)
    pathPrefix ??= part.pathPrefix
    totalBytes =
      totalBytes === undefined || part.totalBytes === undefined ? undefined : totalBytes + part.totalBytes
  }
  return {
    dataset,
    start: query.range.start,
    end: query.range.end,
    site: query.site,
    device: query.device,
    urls,
    pathPrefix: pathPrefix ?? '',
    count: urls.length,
    totalBytes,
    requests,
  }
}

/** Streams the files of a query as DataFiles, one listing window at a time. */
export async function* streamFiles(
  client: ApiClient,
  dataset: UcalgaryDataset,
  query: ListingQuery,
  options: ListOptions,
): AsyncGenerator<DataFile> {
  for await (const part of listWindows(client, { ...query, ...options, dataset })) {
    yield* checked(
      listingFiles({ ...query, dataset, urls: part.urls, pathPrefix: part.pathPrefix }),
      options.signal,
    )
  }
}

/** The files of a listing as DataFiles. */
export function listingFiles(
  listing: Pick<UcalgaryFileListing, 'dataset' | 'urls' | 'pathPrefix' | 'site' | 'device'>,
): DataFile[] {
  return toDataFiles({
    dataset: listing.dataset.name,
    fileTimeResolution: listing.dataset.fileTimeResolution,
    urls: listing.urls,
    pathPrefix: listing.pathPrefix,
    site: listing.site,
    device: listing.device,
  })
}

/** Yields items until the signal fires, then fails with ABORTED. */
export function* checked<T>(items: Iterable<T>, signal: AbortSignal | undefined): Generator<T> {
  for (const item of items) {
    throwIfAborted(signal, PROVIDER_ID)
    yield item
  }
}
