import type { RetryPolicy } from '../api-client.ts'
import { invalidField } from '../errors.ts'

/** A retry policy with every field set and checked. */
export interface ResolvedRetry {
  readonly limit: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
}

/** `policy` over `fallback`: the limit a non-negative integer, the delays non-negative, else INVALID_INPUT. */
export function resolveRetry(policy: RetryPolicy | undefined, fallback: ResolvedRetry): ResolvedRetry {
  const out = {
    limit: policy?.limit ?? fallback.limit,
    baseDelayMs: policy?.baseDelayMs ?? fallback.baseDelayMs,
    maxDelayMs: policy?.maxDelayMs ?? fallback.maxDelayMs,
  }
  if (!Number.isSafeInteger(out.limit) || out.limit < 0) {
    throw invalidField('retry.limit', `must be a non-negative integer, got ${out.limit}`)
  }
  for (const key of ['baseDelayMs', 'maxDelayMs'] as const) {
    if (!(out[key] >= 0)) throw invalidField(`retry.${key}`, `must be >= 0, got ${out[key]}`)
  }
  return out
}

/**
 * Wait before retry number `attempt` (from 1): `baseDelayMs * 2^(attempt-1)` with equal jitter, or the
 * server's `retryAfterMs` when longer, capped by `maxDelayMs`.
 */
export function retryDelay(
  policy: ResolvedRetry,
  attempt: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  const jittered = full / 2 + random() * (full / 2)
  return Math.min(policy.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0))
}

/** What waiting needs of an abort signal; an `AbortSignal` is one. */
export interface SignalLike {
  readonly aborted: boolean
  readonly reason: unknown
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void
  removeEventListener(type: 'abort', listener: () => void): void
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it fires. */
export function sleep(ms: number, signal?: SignalLike): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason)
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
