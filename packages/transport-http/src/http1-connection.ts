import type { Socket } from 'node:net'
import { Http1Parser, type ResponseHead } from './http1-parser.ts'

/** What the request under way on a connection hears of its response. */
export interface ExchangeEvents {
  head(head: ResponseHead): void
  body(chunk: Uint8Array): void
  complete(reusable: boolean): void
  fail(error: unknown): void
}

/** One keep-alive socket and the parser of its responses. */
export interface Connection {
  readonly socket: Socket
  readonly parser: Http1Parser
  /** Whether it carried an earlier response (and so may have been closed by the server meanwhile). */
  reused: boolean
  /** The request under way, if any. */
  exchange: ExchangeEvents | undefined
}

export interface SocketModules {
  readonly net: typeof import('node:net')
  readonly tls: typeof import('node:tls')
}

/**
 * Opens a connection to the origin of `url` (TLS for https, checking the host name) whose socket feeds
 * the parser; a parse error, an early end or a socket error fails the request under way, and `onClose`
 * runs once the socket is gone.
 */
export function openConnection(
  url: URL,
  { net, tls }: SocketModules,
  extraCaCerts: readonly string[],
  onClose: (connection: Connection) => void,
): Connection {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const secure = url.protocol === 'https:'
  const port = Number(url.port || (secure ? 443 : 80))
  const socket = secure
    ? tls.connect({
        host,
        port,
        servername: net.isIP(host) ? undefined : host,
        ALPNProtocols: ['http/1.1'],
        // `ca` replaces the root store, so the extra ones are added to it
        ca: extraCaCerts.length > 0 ? [...tls.rootCertificates, ...extraCaCerts] : undefined,
      })
    : net.connect({ host, port })
  socket.setNoDelay(true)
  socket.setKeepAlive(true, 30_000)
  const connection: Connection = {
    socket,
    reused: false,
    exchange: undefined,
    parser: new Http1Parser({
      head: (head) => connection.exchange?.head(head),
      body: (chunk) => connection.exchange?.body(chunk),
      complete: (reusable) => connection.exchange?.complete(reusable),
    }),
  }
  let lastError: unknown
  const broken = (error: unknown): void => {
    connection.exchange?.fail(error)
    socket.destroy()
  }
  socket.on('data', (data: Buffer) => {
    try {
      connection.parser.feed(data)
    } catch (error) {
      broken(error)
    }
  })
  socket.on('end', () => {
    try {
      connection.parser.end()
    } catch (error) {
      broken(error)
    }
    socket.destroy()
  })
  socket.on('error', (error) => {
    lastError = error
  })
  socket.on('close', () => {
    connection.exchange?.fail(lastError ?? new Error('connection closed before the response ended'))
    onClose(connection)
  })
  return connection
}
