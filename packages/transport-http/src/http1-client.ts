import type { Socket } from 'node:net'
import { type ChunkSource, pushedSource, sourceStream } from './chunk-source.ts'
import type { HeaderFields, Send, SendInit, SentResponse } from './follow-redirects.ts'
import { Http1Parser, type ResponseHead } from './http1-parser.ts'

/** Byte reads over keep-alive HTTP/1.1 connections in Node, and a way to close them. */
export interface Http1Client {
  readonly send: Send
  /** The same as a fetch, for ky when hooks need its Request and Response objects. */
  readonly fetch: typeof fetch
  close(): void
}

type Net = typeof import('node:net')
type Tls = typeof import('node:tls')

interface Connection {
  readonly socket: Socket
  readonly parser: Http1Parser
  /** Whether it carried an earlier response (and so may have been closed by the server meanwhile). */
  reused: boolean
  exchange: ExchangeEvents | undefined
}

interface ExchangeEvents {
  head(head: ResponseHead): void
  body(chunk: Uint8Array): void
  complete(reusable: boolean): void
  fail(error: unknown): void
}

interface Pool {
  readonly idle: Connection[]
  open: number
  readonly waiting: ((connection: Connection | undefined) => void)[]
}

// Statuses whose responses never have a body (the Response constructor rejects one for them).
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 204, 205, 304])

/**
 * A small HTTP/1.1 client for GET and HEAD in Node. node:http copies every body chunk and fetch
 * wraps each in web streams; for thousands of small files that is most of the CPU of a download
 * (measured in tools/bench/download). Failures look like fetch's (`TypeError`), so the code above
 * handles both alike. Undefined outside Node, where the global fetch is used.
 */
export interface Http1ClientOptions {
  readonly maxSockets: number
  readonly userAgent: string
  /** PEM certificates trusted in addition to Node's root store. */
  readonly extraCaCerts: readonly string[]
}

export function createHttp1Client(options: Http1ClientOptions): Http1Client | undefined {
  const { maxSockets, userAgent, extraCaCerts } = options
  if (typeof process === 'undefined' || !process.versions?.node) return undefined
  let modules: Promise<{ net: Net; tls: Tls }> | undefined
  const load = () => {
    modules ??= Promise.all([import('node:net'), import('node:tls')]).then(([net, tls]) => ({ net, tls }))
    return modules
  }
  const pools = new Map<string, Pool>()
  const everyConnection = new Set<Connection>()

  const connect = async (url: URL): Promise<Connection> => {
    const { net, tls } = await load()
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
      everyConnection.delete(connection)
      connection.exchange?.fail(lastError ?? new Error('connection closed before the response ended'))
      dropped(url, connection)
    })
    everyConnection.add(connection)
    return connection
  }

  const poolFor = (url: URL): Pool => {
    const key = `${url.protocol}//${url.host}`
    let pool = pools.get(key)
    if (!pool) {
      pool = { idle: [], open: 0, waiting: [] }
      pools.set(key, pool)
    }
    return pool
  }

  const acquire = async (url: URL, signal: AbortSignal): Promise<Connection> => {
    const pool = poolFor(url)
    const idle = pool.idle.pop()
    if (idle) {
      idle.socket.ref()
      return idle
    }
    if (pool.open < maxSockets) {
      pool.open++
      return connect(url).catch((error: unknown) => {
        pool.open--
        throw error
      })
    }
    const handed = await new Promise<Connection | undefined>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason)
      const onAbort = (): void => {
        pool.waiting.splice(pool.waiting.indexOf(take), 1)
        reject(signal.reason)
      }
      const take = (connection: Connection | undefined): void => {
        signal.removeEventListener('abort', onAbort)
        resolve(connection)
      }
      signal.addEventListener('abort', onAbort, { once: true })
      pool.waiting.push(take)
    })
    // undefined: a connection closed and left room for a new one
    return handed ?? acquire(url, signal)
  }

  const release = (url: URL, connection: Connection): void => {
    const pool = poolFor(url)
    connection.exchange = undefined
    connection.reused = true
    // A body's reader may have paused it; resume() on a flowing socket still schedules work, so only then.
    if (connection.socket.isPaused()) connection.socket.resume()
    const next = pool.waiting.shift()
    if (next) next(connection)
    else {
      connection.socket.unref()
      pool.idle.push(connection)
    }
  }

  // A closed connection leaves the pool; whoever waits gets to open a new one.
  const dropped = (url: URL, connection: Connection): void => {
    const pool = poolFor(url)
    const at = pool.idle.indexOf(connection)
    if (at >= 0) pool.idle.splice(at, 1)
    pool.open--
    pool.waiting.shift()?.(undefined)
  }

  const exchangeOn = (connection: Connection, url: URL, init: SendInit): Promise<SentResponse> =>
    new Promise<SentResponse>((resolve, reject) => {
      const { socket, parser } = connection
      let source: ReturnType<typeof pushedSource> | undefined
      let done = false
      let received = false
      const finish = (): void => {
        done = true
        init.signal.removeEventListener('abort', onAbort)
      }
      const onAbort = (): void => {
        const reason = init.signal.reason
        connection.exchange?.fail(reason)
        socket.destroy()
      }
      if (socket.destroyed) {
        // closed while it was being handed over: the caller tries another connection
        return reject(Object.assign(new TypeError('fetch failed'), { beforeResponse: true }))
      }
      connection.exchange = {
        head(head) {
          received = true
          source = pushedSource({
            pause: () => {
              if (!done) socket.pause()
            },
            resume: () => {
              if (!done) socket.resume()
            },
            cancel: () => {
              if (done) return
              finish()
              connection.exchange = undefined
              socket.destroy()
            },
          })
          resolve(sentResponse(head, source))
        },
        body: (chunk) => source?.push(chunk),
        complete(reusable) {
          finish()
          source?.end()
          if (reusable && !socket.destroyed) release(url, connection)
          else {
            connection.exchange = undefined
            socket.destroy()
          }
        },
        fail(error) {
          if (done) return
          finish()
          connection.exchange = undefined
          const failure = init.signal.aborted
            ? init.signal.reason
            : new TypeError(source ? 'terminated' : 'fetch failed', { cause: error })
          if (source) source.fail(failure)
          else reject(Object.assign(failure, { beforeResponse: !received }))
        },
      }
      if (init.signal.aborted) return onAbort()
      init.signal.addEventListener('abort', onAbort, { once: true })
      parser.expect(init.method)
      socket.write(requestHead(url, init, userAgent), 'latin1')
    })

  const send: Send = async (url, init) => {
    if (init.body !== undefined) throw new TypeError('the Node byte client sends no request bodies')
    for (;;) {
      const connection = await acquire(url, init.signal)
      const reused = connection.reused
      try {
        return await exchangeOn(connection, url, init)
      } catch (error) {
        // A kept-alive connection the server closed as the request went out: try a fresh one, once.
        const stale = reused && (error as { beforeResponse?: boolean }).beforeResponse === true
        if (!stale || init.signal.aborted) throw error
      }
    }
  }

  const nodeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init)
    const { method, headers, signal } = request
    const sent = await send(new URL(request.url), { method, headers, signal })
    const nullBody = method === 'HEAD' || NULL_BODY_STATUSES.has(sent.status)
    if (nullBody) sent.body?.cancel().catch(() => {})
    return new Response(nullBody ? null : sent.body, {
      status: sent.status,
      statusText: sent.statusText,
      headers: new Headers([...sent.headers]),
    })
  }

  return {
    send,
    fetch: nodeFetch as typeof fetch,
    close() {
      for (const connection of everyConnection) connection.socket.destroy()
    },
  }
}

// Headers objects refuse CR, LF and NUL in values, the user agent was checked when the transport was
// made, and the URL parts come from the URL parser: nothing can be smuggled into the request.
function requestHead(url: URL, init: SendInit, userAgent: string): string {
  const headers = init.headers
  let head = `${init.method} ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${url.host}\r\n`
  if (!headers.has('user-agent')) head += `user-agent: ${userAgent}\r\n`
  if ((url.username || url.password) && !headers.has('authorization')) {
    const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
    head += `authorization: Basic ${Buffer.from(credentials).toString('base64')}\r\n`
  }
  for (const [name, value] of headers) head += `${name}: ${value}\r\n`
  return `${head}\r\n`
}

function sentResponse(head: ResponseHead, source: ChunkSource): SentResponse {
  let body: ReadableStream<Uint8Array> | undefined
  return {
    status: head.status,
    statusText: head.statusText,
    ok: head.status >= 200 && head.status < 300,
    headers: headerFields(head.headers),
    // Made only when asked for: the download engine reads `chunks` and never pays for a web stream.
    get body() {
      body ??= sourceStream(source)
      return body
    },
    chunks: source,
  }
}

/**
 * The parsed fields read as a fetch `Headers` would be (names are lower case, repeated fields joined
 * with ", "), without building one: it validates and sorts every field, for each of thousands of files.
 */
function headerFields(fields: ResponseHead['headers']): HeaderFields {
  return {
    get(name) {
      const wanted = name.toLowerCase()
      let value: string | null = null
      for (const [n, v] of fields) if (n === wanted) value = value === null ? v : `${value}, ${v}`
      return value
    },
    *[Symbol.iterator]() {
      for (const [n, v] of fields) yield [n, v] as [string, string]
    },
  }
}
