import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ErrorCode, isHeliokitError } from '@heliokit/core'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHttpTransport } from '../src/index.ts'
import { failure } from './helpers/failure.ts'
import { fixtureCert, httpsServer } from './helpers/https-server.ts'

const savedExtra = process.env.NODE_EXTRA_CA_CERTS
afterEach(() => {
  if (savedExtra === undefined) delete process.env.NODE_EXTRA_CA_CERTS
  else process.env.NODE_EXTRA_CA_CERTS = savedExtra
})

const okJson = z.object({ ok: z.boolean() })

describe('TLS', () => {
  it('trusts a CA from NODE_EXTRA_CA_CERTS and one from extraCaCerts together, for bytes and API calls', async () => {
    const first = await httpsServer('localhost')
    const second = await httpsServer('second')
    const file = join(mkdtempSync(join(tmpdir(), 'heliokit-ca-')), 'extra.pem')
    writeFileSync(file, fixtureCert('localhost').cert)
    process.env.NODE_EXTRA_CA_CERTS = file
    const transport = createHttpTransport({ extraCaCerts: [fixtureCert('second').cert] })
    for (const server of [first, second]) {
      const opened = await transport.open(new URL(`${server.url}/a.bin`))
      expect(await new Response(opened.body).text()).toBe('{"ok":true}')
      expect(await transport.api({ baseUrl: server.url }).request({ path: 'x' }, okJson)).toEqual({
        ok: true,
      })
    }
    await transport.close?.()
  })

  it('trusts neither self-signed CA without them', async () => {
    const server = await httpsServer('second')
    const transport = createHttpTransport({
      retry: { limit: 0 },
      extraCaCerts: fixtureCert('localhost').cert,
    })
    const error = await failure(transport.open(new URL(`${server.url}/a.bin`)))
    expect(error.code).toBe(ErrorCode.NETWORK)
    expect(error.message).toMatch(/certificate|self[- ]signed/i)
    await transport.close?.()
  })

  it('refuses an invalid PEM with INVALID_INPUT when the transport is made', () => {
    for (const bad of ['not a certificate', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----']) {
      let thrown: unknown
      try {
        createHttpTransport({ extraCaCerts: bad })
      } catch (error) {
        thrown = error
      }
      expect(isHeliokitError(thrown) && thrown.code).toBe(ErrorCode.INVALID_INPUT)
    }
  })

  it('resumes the TLS session on later connections', async () => {
    const server = await httpsServer('localhost', '{"ok":true}', true)
    const transport = createHttpTransport({ extraCaCerts: fixtureCert('localhost').cert })
    for (let i = 0; i < 3; i++) {
      const opened = await transport.open(new URL(`${server.url}/${i}.bin`))
      await new Response(opened.body).arrayBuffer()
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(server.resumed).toEqual([false, true, true])
    await transport.close?.()
  })
})
