import { createHeliokit, ErrorCode } from '@heliokit/core'
import { startHttpServer, type TestHttpServer } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { vo } from '../src/index.ts'
import { fixture } from './helpers/fixtures.ts'

// Results whose DataLink ID comes from an int FIELD (a typed column) with a null in row 1.
const intIds = (base: string) => `<?xml version="1.0"?>
<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
<RESOURCE type="results"><INFO name="QUERY_STATUS" value="OK"/>
<TABLE><FIELD name="obs_id" ID="obsid" datatype="int"/><FIELD name="ra" datatype="double"/>
<DATA><TABLEDATA><TR><TD>7</TD><TD>1.5</TD></TR><TR><TD/><TD/></TR><TR><TD>0</TD><TD>3</TD></TR></TABLEDATA></DATA>
</TABLE></RESOURCE>
<RESOURCE type="meta" utype="adhoc:service">
<PARAM name="standardID" datatype="char" arraysize="*" value="ivo://ivoa.net/std/DataLink#links-1.0"/>
<PARAM name="accessURL" datatype="char" arraysize="*" value="${base}/datalink"/>
<GROUP name="inputParams"><PARAM name="ID" datatype="int" ref="obsid" value=""/></GROUP>
</RESOURCE></VOTABLE>`

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
          : path === '/sia2-int-id'
            ? intIds(server.url)
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

test('an ID from a typed int column: a null row sends no ID, a 0 is sent as 0', async () => {
  const hk = client()
  const api = hk.provider('vo')
  const results = await api.sia2({ collection: 'TEST' }, { url: `${server.url}/sia2-int-id` })
  expect(results.table.column('obs_id')).toEqual(Int32Array.of(7, 0, 0))
  expect(results.table.values('obs_id')).toEqual([7, null, 0])
  const ids = async (row: number) => {
    await api.datalinks(results, row)
    return new URL(server.requests.at(-1)!.url, 'http://x').searchParams.getAll('ID')
  }
  expect(await ids(0)).toEqual(['7'])
  expect(await ids(1)).toEqual([])
  expect(await ids(2)).toEqual(['0'])
  await hk.close()
})
