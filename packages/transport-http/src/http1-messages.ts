import { type ChunkSource, sourceStream } from '@heliokit/core'
import type { HeaderFields, SendInit, SentResponse } from './follow-redirects.ts'
import type { ResponseHead } from './http1-parser.ts'

// Headers objects refuse CR, LF and NUL in values, the user agent was checked when the transport was
// made, and the URL parts come from the URL parser: nothing can be smuggled into the request.
/** The request line and header fields of a bodiless request. */
export function requestHead(url: URL, init: SendInit, userAgent: string): string {
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

/**
 * A parsed response as what a send resolves to, its body read from `source`. A class, so the lazy
 * `body` getter lives on the prototype (see SourceResource in core for why that matters).
 */
export class NodeResponse implements SentResponse {
  readonly status: number
  readonly statusText: string
  readonly ok: boolean
  readonly headers: HeaderFields
  readonly chunks: ChunkSource
  #body: ReadableStream<Uint8Array> | undefined

  constructor(head: ResponseHead, source: ChunkSource) {
    this.status = head.status
    this.statusText = head.statusText
    this.ok = head.status >= 200 && head.status < 300
    this.headers = headerFields(head.headers)
    this.chunks = source
  }

  /** Made only when asked for: the download engine reads `chunks` and never pays for a web stream. */
  get body(): ReadableStream<Uint8Array> {
    this.#body ??= sourceStream(this.chunks)
    return this.#body
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
