import {
  type ApiClient,
  type ApiClientOptions,
  type ApiRequest,
  type ApiResponse,
  BadResponseError,
  type HttpMethod,
  InvalidInputError,
  type Logger,
  parseResponse,
  TimeoutError,
} from '@heliokit/core'
import type { z } from 'zod'
import { startDeadline } from './deadline.ts'
import { exchange } from './exchange.ts'
import type { Send } from './follow-redirects.ts'
import { runAuthorize, secretHeaderValues, toHeaders } from './headers.ts'
import { joinUrl, parseBase } from './join-url.ts'
import { withQuery } from './query.ts'
import { RequestContext } from './request-context.ts'
import { type ResolvedRetry, resolveRetry, retriesFor } from './retry.ts'
import { checkTimeout } from './timeout.ts'

/** What an API client inherits from its transport. */
export interface ClientDefaults {
  readonly send: Send<Response>
  /** How byte reads are sent: over the HTTP/1.1 client in Node unless a fetch was injected. */
  readonly bytesSend: Send
  readonly timeout: number
  readonly retry: ResolvedRetry
  readonly secrets: readonly string[]
  readonly logger: Logger
  readonly authorize: ((headers: Headers, url: URL) => void | Promise<void>) | undefined
}

const methods: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'])

export function createApiClient(defaults: ClientDefaults, options: ApiClientOptions): ApiClient {
  const baseUrl = parseBase(options.baseUrl)
  const provider = options.provider
  // Copied into each attempt's own Headers: no two clients or requests share a headers object, and
  // redirects can drop credentials per hop.
  const clientHeaders = toHeaders(options.headers)
  const timeout = checkTimeout(options.timeout ?? defaults.timeout, provider)
  const retry = resolveRetry(options.retry, defaults.retry)
  const secrets = [...defaults.secrets, ...(options.secrets ?? []), ...secretHeaderValues(options.headers)]
  const logger = options.logger ?? defaults.logger

  const send = async <S extends z.ZodType>(
    request: ApiRequest,
    schema: S,
  ): Promise<ApiResponse<z.output<S>>> => {
    const method = (request.method ?? 'GET').toUpperCase() as HttpMethod
    if (!methods.has(method)) throw new InvalidInputError(`unsupported HTTP method ${method}`, { provider })
    const url = withQuery(joinUrl(baseUrl, request.path), request.query)
    const body = jsonBody(method, request.json, provider)
    const ms = checkTimeout(request.timeout ?? timeout, provider)
    const limit = request.retry ?? retry.limit
    if (!Number.isInteger(limit) || limit < 0) {
      throw new InvalidInputError(`retry must be a non-negative integer, got ${limit}`, { provider })
    }
    const ctx = new RequestContext(method, url, provider, [
      ...secrets,
      ...secretHeaderValues(request.headers),
    ])
    const fixedHeaders = toHeaders(request.headers)
    const deadline = startDeadline(
      ms,
      request.signal,
      () =>
        new TimeoutError(`${method} ${ctx.path} timed out after ${ms} ms`, {
          provider,
          url: ctx.url,
          retryable: true,
        }),
    )
    try {
      const { status, headers, text } = await exchange({
        send: defaults.send,
        method,
        url,
        ctx,
        headers: async () => {
          const headers = new Headers(clientHeaders)
          for (const [name, value] of fixedHeaders) headers.set(name, value)
          if (!headers.has('accept')) headers.set('accept', 'application/json')
          if (body !== undefined && !headers.has('content-type'))
            headers.set('content-type', 'application/json')
          await runAuthorize(defaults.authorize && (() => defaults.authorize?.(headers, url)), provider)
          await runAuthorize(options.authorize && (() => options.authorize?.(headers)), provider)
          return headers
        },
        body,
        retries: retriesFor(method, limit, request.idempotent),
        policy: retry,
        callerSignal: request.signal,
        deadline,
        logger,
        read: async (response) => ({
          status: response.status,
          headers: response.headers,
          text: await response.text(),
        }),
      })
      let json: unknown
      if (text !== '') {
        try {
          json = JSON.parse(text)
        } catch {
          const type = headers.get('content-type')?.split(';')[0] ?? 'no content type'
          throw new BadResponseError(`${method} ${ctx.path} -> ${status}: expected JSON, got ${type}`, {
            provider,
            url: ctx.url,
            status,
          })
        }
      }
      return { data: parseResponse(schema, json, { provider, url: ctx.url, status }), status, headers }
    } finally {
      deadline.clear()
    }
  }

  return {
    baseUrl,
    send,
    request: async (request, schema) => (await send(request, schema)).data,
  }
}

function jsonBody(method: HttpMethod, json: unknown, provider: string | undefined): string | undefined {
  if (json === undefined) return undefined
  if (method === 'GET' || method === 'HEAD') {
    throw new InvalidInputError(`${method} requests cannot carry a JSON body`, { provider })
  }
  try {
    return JSON.stringify(json)
  } catch {
    throw new InvalidInputError('request body cannot be serialised as JSON', { provider })
  }
}
