import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHttpTransport } from '../src/index.ts'
import { fixtureCert, httpsServer } from './helpers/https-server.ts'
import { startProxy } from './helpers/proxy-server.ts'
import { serve } from './helpers/serve.ts'

const VARIABLES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy']
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]))
afterEach(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name]
    else process.env[name] = saved[name]
  }
})
function setEnv(values: Record<string, string>): void {
  for (const name of VARIABLES) delete process.env[name]
  Object.assign(process.env, values)
}

const okJson = z.object({ ok: z.boolean() })

async function readBoth(transport: ReturnType<typeof createHttpTransport>, base: string): Promise<void> {
  const opened = await transport.open(new URL(`${base}/file.bin`))
  expect(new TextDecoder().decode(await new Response(opened.body).arrayBuffer())).toBe('{"ok":true}')
  expect(await transport.api({ baseUrl: base }).request({ path: 'api' }, okJson)).toEqual({ ok: true })
}

const jsonServer = () =>
  serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{"ok":true}')
  })

describe('proxies', () => {
  it('HTTP_PROXY carries byte reads and API calls to an http origin, forwarded', async () => {
    const proxy = await startProxy()
    const origin = await jsonServer()
    setEnv({ HTTP_PROXY: proxy.url })
    const transport = createHttpTransport()
    await readBoth(transport, origin.url)
    expect(proxy.log).toEqual([`GET ${origin.url}/file.bin`, `GET ${origin.url}/api`])
    await transport.close?.()
  })

  it('https_proxy carries both to an https origin through a CONNECT tunnel', async () => {
    const proxy = await startProxy()
    const origin = await httpsServer('localhost')
    setEnv({ https_proxy: proxy.url })
    const transport = createHttpTransport({ extraCaCerts: fixtureCert('localhost').cert })
    await readBoth(transport, origin.url)
    expect(proxy.log.length).toBeGreaterThanOrEqual(1)
    expect(new Set(proxy.log)).toEqual(new Set([`CONNECT ${new URL(origin.url).host}`]))
    await transport.close?.()
  })

  it('NO_PROXY sends matching hosts direct', async () => {
    const proxy = await startProxy()
    const origin = await jsonServer()
    setEnv({ HTTP_PROXY: proxy.url, NO_PROXY: 'example.org,127.0.0.1' })
    const transport = createHttpTransport()
    await readBoth(transport, origin.url)
    expect(proxy.log).toEqual([])
    await transport.close?.()
  })

  it('the proxy option overrides the environment, and false turns proxies off', async () => {
    const proxy = await startProxy()
    const origin = await jsonServer()
    // nothing listens there: a request sent to it would fail
    setEnv({ HTTP_PROXY: 'http://127.0.0.1:9' })
    const viaOption = createHttpTransport({ proxy: proxy.url, retry: { limit: 0 } })
    await readBoth(viaOption, origin.url)
    expect(proxy.log).toHaveLength(2)
    const direct = createHttpTransport({ proxy: false, retry: { limit: 0 } })
    await readBoth(direct, origin.url)
    expect(proxy.log).toHaveLength(2)
    await viaOption.close?.()
    await direct.close?.()
  })

  it('an invalid proxy URL is INVALID_INPUT when the transport is made', () => {
    expect(() => createHttpTransport({ proxy: 'not a url' })).toThrow(/proxy/)
    setEnv({ HTTPS_PROXY: 'socks9://x' })
    expect(() => createHttpTransport()).toThrow(/HTTPS_PROXY/)
  })
})
