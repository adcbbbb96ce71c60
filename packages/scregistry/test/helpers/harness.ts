import { createHeliokit, type Heliokit, type Logger, type Provider } from '@heliokit/core'
import {
  forwardTo,
  type ScregistryNetworkOptions,
  type ScregistryNetworkServer,
  startHttpServer,
  startScregistryNetwork,
  type TestHttpServer,
} from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { createS3Transport } from '@heliokit/transport-s3'
import { afterAll, beforeAll } from 'vitest'
import { type ScregistryApi, type ScregistryOptions, scregistry } from '../../src/index.ts'

export interface Harness {
  readonly net: ScregistryNetworkServer
  /** Records every S3 request on its way to s3rver. */
  readonly proxy: TestHttpServer
  readonly hk: Heliokit<Provider<'scregistry', ScregistryApi>>
  readonly sc: ScregistryApi
  /** S3 requests as `METHOD /bucket/key`. */
  requests(): string[]
  close(): Promise<void>
}

/** The seeded network in s3rver, and a client reading it anonymously through a recording proxy. */
export async function startHarness(
  options: ScregistryOptions = {},
  network: ScregistryNetworkOptions = {},
  logger?: Logger,
): Promise<Harness> {
  const net = await startScregistryNetwork(network)
  const proxy = await startHttpServer(forwardTo(net.endpoint))
  const hk = createHeliokit({
    providers: [scregistry({ registryUrl: net.registryUrl, ...options })],
    transports: [
      createS3Transport({ endpoint: proxy.url, region: 'us-east-1' }),
      createHttpTransport({ retry: { limit: 0 } }),
    ],
    logger,
  })
  return {
    net,
    proxy,
    hk,
    sc: hk.provider('scregistry'),
    requests: () => proxy.requests.map((r) => `${r.method} ${decodeURIComponent(r.url.split('?')[0]!)}`),
    close: async () => {
      await hk.close()
      await proxy.close()
      await net.close()
    },
  }
}

/** A harness for a test file: filled in before its tests, closed after. */
export function useHarness(options: ScregistryOptions = {}, network: ScregistryNetworkOptions = {}): Harness {
  const harness = {} as Harness
  beforeAll(async () => {
    Object.assign(harness, await startHarness(options, network))
  })
  afterAll(() => harness.close?.())
  return harness
}
