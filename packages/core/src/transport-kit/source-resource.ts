import type { ChunkHandler, OpenedResource } from '../transport.ts'
import { type ChunkSource, sourceStream } from './chunk-source.ts'

/** What a transport tells of an opened resource besides its body. */
export type OpenedInfo = Omit<OpenedResource, 'body' | 'forEachChunk'>

/**
 * The OpenedResource of a transport that reads bodies as a ChunkSource: `forEachChunk` pumps the
 * source, and `body` is a web stream of it, made only when asked for.
 */
// A class with a prototype getter: a per-call object literal's getter keeps its closure alive in the old generation.
export class SourceResource implements OpenedResource {
  readonly size: number | undefined
  readonly length: number | undefined
  readonly range: { readonly start: number; readonly end: number } | undefined
  readonly etag: string | undefined
  readonly contentType: string | undefined
  readonly #source: ChunkSource
  #body: ReadableStream<Uint8Array> | undefined
  /** Works detached from the resource too, as the OpenedResource property it is. */
  readonly forEachChunk = (onChunk: ChunkHandler): Promise<void> => this.#source.pump(onChunk)

  constructor(source: ChunkSource, info: OpenedInfo) {
    this.#source = source
    this.size = info.size
    this.length = info.length
    this.range = info.range
    this.etag = info.etag
    this.contentType = info.contentType
  }

  get body(): ReadableStream<Uint8Array> {
    this.#body ??= sourceStream(this.#source)
    return this.#body
  }
}
