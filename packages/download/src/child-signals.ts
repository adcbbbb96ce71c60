import { getEventListeners } from 'node:events'

/**
 * The run's stop state, and per-file signals that fire with the run's signal.
 *
 * One listener on `parent` aborts every live child. A listener per file would pass Node's limit of
 * ten per signal (a MaxListenersExceededWarning) as soon as the concurrency is above ten.
 *
 * A child is only ever aborted with the parent, so one that a file left without listeners is as good
 * as new and serves the next file: an AbortController costs about 5 µs in Node 20, and its signal
 * outlives young-generation collections. One that still has listeners (fetch drops its own only when
 * its request is garbage collected) is let go with them, so they never pile up.
 *
 * Per-file code asks this object, not the run's signal, whether the run stopped: every AbortSignal
 * has a hidden class of its own in Node 20, so code reading `aborted` from each run's new signal is
 * thrown away and optimized again every run (measured with --trace-deopt).
 */
export class ChildSignals {
  readonly #parent: AbortSignal
  readonly #live = new Set<AbortController>()
  readonly #spare: AbortController[] = []
  #aborted = false

  constructor(parent: AbortSignal) {
    this.#parent = parent
    if (parent.aborted) this.#aborted = true
    else parent.addEventListener('abort', () => this.#abort(), { once: true })
  }

  /** Whether the run's signal has fired. */
  get aborted(): boolean {
    return this.#aborted
  }

  /** A signal for one file; call `dispose` when the file is done. */
  child(): { readonly signal: AbortSignal; dispose(): void } {
    const controller = this.#spare.pop() ?? new AbortController()
    if (this.#aborted) controller.abort(this.#parent.reason)
    else this.#live.add(controller)
    return {
      signal: controller.signal,
      dispose: () => {
        // Only the first call finds it live: a controller is never handed out twice.
        if (!this.#live.delete(controller) || controller.signal.aborted) return
        if (getEventListeners(controller.signal, 'abort').length === 0) this.#spare.push(controller)
      },
    }
  }

  #abort(): void {
    this.#aborted = true
    for (const controller of this.#live) controller.abort(this.#parent.reason)
  }
}
