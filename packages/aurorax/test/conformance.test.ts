import { providerConformance } from '@heliokit/core/testing'
import { AURORAX_TEST_KEYS, type AuroraxEmulator, startAuroraxEmulator } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterAll, beforeAll, test } from 'vitest'
import { aurorax } from '../src/index.ts'

let emu: AuroraxEmulator
let failing: AuroraxEmulator
beforeAll(async () => {
  emu = await startAuroraxEmulator({ searchDelayMs: 10 })
  failing = await startAuroraxEmulator({ faults: { pick: () => ({ kind: 'status', status: 500 }) } })
})
afterAll(async () => {
  await emu.close()
  await failing.close()
})

const apiKey = AURORAX_TEST_KEYS.administrator

providerConformance(test, {
  create: () => aurorax({ baseUrl: emu.url, apiKey, pollInterval: 5 }),
  createFailing: () => aurorax({ baseUrl: failing.url, apiKey, pollInterval: 5, timeout: 5000 }),
  transports: () => [createHttpTransport({ retry: { limit: 0 } })],
  requestCount: () => emu.server.requests.length,
  secrets: [apiKey],
  fixtures: {
    datasetQuery: { text: 'swarm' },
    invalidDatasetQuery: { text: '  ' },
    fileQuery: { dataset: '1', start: '2020-02-01T00:00', end: '2020-02-02T00:00' },
    invalidFileQuery: { dataset: 'gillam', start: '2020-02-01', end: '2020-02-02' },
  },
})
