import { type HttpMethod, InvalidInputError, type RetryPolicy } from '@heliokit/core'
import type { SignalLike } from './deadline.ts'

export interface ResolvedRetry {
  readonly limit: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
}

export const defaultRetry: ResolvedRetry = { limit: 2, baseDelayMs: 300, maxDelayMs: 30_000 }

/** `policy` over `fallback`, checked: non-negative integer limit, non-negative delays. */
export function resolveRetry(policy: RetryPolicy | undefined, fallback: ResolvedRetry): ResolvedRetry {
  const out = { ...fallback, ...definedOnly(policy) }
  if (!Number.isInteger(out.limit) || out.limit < 0) {
    throw new InvalidInputError(`retry.limit must be a non-negative integer, got ${out.limit}`)
  }
  for (const key of ['baseDelayMs', 'maxDelayMs'] as const) {
    if (!(out[key] >= 0)) throw new InvalidInputError(`retry.${key} must be >= 0, got ${out[key]}`)
  }
  return out
}

function definedOnly(policy: RetryPolicy | undefined): Partial<ResolvedRetry> {
  return Object.fromEntries(Object.entries(policy ?? {}).filter(([, v]) => v !== undefined))
}

const idempotentMethods: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD', 'PUT', 'DELETE'])

/** Retries allowed for a request: none for POST/PATCH unless the caller vouches they are idempotent. */
export function retriesFor(method: HttpMethod, limit: number, idempotent: boolean | undefined): number {
  return idempotentMethods.has(method) || idempotent === true ? limit : 0
}

/**
 * Wait before retry number `attempt` (1-based): `baseDelayMs * 2^(attempt-1)` with equal jitter (half
 * fixed, half random), capped by `maxDelayMs`.
 */
export function backoffDelay(
  attempt: number,
  policy: ResolvedRetry,
  random: () => number = Math.random,
): number {
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return full / 2 + random() * (full / 2)
}

/** Milliseconds a `Retry-After` header asks for (delta-seconds or HTTP-date), or undefined. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const date = Date.parse(text)
  if (Number.isNaN(date) || !/[a-z]/i.test(text)) return undefined
  return Math.max(0, date - now)
}

/**
 * Milliseconds until a rate limit resets, from the headers APIs send besides (or instead of)
 * Retry-After: `RateLimit: ..., reset=N` and `RateLimit-Reset: N` (IETF drafts, seconds from now) and
 * `X-RateLimit-Reset` (GitHub and others, often the Unix time of the reset). Undefined when none is usable.
 */
export function parseRateLimitReset(
  headers: { get(name: string): string | null },
  now: number = Date.now(),
): number | undefined {
  const structured = /(?:^|[,;\s])reset=(\d+)/i.exec(headers.get('ratelimit') ?? '')?.[1]
  const text = (structured ?? headers.get('ratelimit-reset') ?? headers.get('x-ratelimit-reset'))?.trim()
  if (text === undefined || !/^\d+$/.test(text)) return undefined
  const seconds = Number(text)
  // A value this large is a point in time (seconds since 1970), not a wait.
  if (seconds > 1_000_000_000) return Math.max(0, seconds * 1000 - now)
  return seconds * 1000
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it fires. */
export function sleep(ms: number, signal: SignalLike | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
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
