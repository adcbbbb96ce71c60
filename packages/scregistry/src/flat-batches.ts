const NONE: readonly never[] = []

/**
 * The items of an async generator of arrays, one at a time; an item already read costs one settled
 * promise. `next` calls are served in order even when not awaited; an abort resumes the generator.
 */
export class FlatBatches<T> implements AsyncIterableIterator<T> {
  readonly #batches: AsyncGenerator<readonly T[], void, undefined>
  readonly #signal: AbortSignal | undefined
  #batch: readonly T[] = NONE
  #at = 0
  #waiting: Promise<IteratorResult<T, undefined>> | undefined

  constructor(batches: AsyncGenerator<readonly T[], void, undefined>, signal?: AbortSignal) {
    this.#batches = batches
    this.#signal = signal
  }

  [Symbol.asyncIterator](): this {
    return this
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.#waiting) {
      const next = () => this.next()
      return this.#waiting.then(next, next)
    }
    if (this.#at < this.#batch.length && this.#signal?.aborted !== true) {
      return Promise.resolve({ value: this.#batch[this.#at++] as T, done: false })
    }
    this.#batch = NONE
    this.#at = 0
    const waiting = this.#batches.next().then(
      (result) => {
        this.#waiting = undefined
        if (result.done) return { value: undefined, done: true } as const
        this.#batch = result.value
        return this.next()
      },
      (error: unknown) => {
        this.#waiting = undefined
        throw error
      },
    )
    this.#waiting = waiting
    return waiting
  }

  /** Ends the generator (running its `finally` blocks, which close the body being read). */
  async return(): Promise<IteratorResult<T, undefined>> {
    this.#batch = NONE
    await this.#batches.return()
    return { value: undefined, done: true }
  }
}
