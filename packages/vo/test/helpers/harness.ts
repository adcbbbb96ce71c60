import { createHeliokit, type Heliokit } from '@heliokit/core'
import { startVoEmulator, type VoEmulator, type VoEmulatorOptions } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { createS3Transport } from '@heliokit/transport-s3'
import { type VoApi, vo } from '../../src/index.ts'

export interface Harness {
  readonly emu: VoEmulator
  readonly hk: Heliokit
  readonly api: VoApi
  /** Requests the service host received whose path starts with `prefix`. */
  requests(prefix: string): { method: string; params: URLSearchParams }[]
  close(): Promise<void>
}

/** The emulator and a client wired to it: HTTP transport for the services, S3 transport for its s3rver. */
export async function startHarness(options: VoEmulatorOptions = {}): Promise<Harness> {
  const emu = await startVoEmulator(options)
  const hk = createHeliokit({
    providers: [vo({ siaUrl: emu.siaUrl, sia2Url: emu.sia2Url, sesameUrl: emu.sesameUrl, timeout: 10_000 })],
    transports: [
      createHttpTransport({ retry: { limit: 0 } }),
      createS3Transport({ endpoint: emu.s3.endpoint, region: 'us-east-1' }),
    ],
  })
  return {
    emu,
    hk,
    api: hk.provider('vo'),
    requests: (prefix) =>
      emu.server.requests
        .filter((r) => r.url.startsWith(prefix))
        .map((r) => ({ method: r.method, params: new URL(r.url, 'http://x').searchParams })),
    close: async () => {
      await hk.close()
      await emu.close()
    },
  }
}
