import {
  type ApiClient,
  isHeliokitError,
  type ProviderContext,
  type QueryValue,
  throwIfAborted,
} from '@heliokit/core'
import { DalQueryError } from './dal-query-error.ts'
import { PROVIDER_ID } from './provider-id.ts'
import { type QueryStatus, queryStatus } from './query-status.ts'
import type { VotableDocument } from './votable/model.ts'
import { parseVotable } from './votable/parse-votable.ts'
import { VotableError } from './votable/votable-error.ts'

export interface ServiceCall {
  readonly url: URL
  readonly params: Readonly<Record<string, QueryValue>>
  /** POST the params as a form (DataLink batches) instead of a GET query. */
  readonly post?: boolean
  readonly signal?: AbortSignal
  /** What is being asked, for messages: `SIA query`, `DataLink`. */
  readonly what: string
}

export interface ServiceAnswer {
  readonly document: VotableDocument
  readonly status: QueryStatus
  readonly url: string
}

/** API clients for full service URLs, from the context's HTTP transport. */
export class ServiceClients {
  constructor(
    private readonly ctx: Pick<ProviderContext, 'api'>,
    private readonly timeout: number | undefined,
  ) {}

  /** The client and path for a full service URL (its own query kept), without adding a trailing slash. */
  forUrl(url: URL): { client: ApiClient; path: string } {
    const base = new URL(url.href.endsWith('/') ? url.href : new URL('.', url).href)
    base.search = url.search
    const path = url.pathname.endsWith('/') ? '' : (url.pathname.split('/').pop() ?? '')
    return { client: this.ctx.api({ baseUrl: base, provider: PROVIDER_ID, timeout: this.timeout }), path }
  }
}

/** Calls a DAL service and parses its VOTable; QUERY_STATUS ERROR becomes an error with the service's message. */
export async function callService(clients: ServiceClients, call: ServiceCall): Promise<ServiceAnswer> {
  throwIfAborted(call.signal, PROVIDER_ID)
  const { client, path } = clients.forUrl(call.url)
  const response = await client.text(
    call.post
      ? { method: 'POST', path, form: call.params, idempotent: true, signal: call.signal }
      : { path, query: call.params, signal: call.signal },
  )
  const url = `${call.url.origin}${call.url.pathname}`
  let document: VotableDocument
  try {
    document = parseVotable(response.data)
  } catch (error) {
    if (!isHeliokitError(error)) throw error
    throw new VotableError(
      `${call.what} at ${url} answered a bad VOTable: ${error.message.replace(/^\[heliokit\] \[vo\] /, '')}`,
      {
        ...(error instanceof VotableError ? { table: error.table, row: error.row } : {}),
        cause: error,
      },
    )
  }
  const status = queryStatus(document)
  if (status.status === 'ERROR') {
    throw new DalQueryError(call.what, status.message, { url, status: response.status })
  }
  return { document, status, url }
}
