import { throwIfAborted, toHeliokitError } from '@heliokit/core/errors'
import { PROVIDER_ID } from '../provider-id.ts'
import type { VotableDocument } from './model.ts'
import { Utf8Text } from './utf8-text.ts'
import { VotableReader } from './votable-reader.ts'

/**
 * Text is made from at most this many bytes at a time: strings this small are young-generation garbage,
 * while larger ones live in V8's large-object space until a full collection (memory and page faults).
 */
const PIECE = 1 << 16

/** Parses a whole VOTable held in memory (text or UTF-8 bytes). Errors are VotableErrors (BAD_RESPONSE, provider `vo`). */
export function parseVotable(input: string | Uint8Array | ArrayBuffer): VotableDocument {
  const reader = new VotableReader()
  if (typeof input === 'string') {
    reader.push(input)
    return reader.end()
  }
  const text = new Utf8Text()
  // Decoded a piece at a time, so the text is never held as one string as large as the document.
  pushBytes(reader, text, input instanceof Uint8Array ? input : new Uint8Array(input), 0)
  reader.push(text.end())
  return reader.end()
}

/**
 * TABLEDATA and base64 STREAM bytes go to the reader as they are; the rest is decoded to text first, a
 * piece at a time. `following`: bytes of the document known to come after `bytes`.
 */
function pushBytes(reader: VotableReader, text: Utf8Text, bytes: Uint8Array, following: number): void {
  let at = 0
  while (at < bytes.length) {
    // A piece at a time, so the reader holds back at most a piece when a token is cut.
    const piece =
      bytes.length - at <= PIECE ? (at === 0 ? bytes : bytes.subarray(at)) : bytes.subarray(at, at + PIECE)
    // Bytes of a cut UTF-8 sequence come first, as text.
    const taken = text.pending ? 0 : reader.pushBytes(piece, following + bytes.length - at - piece.length)
    at += taken
    if (taken === piece.length) continue
    const rest = bytes.subarray(at, at + PIECE)
    at += rest.length
    reader.push(text.decode(reader.takeCarry(), rest))
  }
}

/** A source of document bytes or text, read piece by piece. */
export type VotableSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>

/** Reads a VOTable from a stream, decoding its data while it arrives; memory holds the values, not the text. */
export function readVotable(
  source: VotableSource,
  options: { signal?: AbortSignal } = {},
): Promise<VotableDocument> {
  return readSized(source, 0, options.signal)
}

/**
 * readVotable of a source whose size in bytes is known (0 when not): the columns are then sized once. A
 * piece's bytes are done with when the next is asked for (what a cut token needs is copied).
 */
export async function readSized(
  source: VotableSource,
  size: number,
  signal: AbortSignal | undefined,
): Promise<VotableDocument> {
  const reader = new VotableReader()
  const text = new Utf8Text()
  const pieces = Symbol.asyncIterator in source ? source : streamPieces(source)
  let seen = 0
  try {
    for await (const piece of pieces) {
      throwIfAborted(signal, PROVIDER_ID)
      if (typeof piece === 'string') reader.push(piece)
      else {
        seen += piece.length
        pushBytes(reader, text, piece, Math.max(0, size - seen))
      }
    }
  } catch (error) {
    // A failing source (a file that cannot be read, a broken connection) is reported, not rethrown raw.
    throw toHeliokitError(error, PROVIDER_ID)
  }
  reader.push(text.end())
  return reader.end()
}

async function* streamPieces(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    reader.releaseLock()
  }
}
