import { type HttpMethod, isSecretHeader, type Logger } from '@heliokit/core'
import { HTTPError } from 'ky'
import { apiFetch, heldBody } from './api-fetch.ts'
import type { Deadline } from './deadline.ts'
import { abortSignalOf } from './deadline.ts'
import { kyFailure } from './ky-failure.ts'
import { kyRetry, type RetryCall } from './ky-retry.ts'
import type { RequestContext } from './request-context.ts'
import { runAuthorize } from './run-authorize.ts'
import { transferFailure } from './transfer-failure.ts'
import type { TransportDefaults } from './transport-defaults.ts'

// As fetch's text() decodes: UTF-8, a leading BOM dropped, malformed bytes replaced.
const utf8 = new TextDecoder()

export interface KyCall {
  readonly url: URL
  readonly method: HttpMethod
  readonly headers: Headers
  readonly body: string | undefined
  readonly ctx: RequestContext
  readonly deadline: Deadline
  readonly callerSignal: AbortSignal | undefined
  readonly retry: Pick<RetryCall, 'policy' | 'limit' | 'idempotent'>
  /** The API client's own authorize, run after the transport's. */
  readonly authorize: ((headers: Headers) => void | Promise<void>) | undefined
  readonly logger: Logger
}

/** One API call through ky, its 2xx body as text; every failure a HeliokitError. */
export async function kyCall(
  defaults: TransportDefaults,
  call: KyCall,
): Promise<{ status: number; headers: Headers; data: string }> {
  const { url, method, ctx, deadline, callerSignal, logger } = call
  try {
    const response = await defaults.ky(url, {
      method,
      headers: call.headers,
      body: call.body,
      signal: abortSignalOf(deadline.signal),
      fetch: apiFetch(defaults.fetch, ctx),
      retry: kyRetry({ ...call.retry, ctx, deadline, callerSignal }),
      hooks: {
        beforeRequest: [
          // Before each attempt, so a refreshed token is sent on a retry.
          async (sent) => {
            const { authorize } = defaults
            await runAuthorize(authorize && (() => authorize(sent.headers, url)), ctx.provider)
            await runAuthorize(call.authorize && (() => call.authorize?.(sent.headers)), ctx.provider)
            for (const [name, value] of sent.headers) if (isSecretHeader(name)) ctx.secrets.push(value)
          },
          ...defaults.hooks.beforeRequest,
        ],
        beforeRetry: [
          ({ error, retryCount }) => {
            logger.debug('retrying HTTP request', {
              method,
              url: ctx.url,
              attempt: retryCount,
              reason:
                error instanceof HTTPError
                  ? error.response.status
                  : transferFailure(ctx, error, callerSignal, deadline).code,
            })
          },
        ],
        afterResponse: [...defaults.hooks.afterResponse],
      },
    })
    const bytes = heldBody(response)
    const data = bytes ? utf8.decode(bytes) : await response.text()
    return { status: response.status, headers: response.headers, data }
  } catch (error) {
    throw await kyFailure(error, ctx, callerSignal, deadline)
  }
}
