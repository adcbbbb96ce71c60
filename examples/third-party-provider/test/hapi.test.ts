import { createHeliokit } from '@heliokit/core'
import { providerConformance } from '@heliokit/core/testing'
import { startHttpServer, type TestHttpServer } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { hapi } from '../src/index.ts'
import { startHapiServer } from './hapi-server.ts'

let server: TestHttpServer
let broken: TestHttpServer
beforeAll(async () => {
  server = await startHapiServer()
  broken = await startHttpServer((_req, res) => {
    res.writeHead(500, { 'content-type': 'text/html' })
    res.end('<html><body>Internal Server Error</body></html>')
  })
})
afterAll(async () => {
  await server.close()
  await broken.close()
})

const transports = () => [createHttpTransport({ retry: { limit: 0 } })]

providerConformance(test, {
  create: () => hapi({ baseUrl: `${server.url}/hapi` }),
  createFailing: () => hapi({ baseUrl: `${broken.url}/hapi` }),
  transports,
  fixtures: { datasetQuery: {}, invalidDatasetQuery: { start: 'last tuesday' } },
  requestCount: () => server.requests.length,
})

test('a third-party provider composes with typed access like a built-in one', async () => {
  const hk = createHeliokit({ transports: transports() }).use(hapi({ baseUrl: `${server.url}/hapi` }))
  const catalog = await hk.provider('hapi').catalog()
  expect(catalog.map((d) => d.id)).toEqual(['OMNI_HRO2_1MIN', 'THA_L2_FGM'])
  const found = []
  for await (const outcome of hk.datasets({ text: 'themis' })) found.push(outcome)
  expect(found).toHaveLength(1)
  expect(found[0]).toMatchObject({ ok: true, provider: 'hapi', value: { id: 'THA_L2_FGM' } })
  const first = found[0]
  expect(first?.ok && first.value.timeSpan?.start?.toISOString()).toBe('2007-02-23T00:00:00.000Z')
})

test('datasets are filtered by the time span they cover', async () => {
  const hk = createHeliokit({
    providers: [hapi({ baseUrl: `${server.url}/hapi` })],
    transports: transports(),
  })
  const ids = []
  for await (const outcome of hk.datasets({ start: '1996-01-01', end: '2000-01-01' }))
    if (outcome.ok) ids.push(outcome.value.id)
  expect(ids).toEqual(['OMNI_HRO2_1MIN'])
})
