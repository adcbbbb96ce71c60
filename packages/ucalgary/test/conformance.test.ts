import { providerConformance } from '@heliokit/core/testing'
import { startUcalgaryEmulator, type UcalgaryEmulator } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterAll, beforeAll, test } from 'vitest'
import { ucalgary } from '../src/index.ts'

let emu: UcalgaryEmulator
let failing: UcalgaryEmulator
beforeAll(async () => {
  emu = await startUcalgaryEmulator()
  failing = await startUcalgaryEmulator({ faults: { pick: () => ({ kind: 'status', status: 500 }) } })
})
afterAll(async () => {
  await emu.close()
  await failing.close()
})

providerConformance(test, {
  create: () => ucalgary({ baseUrl: emu.apiUrl }),
  createFailing: () => ucalgary({ baseUrl: failing.apiUrl, timeout: 5000 }),
  transports: () => [createHttpTransport({ retry: { limit: 0 } })],
  requestCount: () => emu.api.requests.length,
  fixtures: {
    datasetQuery: { text: 'THEMIS' },
    invalidDatasetQuery: { text: 'no spaces allowed' },
    fileQuery: {
      dataset: 'THEMIS_ASI_RAW',
      start: '2022-01-01T06:00',
      end: '2022-01-01T07:00',
      site: 'gill',
    },
    invalidFileQuery: { dataset: 'THEMIS_ASI_RAW', start: '2022-01-02', end: '2022-01-01' },
  },
})
