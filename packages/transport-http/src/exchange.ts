import type { HeliokitError, HttpMethod, Logger } from '@heliokit/core'
import { isHeliokitError, isSecretHeader } from '@heliokit/core'
import { type ResolvedRetry, retryDelay, sleep } from '@heliokit/core/transport-kit'
import type { Deadline } from './deadline.ts'
import { followRedirects } from './follow-redirects.ts'
import type { RequestContext } from './request-context.ts'
import type { Send, SentResponse } from './send.ts'
import { statusError } from './status-error.ts'
import { transferFailure } from './transfer-failure.ts'

/** One byte read (GET or HEAD): sent, redirects followed, retried on retryable failures, every failure typed. */
export interface Exchange<T, R extends SentResponse> {
  readonly send: Send<R>
  readonly method: HttpMethod
  readonly url: URL
  readonly ctx: RequestContext
  /** Headers for one attempt, built fresh each time (auth may change between attempts). */
  readonly headers: () => Promise<Headers>
  /** Attempts after the first one; 0 for requests that must not be repeated. */
  readonly retries: number
  readonly policy: ResolvedRetry
  readonly callerSignal: AbortSignal | undefined
  readonly deadline: Deadline
  readonly logger: Logger
  /** Reads what is needed from a 2xx response; a transfer failure while reading is retried too. */
  readonly read: (response: R) => Promise<T>
}

export async function exchange<T, R extends SentResponse>(ex: Exchange<T, R>): Promise<T> {
  const { ctx, deadline, callerSignal } = ex
  for (let attempt = 0; ; attempt++) {
    if (deadline.signal.aborted) throw transferFailure(ctx, undefined, callerSignal, deadline)
    const headers = await ex.headers()
    for (const [name, value] of headers) if (isSecretHeader(name)) ctx.secrets.push(value)
    let failure: HeliokitError
    try {
      const response = await followRedirects(
        ex.send,
        ex.url,
        {
          method: ex.method,
          headers,
          signal: deadline.signal,
        },
        ctx,
      )
      if (response.ok) {
        try {
          return await ex.read(response)
        } catch (error) {
          failure = isHeliokitError(error) ? error : transferFailure(ctx, error, callerSignal, deadline)
        }
      } else {
        failure = await statusError(ctx, response)
      }
    } catch (error) {
      failure = transferFailure(ctx, error, callerSignal, deadline)
    }
    if (!failure.retryable || attempt >= ex.retries || deadline.signal.aborted) throw failure
    const wait = retryDelay(ex.policy, attempt + 1, failure.retryAfterMs)
    // Waiting past the deadline would only turn this error into a timeout.
    if (wait >= deadline.remaining()) throw failure
    ex.logger.debug('retrying HTTP request', {
      method: ex.method,
      url: ctx.url,
      attempt: attempt + 1,
      delayMs: Math.round(wait),
      reason: failure.status ?? failure.code,
    })
    try {
      await sleep(wait, deadline.signal)
    } catch (error) {
      throw transferFailure(ctx, error, callerSignal, deadline)
    }
  }
}
