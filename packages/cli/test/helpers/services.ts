import {
  type AuroraxEmulator,
  type ScregistryNetworkServer,
  startAuroraxEmulator,
  startScregistryNetwork,
  startUcalgaryEmulator,
  type TestHttpServer,
  type UcalgaryEmulator,
} from '@heliokit/testkit'
import { afterAll, beforeAll } from 'vitest'
import { startAutoindexServer } from '../../../../examples/provider-plugin/test/autoindex-server.ts'

export const PLUGIN_DIR: string = new URL('../../../../examples/provider-plugin', import.meta.url).pathname

/** The emulators and the plugin's archive, with the environment that points the command at them. */
export interface Services {
  readonly aurorax: AuroraxEmulator
  readonly ucalgary: UcalgaryEmulator
  readonly archive: TestHttpServer
  readonly network: ScregistryNetworkServer
  readonly env: Readonly<Record<string, string>>
  close(): Promise<void>
}

async function startServices(): Promise<Services> {
  const [aurorax, ucalgary, archive, network] = await Promise.all([
    startAuroraxEmulator(),
    startUcalgaryEmulator(),
    startAutoindexServer({ filesPerDay: 5 }),
    startScregistryNetwork(),
  ])
  return {
    aurorax,
    ucalgary,
    archive,
    network,
    env: {
      AURORAX_BASE_URL: aurorax.url,
      UCALGARY_BASE_URL: ucalgary.apiUrl,
      AUTOINDEX_BASE_URL: archive.url,
      ROOT_CATALOG_REGISTRY_URL: network.registryUrl,
      AWS_ENDPOINT_URL_S3: network.endpoint,
      AWS_REGION: 'us-east-1',
    },
    close: async () => {
      await Promise.all([aurorax.close(), ucalgary.close(), archive.close(), network.close()])
    },
  }
}

/** The services for a test file: filled in before its tests, closed after. */
export function useServices(): Services {
  const services = {} as Services
  beforeAll(async () => {
    Object.assign(services, await startServices())
  })
  afterAll(() => services.close?.())
  return services
}
