import type { CallOptions, ListedObject, OpenOptions, Transport } from '@heliokit/core'

/** A transport created on its first call, so a command that never meets its scheme never loads its SDK. */
export function lazyTransport(
  id: string,
  schemes: readonly string[],
  create: () => Promise<Transport>,
): Transport {
  let made: Promise<Transport> | undefined
  const get = (): Promise<Transport> => {
    made ??= create()
    return made
  }
  return {
    id,
    schemes,
    stat: async (url: URL, options?: CallOptions) => (await get()).stat(url, options),
    open: async (url: URL, options?: OpenOptions) => (await get()).open(url, options),
    async *list(prefix: URL, options?: CallOptions): AsyncIterable<ListedObject> {
      const transport = await get()
      if (!transport.list) throw new TypeError(`${id} cannot list`)
      yield* transport.list(prefix, options)
    },
    close: async () => {
      if (made) await (await made).close?.()
    },
  }
}
