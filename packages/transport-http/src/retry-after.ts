import type { SentResponse } from './send.ts'

/** How long a response asks the client to wait: its `Retry-After`, or for a 429 its rate-limit reset. */
export function retryAfterMs(response: Pick<SentResponse, 'status' | 'headers'>): number | undefined {
  return (
    parseRetryAfter(response.headers.get('retry-after')) ??
    (response.status === 429 ? parseRateLimitReset(response.headers) : undefined)
  )
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
