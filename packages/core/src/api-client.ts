import type { z } from 'zod'
import type { Logger } from './logger.ts'
import type { Transport } from './transport.ts'

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** A query value; `undefined` and `null` are left out, booleans become `true`/`false`, Dates ISO strings. */
export type QueryValue =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | readonly (string | number | boolean)[]

export interface ApiRequest {
  readonly method?: HttpMethod
  /** Path relative to the client's base URL; joined without doubling or dropping slashes. */
  readonly path: string
  readonly query?: Readonly<Record<string, QueryValue>>
  /** Sent as a JSON body. */
  readonly json?: unknown
  /** Sent as an `application/x-www-form-urlencoded` body (encoded like `query`); not with `json`. */
  readonly form?: Readonly<Record<string, QueryValue>>
  readonly headers?: Readonly<Record<string, string>>
  /** Milliseconds for this call, retries included; default from the client. */
  readonly timeout?: number
  /** Retries for this call; POST and PATCH are retried only when `idempotent` is true. */
  readonly retry?: number
  readonly idempotent?: boolean
  readonly signal?: AbortSignal
}

export interface ApiResponse<T> {
  readonly data: T
  readonly status: number
  readonly headers: Headers
}

/** An API client bound to one base URL; every failure is a HeliokitError. */
export interface ApiClient {
  readonly baseUrl: URL
  /** Sends a request and validates the JSON body with `schema`; a mismatch is BAD_RESPONSE naming the field. */
  request<S extends z.ZodType>(request: ApiRequest, schema: S): Promise<z.output<S>>
  /** Like `request`, also returning status and headers. */
  send<S extends z.ZodType>(request: ApiRequest, schema: S): Promise<ApiResponse<z.output<S>>>
  /** Sends a request and returns the body as text (XML, plain text), with status and headers; accepts any type unless `headers.accept` says otherwise. */
  text(request: ApiRequest): Promise<ApiResponse<string>>
}

export interface RetryPolicy {
  /** Attempts after the first one. Default 2. */
  readonly limit?: number
  /** First backoff in ms, doubled per attempt with jitter. Default 300. */
  readonly baseDelayMs?: number
  /** Upper bound for one wait, Retry-After included. Default 30 000. */
  readonly maxDelayMs?: number
}

export interface ApiClientOptions {
  readonly baseUrl: string | URL
  /** Provider id, for error messages. */
  readonly provider?: string
  /** Headers sent with every request of this client only. */
  readonly headers?: Readonly<Record<string, string>>
  /** Default per-call timeout in ms. Default 30 000. */
  readonly timeout?: number
  readonly retry?: RetryPolicy
  /** Values to mask wherever they could appear in an error (API keys). */
  readonly secrets?: readonly string[]
  /** Called before each attempt to add auth headers; may be async (token refresh). */
  readonly authorize?: (headers: Headers) => void | Promise<void>
  readonly logger?: Logger
}

/** A transport that can also make JSON API clients (the HTTP transport). */
export interface ApiTransport extends Transport {
  api(options: ApiClientOptions): ApiClient
}

export function isApiTransport(transport: Transport): transport is ApiTransport {
  return typeof (transport as Partial<ApiTransport>).api === 'function'
}
