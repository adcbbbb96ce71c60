import { sendJson, startHttpServer, type TestHttpServer } from '@heliokit/testkit'

const ok = { code: 1200, message: 'OK request successful' }
const datasets = [
  {
    id: 'OMNI_HRO2_1MIN',
    title: 'OMNI 1-min solar wind',
    startDate: '1995-01-01T00:00Z',
    stopDate: '2025-06-30T23:59Z',
  },
  {
    id: 'THA_L2_FGM',
    title: 'THEMIS-A fluxgate magnetometer',
    startDate: '2007-02-23T00:00Z',
    stopDate: '2025-06-01T00:00Z',
  },
]

/** A tiny HAPI 3.1 server with two datasets. */
export function startHapiServer(): Promise<TestHttpServer> {
  return startHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    if (url.pathname === '/hapi/catalog') {
      return sendJson(res, 200, {
        HAPI: '3.1',
        status: ok,
        catalog: datasets.map(({ id, title }) => ({ id, title })),
      })
    }
    const found = datasets.find((d) => d.id === url.searchParams.get('id'))
    if (url.pathname === '/hapi/info' && found) {
      return sendJson(res, 200, {
        HAPI: '3.1',
        status: ok,
        startDate: found.startDate,
        stopDate: found.stopDate,
        parameters: [{ name: 'Time', type: 'isotime', units: 'UTC', length: 24 }],
      })
    }
    sendJson(res, 404, { HAPI: '3.1', status: { code: 1406, message: 'Bad request - unknown dataset id' } })
  })
}
