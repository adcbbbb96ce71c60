import {
  AbortedError,
  abortError,
  BadResponseError,
  type HeliokitError,
  InternalError,
  isHeliokitError,
  NetworkError,
  redactText,
} from '@heliokit/core'
import type { Deadline } from './deadline.ts'
import type { RequestContext } from './request-context.ts'

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
