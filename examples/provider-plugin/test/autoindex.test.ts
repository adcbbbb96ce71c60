import { createHeliokit, type DataFile } from '@heliokit/core'
import { providerConformance } from '@heliokit/core/testing'
import { startHttpServer, type TestHttpServer } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { autoindex } from '../src/index.ts'
import { startAutoindexServer } from './autoindex-server.ts'

let server: TestHttpServer
let broken: TestHttpServer
beforeAll(async () => {
  server = await startAutoindexServer()
  broken = await startHttpServer((_req, res) => {
    res.writeHead(500, { 'content-type': 'text/html' })
    res.end('<html>oops</html>')
  })
})
afterAll(async () => {
  await server.close()
  await broken.close()
})

const transports = () => [createHttpTransport({ retry: { limit: 0 } })]

providerConformance(test, {
  create: () => autoindex({ baseUrl: server.url }),
  createFailing: () => autoindex({ baseUrl: broken.url }),
  transports,
  fixtures: {
    datasetQuery: { text: 'them' },
    fileQuery: { dataset: 'THEMIS', start: '2022-01-01', end: '2022-01-03' },
    invalidFileQuery: { dataset: '../etc', start: '2022-01-01', end: '2022-01-02' },
  },
  requestCount: () => server.requests.length,
})

test('files walk the day folders of the range and skip days without data', async () => {
  const hk = createHeliokit({ providers: [autoindex({ baseUrl: server.url })], transports: transports() })
  const files: DataFile[] = []
  for await (const o of hk.files({ dataset: 'SWARM', start: '2021-12-31', end: '2022-01-02T12:00' })) {
    if (o.ok) files.push(o.value)
  }
  expect(files.map((f) => f.path)).toEqual([
    'SWARM/2022/01/01/SWARM_20220101_0.cdf',
    'SWARM/2022/01/01/SWARM_20220101_1.cdf',
    'SWARM/2022/01/01/SWARM_20220101_2.cdf',
    'SWARM/2022/01/02/SWARM_20220102_0.cdf',
    'SWARM/2022/01/02/SWARM_20220102_1.cdf',
    'SWARM/2022/01/02/SWARM_20220102_2.cdf',
  ])
  expect(files[0]).toMatchObject({
    url: `${server.url}/SWARM/2022/01/01/SWARM_20220101_0.cdf`,
    size: expect.any(Number),
  })
  expect(await hk.provider('autoindex').list('SWARM/2022')).toEqual([
    { name: '01', type: 'directory', mtime: 'Sat, 01 Jan 2022 00:00:00 GMT' },
  ])
})

test('a folder that does not exist is NOT_FOUND, a path with .. is INVALID_INPUT before any request', async () => {
  const hk = createHeliokit({ providers: [autoindex({ baseUrl: server.url })], transports: transports() })
  await expect(hk.provider('autoindex').list('NOPE')).rejects.toMatchObject({
    code: 'NOT_FOUND',
    provider: 'autoindex',
  })
  const before = server.requests.length
  await expect(hk.provider('autoindex').list('../x')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  expect(server.requests.length).toBe(before)
})
