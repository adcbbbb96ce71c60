/** Any of the input shapes `download` accepts, as one async iterator. */
export function iteratorOf<T>(items: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> | Iterator<T> {
  if (Symbol.asyncIterator in items) return items[Symbol.asyncIterator]()
  return items[Symbol.iterator]()
}

/**
 * Runs `work` on the items with at most `concurrency` at once, pulling the next item only when a worker is
 * free, so a huge (or endless) iterable is never read ahead. Stops pulling once `stop` is aborted; a failing
 * source rejects after in-flight work settles.
 */
export async function runBounded<T>(
  items: Iterable<T> | AsyncIterable<T>,
  concurrency: number,
  stop: { readonly aborted: boolean },
  work: (item: T) => Promise<void>,
): Promise<void> {
  const it = iteratorOf(items)
  let pulling: Promise<IteratorResult<T> | undefined> = Promise.resolve(undefined)
  let exhausted = false
  let sourceError: unknown
  let failed = false
  // Calls to next() are chained: an async generator would queue them anyway, a hand-written iterator may not.
  const pull = (): Promise<IteratorResult<T> | undefined> => {
    pulling = pulling.then(async () => {
      if (exhausted || stop.aborted) return undefined
      try {
        const r = await it.next()
        if (r.done) exhausted = true
        return r
      } catch (error) {
        exhausted = true
        failed = true
        sourceError = error
        return undefined
      }
    })
    return pulling
  }
  const worker = async (): Promise<void> => {
    for (;;) {
      const r = await pull()
      if (!r || r.done) return
      await work(r.value)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  if (failed) throw sourceError
  if (!exhausted) await it.return?.()
}
