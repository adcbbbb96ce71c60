import { type ChunkSource, sourceStream } from '@heliokit/core/transport-kit'
import type { HeaderFields, SentResponse } from './send.ts'

/** Header fields as undici parses them: lower-case names, repeated fields as arrays. */
export type ParsedHeaders = Record<string, string | string[] | undefined>

/** A response read through undici's dispatch, its body pushed into `chunks`; `body` is built only when read. */
export class DispatchedResponse implements SentResponse {
  readonly status: number
  readonly statusText: string
  readonly ok: boolean
  readonly headers: HeaderFields
  readonly chunks: ChunkSource
  #body: ReadableStream<Uint8Array> | undefined

  constructor(status: number, statusText: string, headers: ParsedHeaders, chunks: ChunkSource) {
    this.status = status
    this.statusText = statusText
    this.ok = status >= 200 && status < 300
    this.headers = headerFields(headers)
    this.chunks = chunks
  }

  /** A web stream over `chunks`, made on first use. */
  get body(): ReadableStream<Uint8Array> {
    this.#body ??= sourceStream(this.chunks)
    return this.#body
  }
}

/** undici's parsed fields (lower-case names) read as a fetch `Headers` would be, without building one. */
function headerFields(fields: ParsedHeaders): HeaderFields {
  return {
    get(name) {
      const value = fields[name.toLowerCase()]
      if (value === undefined) return null
      return Array.isArray(value) ? value.join(', ') : value
    },
    *[Symbol.iterator]() {
      for (const [name, value] of Object.entries(fields)) {
        if (value !== undefined) yield [name, Array.isArray(value) ? value.join(', ') : value]
      }
    },
  }
}
