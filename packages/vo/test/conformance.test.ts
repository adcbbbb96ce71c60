import { createHeliokit } from '@heliokit/core'
import { providerConformance } from '@heliokit/core/testing'
import { startVoEmulator, type VoEmulator } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { vo } from '../src/index.ts'

let emu: VoEmulator
let failing: VoEmulator
beforeAll(async () => {
  emu = await startVoEmulator({ rows: 60 })
  failing = await startVoEmulator({ rows: 4, faults: { pick: () => ({ kind: 'status', status: 500 }) } })
})
afterAll(async () => {
  await emu.close()
  await failing.close()
})

const fileQuery = { dataset: 'chanmaster', start: '2000-01-01', end: '2000-06-01' }

providerConformance(test, {
  create: () => vo({ sia2Url: emu.sia2Url, sesameUrl: emu.sesameUrl }),
  createFailing: () => vo({ sia2Url: failing.sia2Url, timeout: 5000 }),
  transports: () => [createHttpTransport({ retry: { limit: 0 } })],
  requestCount: () => emu.server.requests.length,
  fixtures: {
    fileQuery,
    invalidFileQuery: { dataset: 'chanmaster', start: '2000-06-01', end: '2000-01-01' },
  },
})

test('files(): SIA v2 COLLECTION and TIME; with a DataLink source the #this links, else the rows', async () => {
  const hk = createHeliokit({ providers: [], transports: [createHttpTransport({ retry: { limit: 0 } })] })
  const provider = vo({ sia2Url: emu.sia2Url })
  const list = async (query: object) => {
    const out = []
    for await (const file of provider.files!({ ...fileQuery, ...query }, hk.context)) out.push(file)
    return out
  }
  const rows = await list({})
  const sent = new URL(emu.server.requests.at(-1)!.url, 'http://x').searchParams
  expect([sent.get('COLLECTION'), sent.get('TIME')]).toEqual(['chanmaster', '51544 51696'])
  expect(rows.map((f) => f.url)).toEqual(emu.rows.slice(0, 31).map((r) => `${emu.url}/data/${r.key}`))
  const cloud = await list({ source: 'aws:us-east1' })
  expect(cloud.map((f) => f.url)).toEqual(emu.rows.slice(0, 31).map((r) => `s3://nasa-heasarc/${r.key}`))
  expect(cloud.every((f) => f.metadata.semantics === '#this')).toBe(true)
  await hk.close()
})
