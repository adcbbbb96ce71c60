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
import { type ResolvedRetry, resolveRetry } from '@heliokit/core/transport-kit'
import type { z } from 'zod'
import { startDeadline } from './deadline.ts'
import { exchange } from './exchange.ts'
import type { Send } from './follow-redirects.ts'
import { runAuthorize, secretHeaderValues, toHeaders } from './headers.ts'
import { joinUrl, parseBase } from './join-url.ts'
import { appendParams, withQuery } from './query.ts'
import { RequestContext } from './request-context.ts'
import { retriesFor } from './retry.ts'
import { checkTimeout } from './timeout.ts'

/** What an API client inherits from its transport. */
export interface ClientDefaults {
  readonly send: Send<Response>
  /** How byte reads are sent: through undici's dispatch in Node unless a fetch was injected or hooks are set. */
  readonly bytesSend: Send
  readonly timeout: number
  readonly retry: ResolvedRetry
  readonly secrets: readonly string[]
  readonly logger: Logger
  readonly authorize: ((headers: Headers, url: URL) => void | Promise<void>) | undefined
}

interface TextCall extends ApiResponse<string> {
  readonly ctx: RequestContext
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

  // One path for every call; `accept` is the default Accept header (JSON calls ask for JSON).
  const call = async (request: ApiRequest, accept: string): Promise<TextCall> => {
    const method = (request.method ?? 'GET').toUpperCase() as HttpMethod
    if (!methods.has(method)) throw new InvalidInputError(`unsupported HTTP method ${method}`, { provider })
    const url = withQuery(joinUrl(baseUrl, request.path), request.query)
    const body = requestBody(method, request, provider)
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
      return await exchange({
        send: defaults.send,
        method,
        url,
        ctx,
        headers: async () => {
          const headers = new Headers(clientHeaders)
          for (const [name, value] of fixedHeaders) headers.set(name, value)
          if (!headers.has('accept')) headers.set('accept', accept)
          if (body !== undefined && !headers.has('content-type')) headers.set('content-type', body.type)
          await runAuthorize(defaults.authorize && (() => defaults.authorize?.(headers, url)), provider)
          await runAuthorize(options.authorize && (() => options.authorize?.(headers)), provider)
          return headers
        },
        body: body?.text,
        retries: retriesFor(method, limit, request.idempotent),
        policy: retry,
        callerSignal: request.signal,
        deadline,
        logger,
        read: async (response) => ({
          status: response.status,
          headers: response.headers,
          data: await response.text(),
          ctx,
        }),
      })
    } finally {
      deadline.clear()
    }
  }

  const send = async <S extends z.ZodType>(
    request: ApiRequest,
    schema: S,
  ): Promise<ApiResponse<z.output<S>>> => {
    const { status, headers, data: text, ctx } = await call(request, 'application/json')
    let json: unknown
    if (text !== '') {
      try {
        json = JSON.parse(text)
      } catch {
        const type = headers.get('content-type')?.split(';')[0] ?? 'no content type'
        throw new BadResponseError(`${ctx.method} ${ctx.path} -> ${status}: expected JSON, got ${type}`, {
          provider,
          url: ctx.url,
          status,
        })
      }
    }
    return { data: parseResponse(schema, json, { provider, url: ctx.url, status }), status, headers }
  }

  return {
    baseUrl,
    send,
    request: async (request, schema) => (await send(request, schema)).data,
    text: async (request) => {
      const { status, headers, data } = await call(request, '*/*')
      return { status, headers, data }
    },
  }
}

interface RequestBody {
  readonly text: string
  readonly type: string
}

function requestBody(
  method: HttpMethod,
  request: ApiRequest,
  provider: string | undefined,
): RequestBody | undefined {
  const { json, form } = request
  if (json === undefined && form === undefined) return undefined
  if (method === 'GET' || method === 'HEAD') {
    throw new InvalidInputError(`${method} requests cannot carry a body`, { provider })
  }
  if (json !== undefined && form !== undefined) {
    throw new InvalidInputError('a request carries either a JSON or a form body, not both', { provider })
  }
  if (form !== undefined) {
    const params = new URLSearchParams()
    appendParams(params, form)
    return { text: params.toString(), type: 'application/x-www-form-urlencoded' }
  }
  try {
    return { text: JSON.stringify(json), type: 'application/json' }
  } catch {
    throw new InvalidInputError('request body cannot be serialised as JSON', { provider })
  }
}
