/** Every item of an async iterable; `make` runs inside the promise so a synchronous throw rejects too. */
export async function collect<T>(make: () => AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []
  for await (const item of make()) items.push(item)
  return items
}
