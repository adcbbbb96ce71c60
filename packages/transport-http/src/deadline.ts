import type { HeliokitError } from '@heliokit/core'

/** A timer that aborts `signal` (with the error from `onTimeout` as its reason) unless cleared first. */
export interface Deadline {
  /** Fires on the caller's abort or on timeout, until cleared. */
  readonly signal: AbortSignal
  readonly timedOut: () => boolean
  /** Milliseconds left before the timeout fires. */
  readonly remaining: () => number
  /** Stops the timer, e.g. once response headers arrived and the body is the caller's to read. */
  readonly clear: () => void
}

export function startDeadline(
  ms: number,
  callerSignal: AbortSignal | undefined,
  onTimeout: () => HeliokitError,
): Deadline {
  const controller = new AbortController()
  const endsAt = Date.now() + ms
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort(onTimeout())
  }, ms)
  // Not AbortSignal.any: in Node 20 it costs more CPU and garbage than the rest of a small request.
  const onCallerAbort = (): void => controller.abort(callerSignal?.reason)
  if (callerSignal?.aborted) onCallerAbort()
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true })
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    remaining: () => endsAt - Date.now(),
    clear: () => {
      clearTimeout(timer)
      callerSignal?.removeEventListener('abort', onCallerAbort)
    },
  }
}
