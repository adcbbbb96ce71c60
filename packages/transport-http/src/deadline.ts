import { anySignal, type HeliokitError } from '@heliokit/core'

/** A timer that aborts `signal` (with the error from `onTimeout` as its reason) unless cleared first. */
export interface Deadline {
  /** Fires on the caller's abort or on timeout. */
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
  const timer = setTimeout(() => controller.abort(onTimeout()), ms)
  return {
    signal: anySignal(callerSignal, controller.signal) as AbortSignal,
    timedOut: () => controller.signal.aborted,
    remaining: () => endsAt - Date.now(),
    clear: () => clearTimeout(timer),
  }
}
