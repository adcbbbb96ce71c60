import { createHeliokit } from '@heliokit/core'
import { startUcalgaryEmulator, type UcalgaryEmulator, type UcalgaryEmulatorOptions } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { type UcalgaryApi, ucalgary } from '../../src/index.ts'

export interface Harness {
  readonly emu: UcalgaryEmulator
  readonly uc: UcalgaryApi
  /** `urls` requests the API host received. */
  listingCalls(): URLSearchParams[]
  close(): Promise<void>
}

/** An emulator and a client wired to it through the real HTTP transport (retries fast, for faults). */
export async function startHarness(options: UcalgaryEmulatorOptions = {}): Promise<Harness> {
  const emu = await startUcalgaryEmulator(options)
  const hk = createHeliokit({
    providers: [ucalgary({ baseUrl: emu.apiUrl, timeout: 10_000 })],
    transports: [createHttpTransport({ retry: { limit: 2, baseDelayMs: 5, maxDelayMs: 20 } })],
  })
  return {
    emu,
    uc: hk.provider('ucalgary'),
    listingCalls: () =>
      emu.api.requests
        .filter((r) => r.url.startsWith('/api/v1/data_distribution/urls'))
        .map((r) => new URL(r.url, 'http://x').searchParams),
    close: async () => {
      await hk.close()
      await emu.close()
    },
  }
}
