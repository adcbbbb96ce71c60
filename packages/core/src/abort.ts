import { AbortedError, type HeliokitError, isHeliokitError, TimeoutError } from './errors.ts'

/** Throws ABORTED (or TIMEOUT for `AbortSignal.timeout`) when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined, provider?: string): void {
  if (signal?.aborted) throw abortError(signal, provider)
}

/** The HeliokitError that stands for a fired signal, keeping the signal's reason as the cause. */
export function abortError(signal: AbortSignal, provider?: string): HeliokitError {
  const reason: unknown = signal.reason
  if (isHeliokitError(reason)) return reason
  if (reason instanceof DOMException && reason.name === 'TimeoutError') {
    return new TimeoutError('operation timed out', { provider, cause: reason, retryable: true })
  }
  return new AbortedError('operation aborted', { provider, cause: reason })
}

/** One signal that fires when any of the given ones does. */
export function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined)
  if (present.length <= 1) return present[0]
  return AbortSignal.any(present)
}
