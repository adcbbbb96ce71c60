import {
  type CallContext,
  type DataFile,
  type DatasetInfo,
  type DatasetQuery,
  defineProvider,
  type FileQuery,
  type Provider,
  type ProviderContext,
  throwIfAborted,
} from '@heliokit/core'
import { findBucket, findEntry } from './catalog-lookup.ts'
import { datasetFilter } from './dataset-filter.ts'
import { datasetInfo } from './dataset-info.ts'
import { filesQuery, type ScregistryFilesQuery } from './files-query.ts'
import { listFiles } from './list-files.ts'
import { guarded, guardedItems, invalid, providerError } from './provider-error.ts'
import { PROVIDER_ID } from './provider-id.ts'
import type { ScregistryApi } from './scregistry-api.ts'
import { ScregistryClient } from './scregistry-client.ts'
import { type ScregistryOptions, type Settings, settingsOf } from './scregistry-options.ts'
import { searchCatalogs, searchCriteria } from './search-catalogs.ts'
import { streamFiles } from './stream-files.ts'

/**
 * The HelioCloud Shared Cloud Registry (CloudCatalog): the global registry of buckets, each bucket's
 * catalog.json, and the yearly CSV file indexes, streamed. Reads go through the client's transports:
 * register `createS3Transport()` (anonymous by default) and `createHttpTransport()`.
 */
export function scregistry(options: ScregistryOptions = {}): Provider<'scregistry', ScregistryApi> {
  const settings = settingsOf(options)
  return defineProvider({
    id: PROVIDER_ID,
    title: 'HelioCloud Shared Cloud Registry (CloudCatalog)',
    capabilities: ['download'],
    datasets(query: DatasetQuery, ctx: CallContext): AsyncIterable<DatasetInfo> {
      const keep = datasetFilter(query)
      return guardedItems(async function* () {
        const network = await new ScregistryClient(ctx, settings).network(ctx.signal)
        for (const failed of network.failed) {
          ctx.logger.warn('scregistry: bucket catalog not read', {
            bucket: failed.bucket.endpoint,
            code: failed.error.code,
          })
        }
        for (const { catalog } of network.catalogs) {
          for (const entry of catalog.entries) {
            if (!keep(entry)) continue
            throwIfAborted(ctx.signal, PROVIDER_ID)
            yield datasetInfo(entry)
          }
        }
      })
    },
    files(query: FileQuery, ctx: CallContext): AsyncIterable<DataFile> {
      return listing(ctx, settings, { ...query, signal: ctx.signal } as ScregistryFilesQuery)
    },
    connect: (ctx) => createApi(ctx, settings),
  })
}

/** files(): the query is checked at the call, so bad input fails before anything is sent. */
function listing(
  ctx: ProviderContext,
  settings: Settings,
  query: ScregistryFilesQuery,
): AsyncIterable<DataFile> {
  const parsed = filesQuery(query)
  const client = new ScregistryClient(ctx, settings)
  return listFiles(client.reader, () => client.locate(parsed.dataset, parsed.endpoint, query.signal), {
    start: parsed.start,
    stop: parsed.stop,
    signal: query.signal,
    onEvent: query.onEvent,
    logger: ctx.logger,
  })
}

function createApi(ctx: ProviderContext, settings: Settings): ScregistryApi {
  const client = new ScregistryClient(ctx, settings)
  return {
    registry: (opts = {}) => guarded(() => client.registry(opts.signal)),
    buckets: (opts = {}) => guarded(async () => (await client.registry(opts.signal)).buckets),
    endpoint: (name, regionPrefix = '', opts = {}) =>
      guarded(async () => {
        if (typeof name !== 'string' || name === '') throw invalid('name', 'must be a non-empty string')
        if (typeof regionPrefix !== 'string') throw invalid('regionPrefix', 'must be a string')
        return findBucket(await client.registry(opts.signal), name, regionPrefix).endpoint
      }),
    catalog: (bucket, opts = {}) => guarded(() => client.catalog(bucket, opts.signal)),
    entry: (bucket, id, opts = {}) =>
      guarded(async () => {
        if (typeof id !== 'string' || id === '') throw invalid('id', 'must be a non-empty string')
        return findEntry(await client.catalog(bucket, opts.signal), id)
      }),
    network: (opts = {}) => guarded(() => client.network(opts.signal)),
    search: (query, opts = {}) =>
      guarded(async () => {
        const criteria = searchCriteria(query)
        const network = await client.network(opts.signal)
        return { hits: searchCatalogs(network.catalogs, criteria), failed: network.failed }
      }),
    files: (query) => listing(ctx, settings, query),
    stream: (files, handler, opts = {}) => streamFiles(ctx, files, handler, opts),
    download: (files, opts) =>
      guarded(async () => {
        const { download } = await import('@heliokit/download')
        const result = await download(files, { ...opts, context: ctx, logger: opts.logger ?? ctx.logger })
        return {
          ...result,
          failed: result.failed.map((f) => ({ file: f.file, error: providerError(f.error) })),
        }
      }),
  }
}
