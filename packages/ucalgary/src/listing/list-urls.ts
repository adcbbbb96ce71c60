import type { ApiClient } from '@heliokit/core'
import type { UcalgaryDataset } from '../schemas.ts'
import { fetchWindows, type WindowOptions } from './fetch-windows.ts'
import type { ListingQuery } from './listing-query.ts'
import type { UcalgaryFileListing } from './ucalgary-file-listing.ts'

/** Lists every window of a query and merges them in order into one listing. */
export async function listUrls(
  client: ApiClient,
  dataset: UcalgaryDataset,
  query: ListingQuery,
  options: WindowOptions,
): Promise<UcalgaryFileListing> {
  const urls: string[] = []
  let pathPrefix: string | undefined
  let totalBytes: number | undefined = 0
  let requests = 0
  for await (const part of fetchWindows(client, { ...query, ...options, dataset })) {
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
