import { NotFoundError, type QueryValue, throwIfAborted } from '@heliokit/core'
import { descriptorParams } from './datalink-query.ts'
import { type DatalinkLink, type DatalinkResults, datalinkResults } from './datalink-results.ts'
import type { ServiceDescriptor } from './datalink-service.ts'
import { invalid, serviceUrl, show } from './invalid.ts'
import { PROVIDER_ID } from './provider-id.ts'
import { callService, type ServiceClients } from './service-call.ts'
import type { SiaResults } from './sia-results.ts'

export interface DatalinkOptions {
  /** Cloud access: the `source` to ask for (one of the descriptor's `sourceOptions`). */
  readonly source?: string
  /** More parameters, added to or replacing the descriptor's (null removes one). */
  readonly params?: Readonly<Record<string, QueryValue>>
  readonly signal?: AbortSignal
}

export interface DatalinkBatchOptions extends DatalinkOptions {
  /** IDs per request. Default 50 (pyvo's DATALINK_BATCH_CALL_SIZE). */
  readonly batchSize?: number
  /** Called after each request with the rows done so far. */
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void
}

/** The links for many rows, fetched in batches and grouped by ID. */
export interface DatalinkBatch {
  readonly byId: ReadonlyMap<string, readonly DatalinkLink[]>
  readonly links: readonly DatalinkLink[]
  readonly errors: readonly DatalinkLink[]
  readonly fellBack: boolean
  readonly source?: string
  /** IDs the service never answered for (asked, and asked again, with no link in reply). */
  readonly missing: readonly string[]
  /** Each request's answer, in order. */
  readonly responses: readonly DatalinkResults[]
}

/** The results' DataLink descriptor, with the source checked against its options before anything is sent. */
export function checkedDescriptor(results: SiaResults, options: DatalinkOptions): ServiceDescriptor {
  const descriptor = results.datalink
  if (!descriptor) {
    throw new NotFoundError(`the results from ${results.url} carry no DataLink service descriptor`, {
      provider: PROVIDER_ID,
    })
  }
  serviceUrl(descriptor.accessUrl, 'datalink.accessURL')
  const { source } = options
  if (source !== undefined) {
    const values = descriptor.sourceOptions.map((o) => o.value)
    if (typeof source !== 'string' || (values.length > 0 && !values.includes(source))) {
      throw invalid('source', `must be one of ${values.join(', ') || '(none offered)'}, got ${show(source)}`)
    }
  }
  return descriptor
}

function extra(options: DatalinkOptions): Record<string, QueryValue> {
  return { ...options.params, ...(options.source === undefined ? {} : { source: options.source }) }
}

const DATALINK_MIME = 'application/x-votable+xml;content=datalink'

/** A row whose access_url is itself a DataLink document (pyvo's fallback when there is no descriptor). */
function datalinkUrl(results: SiaResults, row: number): string | undefined {
  if (results.datalink || !Number.isInteger(row) || row < 0 || row >= results.table.rowCount) return undefined
  const { access_format: format, access_url: url } = results.table.row(row)
  if (typeof format !== 'string' || typeof url !== 'string') return undefined
  return format.replace(/\s+/g, '').toLowerCase() === DATALINK_MIME ? url : undefined
}

/** DataLink for some rows of the results, in one request. */
export async function datalinksForRows(
  clients: ServiceClients,
  results: SiaResults,
  rows: readonly number[],
  options: DatalinkOptions,
): Promise<DatalinkResults> {
  const direct = rows.length === 1 ? datalinkUrl(results, rows[0]!) : undefined
  if (direct !== undefined) {
    const url = serviceUrl(direct, 'access_url')
    const answer = await callService(clients, {
      url,
      params: extra(options),
      signal: options.signal,
      what: 'DataLink',
    })
    return datalinkResults(answer.document, answer.url, options.source)
  }
  const descriptor = checkedDescriptor(results, options)
  const params = descriptorParams(descriptor, results.table, rows, extra(options))
  const answer = await callService(clients, {
    url: new URL(descriptor.accessUrl),
    params,
    post: rows.length > 1,
    signal: options.signal,
    what: 'DataLink',
  })
  return datalinkResults(answer.document, answer.url, options.source)
}

/** DataLink for many rows in batches of `batchSize` IDs (POSTed), results grouped by ID. */
export async function datalinkBatch(
  clients: ServiceClients,
  results: SiaResults,
  rows: readonly number[],
  options: DatalinkBatchOptions,
): Promise<DatalinkBatch> {
  const size = options.batchSize ?? 50
  if (!Number.isInteger(size) || size < 1)
    throw invalid('batchSize', `must be a positive integer, got ${show(size)}`)
  const descriptor = checkedDescriptor(results, options)
  descriptorParams(descriptor, results.table, rows, extra(options))
  const idOf = rowIds(descriptor, results)
  const responses: DatalinkResults[] = []
  const missing: string[] = []
  let pending = [...rows]
  while (pending.length > 0) {
    throwIfAborted(options.signal, PROVIDER_ID)
    const asked = pending.slice(0, size)
    const response = await datalinksForRows(clients, results, asked, options)
    responses.push(response)
    // A service may answer fewer IDs than asked (its own limit): ask again for the rest, as pyvo does.
    const unanswered = asked.filter((row) => idOf(row) !== undefined && !response.byId.has(idOf(row)!))
    if (unanswered.length === asked.length) missing.push(...unanswered.map((row) => idOf(row)!))
    pending =
      unanswered.length === asked.length ? pending.slice(size) : [...unanswered, ...pending.slice(size)]
    options.onProgress?.({ done: rows.length - pending.length, total: rows.length })
  }
  const byId = new Map<string, DatalinkLink[]>()
  for (const link of responses.flatMap((r) => r.links)) {
    const group = byId.get(link.id)
    if (group) group.push(link)
    else byId.set(link.id, [link])
  }
  const links = responses.flatMap((r) => r.links)
  return {
    byId,
    links,
    errors: links.filter((l) => l.errorMessage),
    fellBack: responses.some((r) => r.fellBack),
    ...(options.source === undefined ? {} : { source: options.source }),
    missing,
    responses,
  }
}

/** The DataLink ID a row is asked with (the descriptor's ID parameter), when it has one. */
function rowIds(descriptor: ServiceDescriptor, results: SiaResults): (row: number) => string | undefined {
  return (row) => {
    const id = descriptorParams(descriptor, results.table, [row]).ID
    return Array.isArray(id) ? (id[0] as string | undefined) : typeof id === 'string' ? id : undefined
  }
}
