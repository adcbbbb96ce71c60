import type { ProgressListener } from './progress.ts'

export interface CallOptions {
  readonly signal?: AbortSignal
  readonly onProgress?: ProgressListener
  /**
   * How many times the transport may retry this call on its own (a non-negative integer); default: its
   * own policy. A caller that retries whole operations itself passes 0, so that the two do not multiply.
   */
  readonly retries?: number
}

/** Inclusive byte positions, as in an HTTP Range header; no `end` means to the end of the resource. */
export interface ByteRange {
  readonly start: number
  readonly end?: number
}

export interface OpenOptions extends CallOptions {
  readonly range?: ByteRange
}

/** What a transport knows about a resource without reading it. */
export interface ResourceInfo {
  readonly size?: number
  readonly etag?: string
  readonly lastModified?: Date
  readonly contentType?: string
  /** Whether `open` with a `range` is honoured. */
  readonly acceptsRanges: boolean
}

/** Receives one chunk of a body, which it may keep; a returned promise holds the next chunk back until it settles. */
export type ChunkHandler = (chunk: Uint8Array) => void | Promise<void>

/** An opened resource; read `body` (or `forEachChunk`) to the end, or cancel `body`. */
export interface OpenedResource {
  readonly body: ReadableStream<Uint8Array>
  /**
   * Optional, where a transport can offer it: hands the body to `onChunk` in order without a web
   * stream, which costs less per chunk (it matters for thousands of small files). Resolves once the
   * whole body has arrived; rejects with the error a read of `body` would give, or with the one
   * `onChunk` threw. Read the body one way only.
   */
  readonly forEachChunk?: (onChunk: ChunkHandler) => Promise<void>
  /** Size of the whole resource, when known. */
  readonly size?: number
  /** Bytes this body will deliver, when known (smaller than `size` for a range). */
  readonly length?: number
  /** The range actually served; absent when the whole resource is served. */
  readonly range?: { readonly start: number; readonly end: number }
  readonly etag?: string
  readonly contentType?: string
}

/** One object in a prefix listing. */
export interface ListedObject {
  readonly url: URL
  readonly key: string
  readonly size: number
  readonly lastModified?: Date
  readonly etag?: string
}

/** Moves bytes for one or more URL schemes (`http:`, `https:`, `s3:`). */
export interface Transport {
  readonly id: string
  /** URL schemes served, with the colon: `['http:', 'https:']`. */
  readonly schemes: readonly string[]
  stat(url: URL, options?: CallOptions): Promise<ResourceInfo>
  open(url: URL, options?: OpenOptions): Promise<OpenedResource>
  /** Objects under a prefix, in key order, page by page; only for stores that can list. */
  list?(prefix: URL, options?: CallOptions): AsyncIterable<ListedObject>
  close?(): Promise<void>
}
