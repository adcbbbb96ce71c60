import type { OnReadOpts, Socket } from 'node:net'
import { Http1Parser, type ResponseHead } from './http1-parser.ts'
import type { ReadBuffer, ReadBuffers } from './read-buffers.ts'

/** What the request under way on a connection hears of its response. */
export interface ExchangeEvents {
  head(head: ResponseHead): void
  /** `chunk` is a view of a read buffer: call `release` once done with it, so it can be read into again. */
  body(chunk: Uint8Array, release: () => void): void
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

// A chunk of a TLS socket's own buffer: nothing to give back.
const owned = (): void => {}

export interface SocketModules {
  readonly net: typeof import('node:net')
  readonly tls: typeof import('node:tls')
}

export interface ConnectionOptions {
  readonly modules: SocketModules
  readonly extraCaCerts: readonly string[]
  readonly buffers: ReadBuffers
  /** Runs once the socket is gone. */
  readonly onClose: (connection: Connection) => void
}

/**
 * Opens a connection to the origin of `url` (TLS for https, checking the host name) whose socket feeds
 * the parser, reading into lent buffers; a parse error, an early end or a socket error fails the
 * request under way.
 */
export function openConnection(url: URL, options: ConnectionOptions): Connection {
  const { modules, extraCaCerts, buffers, onClose } = options
  const { net, tls } = modules
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const secure = url.protocol === 'https:'
  const port = Number(url.port || (secure ? 443 : 80))
  // A plain socket reads into `target`, taken from `buffers` once the last read has been parsed. TLS
  // sockets keep buffers of their own: with `onread`, Node 20 handed over wrong bytes over TLS (the
  // https test in http1-client.test.ts).
  let target: ReadBuffer
  let parsing: ReadBuffer | undefined
  const feed = (bytes: Buffer): void => {
    try {
      connection.parser.feed(bytes)
    } catch (error) {
      broken(error)
    }
  }
  const onread: OnReadOpts = {
    buffer: () => {
      target = buffers.take()
      return target.bytes
    },
    callback: (size: number) => {
      parsing = target
      parsing.hold()
      feed(parsing.bytes.subarray(0, size))
      parsing.release()
      parsing = undefined
      return true
    },
  }
  const socket = secure
    ? tls.connect({
        host,
        port,
        servername: net.isIP(host) ? undefined : host,
        ALPNProtocols: ['http/1.1'],
        // `ca` replaces the root store, so the extra ones are added to it
        ca: extraCaCerts.length > 0 ? [...tls.rootCertificates, ...extraCaCerts] : undefined,
      })
    : net.connect({ host, port, onread })
  if (secure) socket.on('data', feed)
  socket.setNoDelay(true)
  socket.setKeepAlive(true, 30_000)
  const connection: Connection = {
    socket,
    reused: false,
    exchange: undefined,
    parser: new Http1Parser({
      head: (head) => connection.exchange?.head(head),
      body: (chunk) => {
        if (!connection.exchange) return
        if (!parsing) return connection.exchange.body(chunk, owned)
        parsing.hold()
        connection.exchange.body(chunk, parsing.release)
      },
      complete: (reusable) => connection.exchange?.complete(reusable),
    }),
  }
  let lastError: unknown
  const broken = (error: unknown): void => {
    connection.exchange?.fail(error)
    socket.destroy()
  }
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
