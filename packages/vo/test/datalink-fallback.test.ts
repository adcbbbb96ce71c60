import { createHeliokit, ErrorCode } from '@heliokit/core'
import { startHttpServer, type TestHttpServer } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { vo } from '../src/index.ts'
import { fixture } from './helpers/fixtures.ts'

let server: TestHttpServer
beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const sia2 = new TextDecoder()
      .decode(fixture('pyvo-sia2-dataset.xml'))
      .replaceAll('https://example.com', server.url)
    const body =
      path === '/sia2'
        ? sia2
        : path === '/sia2-plain'
          ? sia2.replace(/<RESOURCE type="meta"[\s\S]*?<\/RESOURCE>/, '')
          : new TextDecoder().decode(fixture('pyvo-datalink-datalink.xml'))
    res.writeHead(200, { 'content-type': 'application/x-votable+xml' })
    res.end(body)
  })
})
afterAll(() => server.close())

const client = () =>
  createHeliokit({
    providers: [vo({ sia2Url: `${server.url}/sia2` })],
    transports: [createHttpTransport({ retry: { limit: 0 } })],
  })

test("CADC's descriptor (pyvo fixture): ID from the FIELD with ID caomPlaneURI (named obs_publisher_did), RESPONSEFORMAT sent", async () => {
  const hk = client()
  const api = hk.provider('vo')
  const results = await api.sia2({ collection: 'TEST' })
  expect(results.datalink?.accessUrl).toBe(`${server.url}/caom2ops/datalink`)
  await api.datalinks(results, 0)
  const asked = new URL(server.requests.at(-1)!.url, 'http://x')
  expect(asked.pathname).toBe('/caom2ops/datalink')
  expect(Object.fromEntries(asked.searchParams)).toEqual({
    ID: results.table.row(0).obs_publisher_did,
    RESPONSEFORMAT: 'application/x-votable+xml;content=datalink',
  })
  expect(results.table.row(0).obs_publisher_did).toBe(
    'ivo://cadc.nrc.ca/TEST?C190508_1442_SCI/C190508_1442_SCI',
  )
  await hk.close()
})

test('without a descriptor, a row whose access_format is DataLink is followed through its access_url (as pyvo)', async () => {
  const hk = client()
  const api = hk.provider('vo')
  const results = await api.sia2({ collection: 'TEST' }, { url: `${server.url}/sia2-plain` })
  expect(results.datalink).toBeUndefined()
  const links = await api.datalinks(results, 0)
  const asked = new URL(server.requests.at(-1)!.url, 'http://x')
  expect([asked.pathname, asked.searchParams.get('runid'), asked.searchParams.get('ID')]).toEqual([
    '/datalink',
    'i4oh43a0oky3dyvp',
    'ivo://example.com/TEST?C190508_1442_SCI/C190508_1442_SCI',
  ])
  expect(links.bySemantics('#this').map((l) => l.accessUrl)).toEqual([
    'http://dc.zah.uni-heidelberg.de/getproduct/flashheros/data/ca90/f0011.mt',
  ])
  expect(links.services.map((s) => s.standardId)).toEqual(['ivo://ivoa.net/std/SODA#sync-1.0'])
  await expect(api.datalinksBatch(results, [0])).rejects.toMatchObject({
    code: ErrorCode.NOT_FOUND,
    provider: 'vo',
  })
  await hk.close()
})
