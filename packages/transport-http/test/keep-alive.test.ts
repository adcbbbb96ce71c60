import { readStream } from '@heliokit/core/testing'
import { describe, expect, it } from 'vitest'
import { createHttpTransport } from '../src/index.ts'
import { ok, rawServer } from './helpers/raw-server.ts'

const text = async (opened: { body: ReadableStream<Uint8Array> }): Promise<string> =>
  new TextDecoder().decode(await readStream(opened.body))

/** Answers the first request of each connection, then keeps the socket open and says nothing, as a dropped NAT entry would. */
async function silentAfterFirst(extra = '') {
  return rawServer((head, socket) => {
    const served = socket as { served?: boolean }
    if (served.served) return
    served.served = true
    socket.write(ok(head.split(' ')[1] ?? '', extra))
  })
}

describe('idle keep-alive sockets', () => {
  it('are closed by the client after a few idle seconds, so a socket gone silent is not reused', async () => {
    const server = await silentAfterFirst()
    // A retry would only hide a reused dead socket inside the timeout: none here.
    const transport = createHttpTransport({ timeout: 15_000, retry: { limit: 0 } })
    expect(await text(await transport.open(new URL(`${server.url}/a`)))).toBe('/a')
    // past the 4 s idle limit, with room for a busy machine's late timers
    await new Promise((resolve) => setTimeout(resolve, 6_000))
    expect(await text(await transport.open(new URL(`${server.url}/b`)))).toBe('/b')
    expect(server.stats.connections).toBe(2)
    await transport.close?.()
  }, 20_000)

  it("honour a server's shorter Keep-Alive: timeout=", async () => {
    const server = await silentAfterFirst('Keep-Alive: timeout=3\r\n')
    const transport = createHttpTransport({ timeout: 15_000, retry: { limit: 0 } })
    expect(await text(await transport.open(new URL(`${server.url}/a`)))).toBe('/a')
    // timeout=3 leaves a second once undici's margin for the server's clock is taken off
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    expect(await text(await transport.open(new URL(`${server.url}/b`)))).toBe('/b')
    expect(server.stats.connections).toBe(2)
    await transport.close?.()
  }, 20_000)

  it('are reused while fresh', async () => {
    const server = await rawServer((head, socket) => socket.write(ok(head.split(' ')[1] ?? '')))
    const transport = createHttpTransport()
    for (let i = 0; i < 6; i++) {
      expect(await text(await transport.open(new URL(`${server.url}/${i}`)))).toBe(`/${i}`)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    expect(server.stats.connections).toBe(1)
    await transport.close?.()
  })
})
