import {
  AbortedError,
  abortError,
  BadResponseError,
  errorForStatus,
  type HeliokitError,
  InternalError,
  isHeliokitError,
  NetworkError,
  redactText,
} from '@heliokit/core'
import type { Deadline } from './deadline.ts'
import type { SentResponse } from './follow-redirects.ts'
import type { RequestContext } from './request-context.ts'
import { parseRateLimitReset, parseRetryAfter } from './retry.ts'

// Enough for any JSON error document; an HTML error page is read this far and then dropped.
const MAX_ERROR_BODY = 16_384

/**
 * The typed error for a non-2xx response: `GET /api/v1/datasets -> 400: <detail>`, where the detail
 * comes only from a JSON body's `detail`/`error_message`/`message`/`error` field (or a bare list of
 * `{ message }`), never from HTML.
 */
export async function statusError(ctx: RequestContext, response: SentResponse): Promise<HeliokitError> {
  const detail = await errorDetail(response)
  const shown = detail ? `: ${redactText(detail, ctx.secrets)}` : ''
  return errorForStatus(response.status, `${ctx.method} ${ctx.path} -> ${response.status}${shown}`, {
    provider: ctx.provider,
    url: ctx.url,
    retryAfterMs:
      parseRetryAfter(response.headers.get('retry-after')) ??
      (response.status === 429 ? parseRateLimitReset(response.headers) : undefined),
  })
}

async function errorDetail(response: SentResponse): Promise<string | undefined> {
  const text = await readPrefix(response, MAX_ERROR_BODY)
  if (!/^[{[]/.test(text.trimStart())) return undefined
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return undefined
  }
  // Some APIs answer a validation failure with a bare list of `{ message }` (AuroraX uploads).
  const fields = (Array.isArray(body) ? { detail: body } : body) as Record<string, unknown>
  for (const key of ['detail', 'error_message', 'message', 'error']) {
    const found = describe(fields[key])
    if (found) return found.replace(/\s+/g, ' ').trim().slice(0, 300)
  }
  return undefined
}

// FastAPI validation errors are `detail: [{ loc, msg }]`; some APIs nest `error: { message }`.
function describe(value: unknown): string | undefined {
  if (typeof value === 'string') return value || undefined
  if (Array.isArray(value)) {
    const parts = value.map((v) => describe((v as { msg?: unknown })?.msg) ?? describe(v)).filter(Boolean)
    return parts.length ? parts.join('; ') : undefined
  }
  if (typeof value === 'object' && value !== null) return describe((value as { message?: unknown }).message)
  return undefined
}

async function readPrefix(response: SentResponse, limit: number): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  try {
    while (text.length < limit) {
      const { done, value } = await reader.read()
      if (done) break
      text += decoder.decode(value, { stream: true })
    }
  } catch {
    // a broken error body still leaves the status to report
  } finally {
    reader.cancel().catch(() => {})
  }
  return text.slice(0, limit)
}

/**
 * The typed error for a request that got no (complete) answer: ABORTED when the caller aborted,
 * TIMEOUT when the deadline fired, NETWORK (retryable) for connection failures.
 */
export function transferFailure(
  ctx: RequestContext,
  error: unknown,
  callerSignal: AbortSignal | undefined,
  deadline: Deadline | undefined,
): HeliokitError {
  if (callerSignal?.aborted) {
    const aborted = abortError(callerSignal, ctx.provider)
    return aborted.code === 'ABORTED'
      ? new AbortedError(`${ctx.method} ${ctx.path} aborted`, { provider: ctx.provider, url: ctx.url })
      : aborted
  }
  if (deadline?.timedOut()) return deadline.signal.reason as HeliokitError
  if (isHeliokitError(error)) return error
  const cause = sanitizedCause(error, ctx)
  if (malformed(error)) {
    return new BadResponseError(`${ctx.method} ${ctx.url}: the response is not valid HTTP/1.1`, {
      provider: ctx.provider,
      url: ctx.url,
      cause,
    })
  }
  if (networkError(error)) {
    const reason = cause.message
      .split(' <- ')
      .at(-1)
      ?.replace(/^\w+: /, '')
    return new NetworkError(`${ctx.method} ${ctx.url} failed: ${reason}`, {
      provider: ctx.provider,
      url: ctx.url,
      retryable: true,
      cause,
    })
  }
  return new InternalError(`${ctx.method} ${ctx.url} failed unexpectedly`, {
    provider: ctx.provider,
    url: ctx.url,
    cause,
  })
}

// llhttp's parse errors, and undici's assertion on a status below 100, directly or as fetch's cause.
function malformed(error: unknown): boolean {
  for (
    let e = error as { name?: unknown; code?: unknown; cause?: unknown } | null, depth = 0;
    e && depth < 3;
    depth++
  ) {
    if (e.name === 'HTTPParserError' || e.code === 'ERR_ASSERTION') return true
    e = e.cause as typeof e
  }
  return false
}

// fetch's TypeError, an abort, a system error (ECONNRESET, a TLS failure) or undici's own (UND_ERR_SOCKET).
function networkError(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown } | null
  if (error instanceof TypeError || e?.name === 'AbortError') return true
  return typeof e?.code === 'string' && e.code !== 'UND_ERR_INVALID_ARG' && e.code !== 'UND_ERR_NOT_SUPPORTED'
}

/**
 * A plain Error summarising a foreign error and its causes (names, codes, messages) with the URL
 * redacted and secrets masked. The foreign object is not kept: ky's and undici's errors can hold the
 * request, its headers and the full URL.
 */
export function sanitizedCause(error: unknown, ctx: RequestContext): Error {
  const parts: string[] = []
  let current: unknown = error
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    const e = current as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown }
    const code = typeof e.code === 'string' ? ` (${e.code})` : ''
    const message = typeof e.message === 'string' ? e.message : String(current)
    parts.push(`${typeof e.name === 'string' ? e.name : 'Error'}: ${message}${code}`)
    current = typeof current === 'object' ? e.cause : undefined
  }
  const text = redactText(parts.join(' <- ').split(ctx.rawUrl).join(ctx.url), ctx.secrets)
  return new Error(text.slice(0, 500))
}
