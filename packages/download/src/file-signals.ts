/** The run's stop state, and one AbortController per file, all aborted from one listener on the run's signal. */
export class FileSignals {
  readonly #parent: AbortSignal
  readonly #live = new Set<AbortController>()
  #aborted = false

  constructor(parent: AbortSignal) {
    this.#parent = parent
    // One listener, not one per file: Node warns past ten listeners on a signal.
    if (parent.aborted) this.#aborted = true
    else parent.addEventListener('abort', () => this.#abort(), { once: true })
  }

  /** Whether the run's signal has fired. */
  get aborted(): boolean {
    return this.#aborted
  }

  /** Runs `work` with a signal of its own that fires with the run's. */
  async with<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController()
    if (this.#aborted) controller.abort(this.#parent.reason)
    this.#live.add(controller)
    try {
      return await work(controller.signal)
    } finally {
      this.#live.delete(controller)
    }
  }

  #abort(): void {
    this.#aborted = true
    for (const controller of this.#live) controller.abort(this.#parent.reason)
  }
}
