import {
  type CallContext,
  type DataFile,
  type DatasetInfo,
  type DatasetQuery,
  defineProvider,
  type FileQuery,
  type Provider,
  type ProviderContext,
  type TimeInput,
  throwIfAborted,
} from '@heliokit/core'
import { checkDownloadInput, downloadListing } from '#download-listing'
import { apiClient, type UcalgaryOptions } from './api-client.ts'
import { datasetInfo } from './dataset-info.ts'
import type { UcalgaryDownloadSettings } from './download/download-types.ts'
import { fetchDataset, fetchDatasets } from './fetch-datasets.ts'
import { fetchObservatories } from './fetch-observatories.ts'
import { datasetName } from './input-fields.ts'
import { listUrls } from './listing/list-urls.ts'
import { listingFiles } from './listing/listing-files.ts'
import { capabilityQuery, type ListingQuery, listingQuery } from './listing/listing-query.ts'
import { streamFiles } from './listing/stream-files.ts'
import type { UcalgaryFileListing } from './listing/ucalgary-file-listing.ts'
import { PROVIDER_ID } from './provider-id.ts'
import type { UcalgaryDataset } from './schemas.ts'
import type { UcalgaryApi, UcalgaryDownloadOptions, UcalgaryUrlOptions } from './ucalgary-api.ts'
import { untilAborted } from './until-aborted.ts'

/**
 * The UCalgary Space Remote Sensing data distribution: datasets, observatories, file listings over any
 * time range and downloads that mirror the archive's data tree. No authentication.
 */
export function ucalgary(options: UcalgaryOptions = {}): Provider<'ucalgary', UcalgaryApi> {
  return defineProvider({
    id: PROVIDER_ID,
    title: 'University of Calgary Space Remote Sensing data distribution',
    capabilities: ['download'],
    async *datasets(query: DatasetQuery, ctx: CallContext): AsyncIterable<DatasetInfo> {
      const client = apiClient(ctx, options)
      const list = await fetchDatasets(client, { name: query.text, level: query.level, signal: ctx.signal })
      yield* untilAborted(list.map(datasetInfo), ctx.signal)
    },
    async *files(query: FileQuery, ctx: CallContext): AsyncIterable<DataFile> {
      const parsed = capabilityQuery(query)
      throwIfAborted(ctx.signal, PROVIDER_ID)
      const client = apiClient(ctx, options)
      const dataset = await fetchDataset(client, parsed.dataset, ctx.signal)
      yield* streamFiles(client, dataset, parsed, { signal: ctx.signal, onProgress: ctx.onProgress })
    },
    connect: (ctx) => createApi(ctx, options),
  })
}

function createApi(ctx: ProviderContext, options: UcalgaryOptions): UcalgaryApi {
  const client = apiClient(ctx, options)
  const known = new Map<string, Promise<UcalgaryDataset>>()
  // Dataset records rarely change: one lookup per name per client (a failed lookup is retried).
  const dataset = (name: string, signal?: AbortSignal): Promise<UcalgaryDataset> => {
    let found = known.get(name)
    if (!found) {
      found = fetchDataset(client, name, signal)
      known.set(name, found)
      found.catch(() => known.delete(name))
    }
    return found
  }
  const list = async (query: ListingQuery, opts: UcalgaryUrlOptions): Promise<UcalgaryFileListing> => {
    throwIfAborted(opts.signal, PROVIDER_ID)
    return listUrls(client, await dataset(query.dataset, opts.signal), query, opts)
  }

  return {
    datasets: (filter = {}) => fetchDatasets(client, filter),
    getDataset: async (name, opts = {}) => dataset(datasetName(name), opts.signal),
    observatories: (array, opts = {}) => fetchObservatories(client, array, opts),
    urls: async (name, start, end, opts = {}) => list(listingQuery(name, start, end, opts), opts),
    download: (async (
      first: string | UcalgaryFileListing,
      ...rest: [TimeInput, TimeInput, UcalgaryDownloadOptions?] | [UcalgaryDownloadSettings?]
    ) => {
      if (typeof first !== 'string') {
        const settings = (rest[0] as UcalgaryDownloadSettings | undefined) ?? {}
        checkDownloadInput(settings, first)
        return downloadListing(ctx, first, settings)
      }
      const [start, end, opts = {}] = rest as [TimeInput, TimeInput, UcalgaryDownloadOptions?]
      const query = listingQuery(first, start, end, opts)
      checkDownloadInput(opts)
      return downloadListing(ctx, await list(query, { signal: opts.signal }), opts)
    }) as UcalgaryApi['download'],
    files: ((
      first: string | UcalgaryFileListing,
      start?: TimeInput,
      end?: TimeInput,
      opts: UcalgaryUrlOptions = {},
    ) => {
      if (typeof first !== 'string') {
        const files = listingFiles(first)
        return (async function* () {
          yield* files
        })()
      }
      const query = listingQuery(first, start as TimeInput, end as TimeInput, opts)
      return (async function* () {
        throwIfAborted(opts.signal, PROVIDER_ID)
        yield* streamFiles(client, await dataset(query.dataset, opts.signal), query, opts)
      })()
    }) as UcalgaryApi['files'],
  }
}
