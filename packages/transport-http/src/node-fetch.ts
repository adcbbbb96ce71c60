import type { Agent as HttpAgent, IncomingMessage, RequestOptions } from 'node:http'
import type { Send } from './follow-redirects.ts'

type NodeHttp = typeof import('node:http')

/** Downloads over node:http(s) with keep-alive agents, and a way to close their sockets. */
export interface NodeFetch {
  /** For ky, when hooks need its Request objects. */
  readonly fetch: typeof fetch
  /** The same without a Request per call (measured to cost more CPU than the rest of a small read). */
  readonly send: Send
  close(): void
}

// Statuses whose responses never have a body (the Response constructor rejects one for them).
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 204, 205, 304])

/**
 * Byte downloads in Node go over node:http(s) rather than the global fetch: fetch costs about twice the
 * CPU per byte (measured in tools/bench/download), and it decodes Content-Encoding, which would
 * change a `.gz` file served with `Content-Encoding: gzip`. Failures look like fetch's (`TypeError`),
 * so everything above ky handles both alike. Undefined outside Node, where the global fetch is used.
 */
export function createNodeFetch(maxSockets: number, userAgent: string): NodeFetch | undefined {
  if (typeof process === 'undefined' || !process.versions?.node) return undefined
  let modules: Promise<{ http: NodeHttp; https: NodeHttp; agents: HttpAgent[] }> | undefined
  const load = () => {
    modules ??= Promise.all([import('node:http'), import('node:https')]).then(([http, https]) => ({
      http,
      https: https as unknown as NodeHttp,
      agents: [
        new http.Agent({ keepAlive: true, maxSockets }),
        new https.Agent({ keepAlive: true, maxSockets }) as HttpAgent,
      ],
    }))
    return modules
  }
  const send: Send = async (url, init) => {
    const { http, https, agents } = await load()
    const secure = url.protocol === 'https:'
    const options: RequestOptions = {
      method: init.method,
      headers: { 'user-agent': userAgent, ...Object.fromEntries(init.headers) },
      agent: secure ? agents[1] : agents[0],
    }
    return request(secure ? https : http, url, options, init.body, init.signal)
  }
  const nodeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init)
    const body = request.body ? await request.text() : undefined
    const { method, headers, signal } = request
    return send(new URL(request.url), { method, headers, body, signal })
  }
  return {
    fetch: nodeFetch as typeof fetch,
    send,
    close() {
      void modules?.then(({ agents }) => {
        for (const agent of agents) agent.destroy()
      })
    },
  }
}

function request(
  lib: NodeHttp,
  url: URL,
  options: RequestOptions,
  body: string | undefined,
  signal: AbortSignal,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const req = lib.request(url, options, (res) => {
      const status = res.statusCode ?? 0
      const headers = new Headers()
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
      }
      const nullBody = options.method === 'HEAD' || NULL_BODY_STATUSES.has(status)
      if (nullBody) res.resume()
      resolve(
        new Response(nullBody ? null : webBody(res, signal), {
          status,
          statusText: res.statusMessage,
          headers,
        }),
      )
    })
    const onAbort = (): void => {
      req.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'))
    }
    signal.addEventListener('abort', onAbort, { once: true })
    req.on('close', () => signal.removeEventListener('abort', onAbort))
    req.on('error', (error) =>
      reject(signal.aborted ? signal.reason : new TypeError('fetch failed', { cause: error })),
    )
    req.end(body)
  })
}

/** The response body as a web stream with backpressure; a connection lost mid-body errors it like fetch's. */
function webBody(res: IncomingMessage, signal: AbortSignal): ReadableStream<Uint8Array> {
  let ended = false
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        res.on('data', (chunk: Buffer) => {
          controller.enqueue(chunk)
          if ((controller.desiredSize ?? 0) <= 0) res.pause()
        })
        res.on('end', () => {
          ended = true
          controller.close()
        })
        res.on('close', () => {
          if (ended) return
          controller.error(
            signal.aborted
              ? signal.reason
              : new TypeError('terminated', { cause: new Error('connection closed before the body ended') }),
          )
        })
        res.on('error', () => {
          // reported through 'close', which always follows
        })
      },
      pull() {
        res.resume()
      },
      cancel() {
        res.destroy()
      },
    },
    { highWaterMark: 4 },
  )
}
