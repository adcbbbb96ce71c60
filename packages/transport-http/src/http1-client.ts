import { createConnectionPool } from './connection-pool.ts'
import type { Send, SendInit, SentResponse } from './follow-redirects.ts'
import { type Connection, openConnection, type SocketModules } from './http1-connection.ts'
import { NodeResponse, requestHead } from './http1-messages.ts'
import { type PushedSource, pushedSource } from './pushed-source.ts'
import { readBuffers } from './read-buffers.ts'

/** Byte reads over keep-alive HTTP/1.1 connections in Node, and a way to close them. */
export interface Http1Client {
  readonly send: Send
  /** The same as a fetch, for ky when hooks need its Request and Response objects. */
  readonly fetch: typeof fetch
  close(): void
}

export interface Http1ClientOptions {
  readonly maxSockets: number
  readonly userAgent: string
  /** PEM certificates trusted in addition to Node's root store. */
  readonly extraCaCerts: readonly string[]
}

// Statuses whose responses never have a body (the Response constructor rejects one for them).
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 204, 205, 304])

/**
 * A small HTTP/1.1 client for GET and HEAD in Node. node:http copies every body chunk and fetch
 * wraps each in web streams; for thousands of small files that is most of the CPU of a download
 * (measured in tools/bench/download). Failures look like fetch's (`TypeError`), so the code above
 * handles both alike. Undefined outside Node, where the global fetch is used.
 */
export function createHttp1Client(options: Http1ClientOptions): Http1Client | undefined {
  if (typeof process === 'undefined' || !process.versions?.node) return undefined
  const { maxSockets, userAgent, extraCaCerts } = options
  let modules: Promise<SocketModules> | undefined
  // Two free buffers per connection: a download lends one or two per connection, and its write thread
  // may hold several more of them while it catches up; with one per connection a 2,000-file download
  // still allocated 10 to 17 new ones per run (tools/bench/download). A transport keeps at most as
  // many as it once used at the same time, up to maxSockets x 2 x 256 KiB.
  const buffers = readBuffers(maxSockets * 2)
  const pool = createConnectionPool(maxSockets, async (url, onClose) => {
    modules ??= Promise.all([import('node:net'), import('node:tls')]).then(([net, tls]) => ({ net, tls }))
    return openConnection(url, { modules: await modules, extraCaCerts, buffers, onClose })
  })

  const exchangeOn = (connection: Connection, url: URL, init: SendInit): Promise<SentResponse> =>
    new Promise<SentResponse>((resolve, reject) => {
      const { socket, parser } = connection
      let source: PushedSource | undefined
      let done = false
      const finish = (): void => {
        done = true
        init.signal.removeEventListener('abort', onAbort)
      }
      const onAbort = (): void => {
        connection.exchange?.fail(init.signal.reason)
        socket.destroy()
      }
      if (socket.destroyed) {
        // closed while it was being handed over: the caller tries another connection
        return reject(Object.assign(new TypeError('fetch failed'), { beforeResponse: true }))
      }
      connection.exchange = {
        head(head) {
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
          resolve(new NodeResponse(head, source))
        },
        body(chunk, release) {
          if (source) source.push(chunk, release)
          else release()
        },
        complete(reusable) {
          finish()
          source?.end()
          if (reusable && !socket.destroyed) pool.release(url, connection)
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
            : Object.assign(new TypeError(source ? 'terminated' : 'fetch failed', { cause: error }), {
                beforeResponse: !source,
              })
          if (source) source.fail(failure)
          else reject(failure)
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
      const connection = await pool.acquire(url, init.signal)
      const reused = connection.reused
      try {
        return await exchangeOn(connection, url, init)
      } catch (error) {
        // A kept-alive connection the server closed as the request went out: try the next one (a new
        // connection is never stale, so this ends).
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

  return { send, fetch: nodeFetch as typeof fetch, close: () => pool.closeAll() }
}
