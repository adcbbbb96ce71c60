import type { ProgressListener } from './progress.ts'

export interface CallOptions {
  readonly signal?: AbortSignal
  readonly onProgress?: ProgressListener
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

/** An opened resource; read `body` to the end or cancel it. */
export interface OpenedResource {
  readonly body: ReadableStream<Uint8Array>
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
