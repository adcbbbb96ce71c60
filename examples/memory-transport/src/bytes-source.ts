import type { ChunkSource } from '@heliokit/core/transport-kit'

/**
 * `bytes` as a chunk source of `chunkSize` pieces. Each piece is a copy: a handed-over chunk is the
 * handler's to keep or change, and must not alias the stored object.
 */
export function bytesSource(bytes: Uint8Array, chunkSize: number): ChunkSource {
  let cancelled: { reason: unknown } | undefined
  return {
    async pump(onChunk) {
      for (let at = 0; at < bytes.length; at += chunkSize) {
        if (cancelled) throw cancelled.reason
        await onChunk(bytes.slice(at, at + chunkSize))
      }
    },
    cancel(reason) {
      cancelled ??= { reason: reason ?? new Error('cancelled') }
    },
  }
}
