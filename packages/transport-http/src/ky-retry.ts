import type { HttpMethod } from '@heliokit/core'
import { type ResolvedRetry, retryDelay } from '@heliokit/core/transport-kit'
import { HTTPError, type RetryOptions } from 'ky'
import type { Deadline } from './deadline.ts'
import type { RequestContext } from './request-context.ts'
import { retryAfterMs } from './retry-after.ts'
import { transferFailure } from './transfer-failure.ts'

// The statuses core's errorForStatus marks retryable; a Retry-After is honoured on any of them.
const RETRIED_STATUSES = [408, 429, 500, 502, 503, 504]
const IDEMPOTENT: HttpMethod[] = ['GET', 'HEAD', 'PUT', 'DELETE']
const ANY: HttpMethod[] = [...IDEMPOTENT, 'POST', 'PATCH']

export interface RetryCall {
  readonly policy: ResolvedRetry
  /** Retries after the first attempt. */
  readonly limit: number
  /** The caller vouches that a POST or PATCH may be repeated. */
  readonly idempotent: boolean | undefined
  readonly ctx: RequestContext
  readonly deadline: Deadline
  readonly callerSignal: AbortSignal | undefined
}

/**
 * ky's retry options for one API call: the shared backoff, Retry-After capped by `maxDelayMs`, POST and
 * PATCH only when idempotent, and no retry that cannot start before the deadline or cannot succeed.
 */
export function kyRetry(call: RetryCall): RetryOptions {
  const { policy, ctx, deadline, callerSignal } = call
  // ky waits for Retry-After and RateLimit-Reset itself; other waits a response asks for reach delay().
  let asked: number | undefined
  return {
    limit: call.limit,
    methods: (call.idempotent ? ANY : IDEMPOTENT).map((m) => m.toLowerCase()),
    statusCodes: RETRIED_STATUSES,
    afterStatusCodes: RETRIED_STATUSES,
    maxRetryAfter: policy.maxDelayMs,
    backoffLimit: policy.maxDelayMs,
    delay: (attempt) => retryDelay(policy, attempt, asked),
    shouldRetry: ({ error, retryCount }) => {
      if (deadline.signal.aborted) return false
      asked = error instanceof HTTPError ? retryAfterMs(error.response) : undefined
      const shortest = Math.min(
        policy.maxDelayMs,
        asked ?? retryDelay(policy, retryCount, undefined, () => 0),
      )
      // Waiting past the deadline would only turn this failure into a timeout.
      if (shortest >= deadline.remaining()) return false
      if (!(error instanceof HTTPError)) {
        return transferFailure(ctx, error, callerSignal, deadline).retryable ? undefined : false
      }
      // ky retries these now: the response's body is dropped before the wait, not left to the abort.
      if (RETRIED_STATUSES.includes(error.response.status)) void error.response.body?.cancel().catch(() => {})
      return undefined
    },
  }
}
