/**
 * Interleaves several async iterables, yielding items as they arrive. Breaking out of the loop, or
 * one source throwing, closes every other source.
 */
export async function* mergeAsync<T>(
  sources: readonly AsyncIterable<T>[],
): AsyncGenerator<T, void, undefined> {
  const iterators = sources.map((s) => s[Symbol.asyncIterator]())
  const pending = new Map<number, Promise<{ index: number; result: IteratorResult<T> }>>()
  const pull = (index: number): void => {
    const it = iterators[index]!
    pending.set(
      index,
      it.next().then((result) => ({ index, result })),
    )
  }
  iterators.forEach((_, i) => {
    pull(i)
  })
  try {
    while (pending.size > 0) {
      const { index, result } = await Promise.race(pending.values())
      if (result.done) {
        pending.delete(index)
        continue
      }
      pull(index)
      yield result.value
    }
  } finally {
    const open = [...pending.keys()]
    pending.clear()
    await Promise.allSettled(open.map((i) => iterators[i]!.return?.()))
  }
}
