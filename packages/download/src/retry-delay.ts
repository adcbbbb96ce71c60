import { abortError, ErrorCode, type HeliokitError, type RetryPolicy } from '@heliokit/core'

export interface ResolvedRetry {
  readonly limit: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
}

export function resolveRetry(policy: RetryPolicy = {}): ResolvedRetry {
  return {
    limit: policy.limit ?? 3,
    baseDelayMs: policy.baseDelayMs ?? 250,
    maxDelayMs: policy.maxDelayMs ?? 30_000,
  }
}

/** Network, timeout, integrity failures and errors their source marked retryable are worth another try. */
export function shouldRetry(error: HeliokitError): boolean {
  if (error.code === ErrorCode.ABORTED) return false
  return (
    error.retryable ||
    error.code === ErrorCode.NETWORK ||
    error.code === ErrorCode.TIMEOUT ||
    error.code === ErrorCode.INTEGRITY
  )
}

/** Exponential backoff with full jitter over the upper half; a server's Retry-After wins when longer. */
export function retryDelay(retry: ResolvedRetry, attempt: number, error: HeliokitError): number {
  const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1))
  const jittered = backoff / 2 + Math.random() * (backoff / 2)
  return Math.min(retry.maxDelayMs, Math.max(jittered, error.retryAfterMs ?? 0))
}

/** Waits `ms`, rejecting with the abort error as soon as the signal fires. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortError(signal))
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(abortError(signal))
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
