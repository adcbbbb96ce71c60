import { abortError, anySignal, BadResponseError, TimeoutError, throwIfAborted } from '@heliokit/core'
import { sleep } from '@heliokit/core/transport-kit'
import { z } from 'zod'
import type { AuroraxConnection } from './connection.ts'
import { invalid } from './input-error.ts'
import { parseRecords, type RecordParser } from './parse-records.ts'
import { PROVIDER_ID } from './provider-id.ts'
import { requestUrlOf } from './request-url.ts'
import { searchStatusSchema } from './schemas.ts'
import { AuroraxSearchError, type AuroraxSearchLog } from './search-error.ts'
import { fetchResult } from './search-result.ts'
import { type AuroraxSearchStatus, toStatus } from './search-status.ts'

export type AuroraxSearchKind = 'ephemeris' | 'data_products' | 'conjunctions'

/** What a search run reports, in order: the story of one search. */
export type AuroraxSearchEvent =
  | { readonly stage: 'submitted'; readonly requestId: string; readonly requestUrl: string }
  | { readonly stage: 'waiting'; readonly polls: number; readonly elapsedMs: number }
  | { readonly stage: 'available'; readonly resultCount: number | null; readonly fileSize: number | null }
  | { readonly stage: 'retrieved'; readonly records: number; readonly bytes: number }

export interface AuroraxCallOptions {
  readonly signal?: AbortSignal
}

export interface AuroraxWaitOptions extends AuroraxCallOptions {
  /** Overall ms to wait for the result; the server request is cancelled when it passes. Default 600 000. */
  readonly timeout?: number
  /** First wait between polls in ms (later ones back off 1.5x up to 10 s). Default: the provider's. */
  readonly pollInterval?: number
  readonly onProgress?: (event: AuroraxSearchEvent) => void
}

export interface AuroraxSearchResult<T> {
  readonly requestId: string
  readonly requestUrl: string
  readonly status: AuroraxSearchStatus
  readonly records: T[]
}

const DEFAULT_WAIT_MS = 600_000
const MAX_POLL_MS = 10_000

/**
 * One asynchronous search. Drive it step by step (`submit`, `status`, `wait`, `data`, `cancel`) or
 * all at once with `run`. Aborting a wait or run cancels the request on the server too.
 */
export class AuroraxSearch<T> {
  readonly kind: AuroraxSearchKind
  /** The wire body sent (or to be sent). */
  readonly query: Readonly<Record<string, unknown>> | undefined
  #requestUrl: string | undefined
  #status: AuroraxSearchStatus | undefined
  readonly #conn: AuroraxConnection
  readonly #records: RecordParser<T>

  constructor(
    conn: AuroraxConnection,
    kind: AuroraxSearchKind,
    records: RecordParser<T>,
    from: { query: Record<string, unknown> } | { requestUrl: string },
  ) {
    this.#conn = conn
    this.kind = kind
    this.#records = records
    this.query = 'query' in from ? from.query : undefined
    this.#requestUrl = 'requestUrl' in from ? from.requestUrl : undefined
  }

  /** The absolute status URL from the `Location` header; undefined before `submit`. */
  get requestUrl(): string | undefined {
    return this.#requestUrl
  }

  /** The last segment of the request URL. */
  get requestId(): string | undefined {
    return this.#requestUrl?.replace(/\/+$/, '').split('/').at(-1)
  }

  /** The status seen by the last `status`/`wait` call. */
  get lastStatus(): AuroraxSearchStatus | undefined {
    return this.#status
  }

  /** The server's log lines as of the last status. */
  get logs(): readonly AuroraxSearchLog[] {
    return this.#status?.logs ?? []
  }

  /** Sends the search (once); the API answers 202 with the request URL in `Location`. */
  async submit(options: AuroraxCallOptions = {}): Promise<this> {
    // A search attached by request id (the only kind without a query) is already submitted.
    if (this.#requestUrl || !this.query) return this
    throwIfAborted(options.signal, PROVIDER_ID)
    const path = `${this.kind}/search`
    const res = await this.#conn.api.send(
      { method: 'POST', path, json: this.query, signal: options.signal },
      z.unknown(),
    )
    const location = res.headers.get('location')
    if (res.status !== 202 || !location) {
      throw new BadResponseError(
        `POST /api/v1/${path} -> ${res.status}: expected 202 with a Location header${location ? '' : ' (none sent)'}`,
        { provider: PROVIDER_ID, status: res.status },
      )
    }
    this.#requestUrl = requestUrlOf(location, this.#conn.api.baseUrl, res.status)
    return this
  }

  /** Fetches the request's status and logs. */
  async status(options: AuroraxCallOptions = {}): Promise<AuroraxSearchStatus> {
    const url = this.#submitted()
    const { client, path } = this.#conn.at(url)
    const raw = await client.request({ path, signal: options.signal }, searchStatusSchema)
    this.#status = toStatus(raw)
    return this.#status
  }

  /** Polls until the result is available; a failed search is an AuroraxSearchError. */
  async wait(options: AuroraxWaitOptions = {}): Promise<AuroraxSearchStatus> {
    this.#submitted()
    const timeout = options.timeout ?? DEFAULT_WAIT_MS
    const expiry = AbortSignal.timeout(timeout)
    const signal = anySignal(options.signal, expiry)!
    const began = Date.now()
    let delay = options.pollInterval ?? this.#conn.pollInterval
    try {
      for (let polls = 1; ; polls++) {
        const status = await this.status({ signal })
        if (status.done) {
          if (status.failed) throw new AuroraxSearchError(status.requestId, status.logs, this.#requestUrl!)
          options.onProgress?.({
            stage: 'available',
            resultCount: status.resultCount,
            fileSize: status.fileSize,
          })
          return status
        }
        options.onProgress?.({ stage: 'waiting', polls, elapsedMs: Date.now() - began })
        await sleep(delay, signal)
        delay = Math.min(delay * 1.5, Math.max(MAX_POLL_MS, options.pollInterval ?? 0))
      }
    } catch (error) {
      if (!signal.aborted) throw error
      await this.#cancelQuietly()
      if (options.signal?.aborted) throw abortError(options.signal, PROVIDER_ID)
      throw new TimeoutError(`search ${this.requestId} not done after ${timeout} ms; request cancelled`, {
        provider: PROVIDER_ID,
        retryable: true,
      })
    }
  }

  /** Fetches and validates the result records. An expired result is NOT_FOUND: run the search again. */
  async data(options: AuroraxCallOptions = {}): Promise<T[]> {
    return (await this.#fetchData(options)).records
  }

  /** The result shaped by a `response_format` (fields marked true are kept), as plain objects. */
  async rawData(
    responseFormat: Readonly<Record<string, unknown>>,
    options: AuroraxCallOptions = {},
  ): Promise<Record<string, unknown>[]> {
    const { result } = await fetchResult(this.#conn, this.#submitted(), responseFormat, options.signal)
    return result as Record<string, unknown>[]
  }

  /** Asks the server to stop the search. */
  async cancel(options: AuroraxCallOptions = {}): Promise<void> {
    const { client, path } = this.#conn.at(this.#submitted())
    await client.send({ method: 'DELETE', path, signal: options.signal }, z.unknown())
  }

  /** Submits, waits and fetches, telling the story through `onProgress`. */
  async run(options: AuroraxWaitOptions = {}): Promise<AuroraxSearchResult<T>> {
    const fresh = !this.#requestUrl
    await this.submit(options)
    if (fresh)
      options.onProgress?.({ stage: 'submitted', requestId: this.requestId!, requestUrl: this.#requestUrl! })
    const status = await this.wait(options)
    try {
      const { records, bytes } = await this.#fetchData(options)
      options.onProgress?.({ stage: 'retrieved', records: records.length, bytes })
      return { requestId: this.requestId!, requestUrl: this.#requestUrl!, status, records }
    } catch (error) {
      if (options.signal?.aborted) throw abortError(options.signal, PROVIDER_ID)
      throw error
    }
  }

  #submitted(): string {
    if (!this.#requestUrl) throw invalid('search', 'has not been submitted yet: call submit() first')
    return this.#requestUrl
  }

  async #cancelQuietly(): Promise<void> {
    try {
      await this.cancel({ signal: AbortSignal.timeout(5000) })
    } catch {
      // best effort: the caller's abort or timeout is what they see
    }
  }

  async #fetchData(options: AuroraxCallOptions): Promise<{ records: T[]; bytes: number }> {
    const { result, text, bytes, url } = await fetchResult(
      this.#conn,
      this.#submitted(),
      undefined,
      options.signal,
    )
    return { records: parseRecords(this.#records, result, text, url), bytes }
  }
}
