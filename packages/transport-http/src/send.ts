import type { ChunkSource, SignalLike } from '@heliokit/core/transport-kit'

/** One request as a send gets it; byte reads carry no body. */
export interface SendInit {
  readonly method: string
  readonly headers: Headers
  readonly body?: string
  readonly signal: SignalLike
}

/** Read access to a response's header fields: all that byte reads need (a fetch `Headers` is one). */
export interface HeaderFields extends Iterable<[string, string]> {
  get(name: string): string | null
}

/** What a send resolves to: fetch's Response, or the lighter one of undici's dispatch. */
export interface SentResponse {
  readonly status: number
  readonly statusText: string
  readonly ok: boolean
  readonly headers: HeaderFields
  readonly body: ReadableStream<Uint8Array> | null
  /** The body without a web stream, where the sender offers it (read this or `body`, not both). */
  readonly chunks?: ChunkSource
}

/** Sends one request and returns its response as is, redirects included. */
export type Send<R extends SentResponse = SentResponse> = (url: URL, init: SendInit) => Promise<R>
