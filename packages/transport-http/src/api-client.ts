import {
  type ApiClient,
  type ApiClientOptions,
  type ApiRequest,
  type ApiResponse,
  BadResponseError,
  type HttpMethod,
  InvalidInputError,
  parseResponse,
  TimeoutError,
} from '@heliokit/core'
import { resolveRetry } from '@heliokit/core/transport-kit'
import type { z } from 'zod'
import { checkTimeout } from './check-timeout.ts'
import { startDeadline } from './deadline.ts'
import { secretHeaderValues, toHeaders } from './headers.ts'
import { joinUrl, parseBase } from './join-url.ts'
import { kyCall } from './ky-call.ts'
import { RequestContext } from './request-context.ts'
import type { TransportDefaults } from './transport-defaults.ts'
import { appendParams, withQuery } from './with-query.ts'

interface TextCall extends ApiResponse<string> {
  readonly ctx: RequestContext
}

const methods: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'])

export function createApiClient(defaults: TransportDefaults, options: ApiClientOptions): ApiClient {
  const baseUrl = parseBase(options.baseUrl)
  const provider = options.provider
  // Copied into each call's own Headers: no two clients or requests share a headers object.
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
    const headers = new Headers(clientHeaders)
    for (const [name, value] of toHeaders(request.headers)) headers.set(name, value)
    if (!headers.has('accept')) headers.set('accept', accept)
    if (body !== undefined && !headers.has('content-type')) headers.set('content-type', body.type)
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
      const answer = await kyCall(defaults, {
        url,
        method,
        headers,
        body: body?.text,
        ctx,
        deadline,
        callerSignal: request.signal,
        retry: { policy: retry, limit, idempotent: request.idempotent },
        authorize: options.authorize,
        logger,
      })
      return { ...answer, ctx }
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
