import type { HeliokitError } from '@heliokit/core'
import type { SignalLike } from '@heliokit/core/transport-kit'

/** A timer that aborts `signal` (with the error from `onTimeout` as its reason) unless cleared first. */
export interface Deadline {
  /** Fires on the caller's abort or on timeout, until cleared. */
  readonly signal: SignalLike
  readonly timedOut: () => boolean
  /** Milliseconds left before the timeout fires. */
  readonly remaining: () => number
  /** Stops the timer, e.g. once response headers arrived and the body is the caller's to read. */
  readonly clear: () => void
}

// Hand-fired, not an AbortController: byte reads make one per request.
class FiredSignal implements SignalLike {
  aborted = false
  reason: unknown
  #listeners: (() => void)[] = []

  addEventListener(_type: 'abort', listener: () => void): void {
    if (!this.aborted) this.#listeners.push(listener)
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const at = this.#listeners.indexOf(listener)
    if (at >= 0) this.#listeners.splice(at, 1)
  }

  fire(reason: unknown): void {
    if (this.aborted) return
    this.aborted = true
    this.reason = reason
    const listeners = this.#listeners
    this.#listeners = []
    for (const listener of listeners) listener()
  }
}

export function startDeadline(
  ms: number,
  callerSignal: AbortSignal | undefined,
  onTimeout: () => HeliokitError,
): Deadline {
  const signal = new FiredSignal()
  const endsAt = Date.now() + ms
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    signal.fire(onTimeout())
  }, ms)
  // A listener removed by clear(), not AbortSignal.any: cheaper per request in Node 20.
  const onCallerAbort = (): void => signal.fire(callerSignal?.reason)
  if (callerSignal?.aborted) onCallerAbort()
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true })
  return {
    signal,
    timedOut: () => timedOut,
    remaining: () => endsAt - Date.now(),
    clear: () => {
      clearTimeout(timer)
      callerSignal?.removeEventListener('abort', onCallerAbort)
    },
  }
}

/** A deadline's signal as an AbortSignal, for fetch. */
export function abortSignalOf(signal: SignalLike): AbortSignal {
  const controller = new AbortController()
  if (signal.aborted) controller.abort(signal.reason)
  else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true })
  return controller.signal
}
