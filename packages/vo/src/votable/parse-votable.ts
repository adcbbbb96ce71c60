import { throwIfAborted, toHeliokitError } from '@heliokit/core'
import { PROVIDER_ID } from '../provider-id.ts'
import { asciiText, isAscii } from './ascii-text.ts'
import type { VotableDocument } from './model.ts'
import { VotableReader } from './votable-reader.ts'

const SLICE = 1 << 20

/** Parses a whole VOTable held in memory (text or UTF-8 bytes). Errors are VotableErrors (BAD_RESPONSE, provider `vo`). */
export function parseVotable(input: string | Uint8Array | ArrayBuffer): VotableDocument {
  const reader = new VotableReader()
  if (typeof input === 'string') {
    reader.push(input)
    return reader.end()
  }
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input)
  const decoder = new TextDecoder()
  // Decoded a slice at a time, so the text is never held as one string as large as the document.
  for (let at = 0; at < bytes.length; at += SLICE) pushBytes(reader, decoder, bytes.subarray(at, at + SLICE))
  reader.push(decoder.decode())
  return reader.end()
}

/** Base64 STREAM bytes go to the reader as they are; the rest is decoded to text first. */
function pushBytes(reader: VotableReader, decoder: TextDecoder, bytes: Uint8Array): void {
  const used = reader.pushBase64Bytes(bytes)
  if (used === bytes.length) return
  const rest = used ? bytes.subarray(used) : bytes
  const carry = reader.takeCarry()
  // The flush gives what an ASCII byte after an incomplete sequence would: U+FFFD, and a reset decoder.
  if (isAscii(rest)) reader.push(asciiText(carry + decoder.decode(), rest))
  else reader.push(carry + decoder.decode(rest, { stream: true }))
}

/** A source of document bytes or text, read piece by piece. */
export type VotableSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>

/** Reads a VOTable from a stream, decoding its data while it arrives; memory holds the values, not the text. */
export async function readVotable(
  source: VotableSource,
  options: { signal?: AbortSignal } = {},
): Promise<VotableDocument> {
  const reader = new VotableReader()
  const decoder = new TextDecoder()
  const pieces = Symbol.asyncIterator in source ? source : streamPieces(source)
  try {
    for await (const piece of pieces) {
      throwIfAborted(options.signal, PROVIDER_ID)
      if (typeof piece === 'string') reader.push(piece)
      else pushBytes(reader, decoder, piece)
    }
  } catch (error) {
    // A failing source (a file that cannot be read, a broken connection) is reported, not rethrown raw.
    throw toHeliokitError(error, PROVIDER_ID)
  }
  reader.push(decoder.decode())
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
