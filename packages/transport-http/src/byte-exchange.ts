import { InvalidInputError, TimeoutError } from '@heliokit/core'
import { type Deadline, startDeadline } from './deadline.ts'
import { exchange } from './exchange.ts'
import { RequestContext } from './request-context.ts'
import { runAuthorize } from './run-authorize.ts'
import type { SentResponse } from './send.ts'
import type { TransportDefaults } from './transport-defaults.ts'

export interface ByteRequest<T> {
  readonly method: 'GET' | 'HEAD'
  readonly url: URL
  readonly ctx: RequestContext
  readonly deadline: Deadline
  readonly signal: AbortSignal | undefined
  readonly retries: number
  readonly rangeHeader?: string | undefined
  readonly read: (response: SentResponse) => Promise<T>
}

// Fields written out, not spread: one object shape for every call.
export function byteExchange<T>(defaults: TransportDefaults, request: ByteRequest<T>): Promise<T> {
  const { url, rangeHeader } = request
  return exchange({
    send: defaults.bytesSend,
    method: request.method,
    url,
    ctx: request.ctx,
    headers: async () => {
      // Sizes and ranges count stored bytes, so ask for them unencoded.
      const headers = new Headers({ 'accept-encoding': 'identity' })
      if (rangeHeader) headers.set('range', rangeHeader)
      await runAuthorize(
        defaults.authorize && (() => defaults.authorize?.(headers, url)),
        request.ctx.provider,
      )
      return headers
    },
    retries: request.retries,
    policy: defaults.retry,
    callerSignal: request.signal,
    deadline: request.deadline,
    logger: defaults.logger,
    read: request.read,
  })
}

export function byteContext(method: string, url: URL, defaults: TransportDefaults): RequestContext {
  if (!(url instanceof URL) || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InvalidInputError(
      `the HTTP transport serves http: and https: URLs, got ${String(url).split(':')[0]}:`,
    )
  }
  return new RequestContext(method, url, undefined, [...defaults.secrets])
}

export function byteDeadline(
  defaults: TransportDefaults,
  ctx: RequestContext,
  signal: AbortSignal | undefined,
): Deadline {
  const ms = defaults.timeout
  return startDeadline(
    ms,
    signal,
    () =>
      new TimeoutError(`${ctx.method} ${ctx.url} timed out after ${ms} ms`, {
        url: ctx.url,
        retryable: true,
      }),
  )
}
