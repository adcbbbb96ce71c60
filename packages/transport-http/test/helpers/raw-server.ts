import { createServer, type Server, type Socket } from 'node:net'
import { afterEach } from 'vitest'

/** A raw TCP server: `answer` gets each request head and the socket, and writes whatever it likes. */
export interface RawServer {
  readonly url: string
  /** Connections accepted so far, and the most open at once. */
  readonly stats: { connections: number; open: number; maxOpen: number }
  readonly heads: string[]
}

const rawServers: { server: Server; sockets: Set<Socket> }[] = []
afterEach(async () => {
  for (const { server, sockets } of rawServers.splice(0)) {
    for (const socket of sockets) socket.destroy()
    await new Promise((resolve) => server.close(resolve))
  }
})

export async function rawServer(
  answer: (head: string, socket: Socket, n: number) => void,
): Promise<RawServer> {
  const stats = { connections: 0, open: 0, maxOpen: 0 }
  const heads: string[] = []
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    stats.connections++
    stats.maxOpen = Math.max(stats.maxOpen, ++stats.open)
    socket.on('close', () => {
      stats.open--
      sockets.delete(socket)
    })
    socket.on('error', () => {})
    let buffered = ''
    socket.on('data', (data) => {
      buffered += data.toString('latin1')
      for (let end = buffered.indexOf('\r\n\r\n'); end >= 0; end = buffered.indexOf('\r\n\r\n')) {
        const head = buffered.slice(0, end)
        buffered = buffered.slice(end + 4)
        heads.push(head)
        answer(head, socket, heads.length)
      }
    })
  })
  rawServers.push({ server, sockets })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}`, stats, heads }
}

export const ok = (body: string, extra = ''): string =>
  `HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`
