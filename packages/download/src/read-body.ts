import type { ChunkHandler, OpenedResource } from '@heliokit/core'
import { webSource } from '@heliokit/core/transport-kit'

/** Hands the body to `onChunk`: through the transport's `forEachChunk` when it has one, else its web stream. */
export function readBody(opened: OpenedResource, signal: AbortSignal, onChunk: ChunkHandler): Promise<void> {
  // Transports honour the signal they were opened with, so an abort ends this too.
  if (opened.forEachChunk) return opened.forEachChunk(onChunk)
  const source = webSource(opened.body)
  const onAbort = (): void => source.cancel(signal.reason)
  if (signal.aborted) onAbort()
  else signal.addEventListener('abort', onAbort, { once: true })
  return source.pump(onChunk).finally(() => signal.removeEventListener('abort', onAbort))
}
