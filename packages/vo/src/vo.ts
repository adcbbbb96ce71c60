import {
  type CallContext,
  type DataFile,
  defineProvider,
  type FileQuery,
  type Provider,
  type ProviderContext,
  type QueryValue,
  throwIfAborted,
} from '@heliokit/core'
import { linkFiles, rowFiles } from './data-files.ts'
import { datalinkBatch, datalinksForRows } from './datalink-calls.ts'
import { invalid, serviceUrl, show } from './invalid.ts'
import type { SkyPosition } from './position.ts'
import { PROVIDER_ID } from './provider-id.ts'
import { callService, ServiceClients } from './service-call.ts'
import { DEFAULT_SESAME_URL, resolveName } from './sesame.ts'
import { checkSiaQuery } from './sia-query.ts'
import { type SiaResults, siaResults } from './sia-results.ts'
import { checkSia2Query, type Sia2Query, type Sia2Shape } from './sia2-query.ts'
import { time } from './time.ts'
import type { VoApi } from './vo-api.ts'

export interface VoOptions {
  /** SIA v1 service URL (its own query, such as `?table=chanmaster`, is kept). */
  readonly siaUrl?: string
  /** SIA v2 query URL; `files()` asks it. */
  readonly sia2Url?: string
  /** CDS Sesame base. Default `https://cds.unistra.fr/cgi-bin/nph-sesame`. */
  readonly sesameUrl?: string
  /** Milliseconds per call, retries included. Default 30 000. */
  readonly timeout?: number
}

/** `files()` query: a SIA v2 COLLECTION over a time range, optionally with DataLink and cloud access. */
export interface VoFileQuery extends FileQuery {
  readonly pos?: Sia2Shape | readonly Sia2Shape[]
  readonly maxrec?: number
  /** Ask DataLink for each row and list its `#this` links. */
  readonly datalink?: boolean
  /** DataLink `source` (cloud access), implies `datalink`. */
  readonly source?: string
  /** Without DataLink: prefer the rows' cloud_access (`s3://`) over access_url. */
  readonly preferCloud?: boolean
}

/**
 * IVOA services: SIA v1/v2 queries (positions or object names via Sesame), DataLink (single and
 * batched, with cloud-access `source` options) and DataFiles for @heliokit/download.
 */
export function vo(options: VoOptions = {}): Provider<'vo', VoApi> {
  const sesame = serviceUrl(options.sesameUrl ?? DEFAULT_SESAME_URL, 'sesameUrl')
  const siaUrl = options.siaUrl === undefined ? undefined : serviceUrl(options.siaUrl, 'siaUrl')
  const sia2Url = options.sia2Url === undefined ? undefined : serviceUrl(options.sia2Url, 'sia2Url')
  const make = (ctx: ProviderContext) =>
    createApi(new ServiceClients(ctx, options.timeout), { sesame, siaUrl, sia2Url })
  return defineProvider({
    id: PROVIDER_ID,
    title: 'IVOA services: SIA, DataLink and cloud access',
    async *files(query: FileQuery, ctx: CallContext): AsyncIterable<DataFile> {
      const q = checkFileQuery(query, sia2Url)
      throwIfAborted(ctx.signal, PROVIDER_ID)
      const api = make(ctx)
      const results = await api.sia2(q.sia2, { signal: ctx.signal })
      const files = q.datalink
        ? api.linkFiles(
            await api.datalinksBatch(results, undefined, {
              signal: ctx.signal,
              ...(q.source === undefined ? {} : { source: q.source }),
            }),
            { dataset: q.dataset },
          )
        : api.files(results, { dataset: q.dataset, preferCloud: q.preferCloud })
      for (const file of files) {
        throwIfAborted(ctx.signal, PROVIDER_ID)
        yield file
      }
    },
    connect: make,
  })
}

interface Services {
  readonly sesame: URL
  readonly siaUrl: URL | undefined
  readonly sia2Url: URL | undefined
}

function pick(given: string | undefined, fallback: URL | undefined, field: string): URL {
  if (given !== undefined) return serviceUrl(given, 'url')
  if (!fallback) throw invalid('url', `no ${field} given to vo() nor to this call`)
  return fallback
}

function createApi(clients: ServiceClients, services: Services): VoApi {
  const resolve = async (name: string, signal?: AbortSignal): Promise<SkyPosition> =>
    resolveName(clients, services.sesame, name, signal)
  const query = async (
    url: URL,
    params: Record<string, QueryValue>,
    what: string,
    signal?: AbortSignal,
  ): Promise<SiaResults> => siaResults(await callService(clients, { url, params, signal, what }))
  const allRows = (results: SiaResults) => Array.from({ length: results.table.rowCount }, (_, i) => i)
  const datasetOf = (results: SiaResults | undefined, given?: string) =>
    given ?? results?.table.name ?? PROVIDER_ID

  return {
    resolve: (name, opts = {}) => resolveName(clients, services.sesame, name, opts.signal),
    sia: async (q, opts = {}) => {
      const checked = checkSiaQuery(q)
      const url = pick(opts.url, services.siaUrl, 'siaUrl')
      return query(url, await checked.params((n) => resolve(n, opts.signal)), 'SIA query', opts.signal)
    },
    sia2: async (q, opts = {}) => {
      const checked = checkSia2Query(q)
      const url = pick(opts.url, services.sia2Url, 'sia2Url')
      return query(url, await checked.params((n) => resolve(n, opts.signal)), 'SIA v2 query', opts.signal)
    },
    sourceOptions: (results) => results.datalink?.sourceOptions ?? [],
    datalinks: (results, row, opts = {}) => datalinksForRows(clients, results, [row], opts),
    datalinksBatch: (results, rows, opts = {}) =>
      datalinkBatch(clients, results, rows ?? allRows(results), opts),
    files: (results, opts = {}) =>
      rowFiles(results.table, {
        dataset: datasetOf(results, opts.dataset),
        preferCloud: opts.preferCloud ?? false,
      }),
    linkFiles: (links, opts = {}) =>
      linkFiles(links.links, {
        dataset: opts.dataset ?? PROVIDER_ID,
        ...(opts.semantics ? { semantics: opts.semantics } : {}),
      }),
  }
}

interface CheckedFileQuery {
  readonly dataset: string
  readonly sia2: Sia2Query
  readonly datalink: boolean
  readonly source?: string
  readonly preferCloud: boolean
}

function checkFileQuery(query: FileQuery, sia2Url: URL | undefined): CheckedFileQuery {
  const q = query as VoFileQuery
  if (typeof q.dataset !== 'string' || q.dataset.trim() === '') {
    throw invalid('dataset', `must be a collection name, got ${show(q.dataset)}`)
  }
  const start = time(q.start, 'start')
  const end = time(q.end, 'end')
  if (start > end) throw invalid('start', `(${start.toISOString()}) is after end (${end.toISOString()})`)
  if (!sia2Url) throw invalid('sia2Url', 'files() needs vo({ sia2Url })')
  if (q.source !== undefined && typeof q.source !== 'string')
    throw invalid('source', `must be a string, got ${show(q.source)}`)
  const sia2: Sia2Query = {
    collection: q.dataset,
    time: [start, end],
    ...(q.pos === undefined ? {} : { pos: q.pos }),
    ...(q.maxrec === undefined ? {} : { maxrec: q.maxrec }),
  }
  checkSia2Query(sia2)
  return {
    dataset: q.dataset,
    sia2,
    datalink: q.datalink === true || q.source !== undefined,
    ...(q.source === undefined ? {} : { source: q.source }),
    preferCloud: q.preferCloud === true,
  }
}
