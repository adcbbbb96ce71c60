import type { ApiClient, DataFile } from '@heliokit/core'
import type { UcalgaryDataset } from '../schemas.ts'
import { untilAborted } from '../until-aborted.ts'
import { fetchWindows, type WindowOptions } from './fetch-windows.ts'
import { listingFiles } from './listing-files.ts'
import type { ListingQuery } from './listing-query.ts'

/** Streams the files of a query as DataFiles, one listing window at a time. */
export async function* streamFiles(
  client: ApiClient,
  dataset: UcalgaryDataset,
  query: ListingQuery,
  options: WindowOptions,
): AsyncGenerator<DataFile> {
  for await (const part of fetchWindows(client, { ...query, ...options, dataset })) {
    yield* untilAborted(
      listingFiles({ ...query, dataset, urls: part.urls, pathPrefix: part.pathPrefix }),
      options.signal,
    )
  }
}
