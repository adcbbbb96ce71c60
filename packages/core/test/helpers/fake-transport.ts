import type { ApiClient, ApiClientOptions, ApiTransport, Transport } from '@heliokit/core'

/** A transport that only answers which schemes it serves; byte methods are never called here. */
export function fakeTransport(
  id: string,
  schemes: readonly string[],
  close?: () => Promise<void>,
): Transport {
  const unused = (): never => {
    throw new Error(`${id}: not used in these tests`)
  }
  return { id, schemes, stat: async () => unused(), open: async () => unused(), close }
}

/** A fake HTTP transport recording the options each `api()` call received. */
export function fakeApiTransport(id: string): ApiTransport & { readonly calls: ApiClientOptions[] } {
  const calls: ApiClientOptions[] = []
  return {
    ...fakeTransport(id, ['http:', 'https:']),
    calls,
    api(options: ApiClientOptions): ApiClient {
      calls.push(options)
      const unused = (): never => {
        throw new Error(`${id}: requests are not used in these tests`)
      }
      return {
        baseUrl: new URL(String(options.baseUrl)),
        request: async () => unused(),
        send: async () => unused(),
        text: async () => unused(),
      }
    },
  }
}
