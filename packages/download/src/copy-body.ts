import { type ChunkHandler, type OpenedResource, webSource } from '@heliokit/core'
import { openSink } from './file-writer.ts'

/** Which side of the copy failed, so the caller can tell a broken connection from a full disk. */
export class CopyError extends Error {
  readonly stage: 'read' | 'inspect' | 'write'
  constructor(stage: 'read' | 'inspect' | 'write', cause: unknown) {
    super(
      `body copy failed while ${stage === 'read' ? 'reading' : stage === 'write' ? 'writing' : 'checking'}`,
      {
        cause,
      },
    )
    this.stage = stage
  }
}

/**
 * Copies a response body into a file (appending or truncating), calling `inspect` on each chunk before it
 * is kept. Uses the transport's `forEachChunk` when it has one, else reads the web stream directly: a
 * pipeline of Node streams costs more per chunk than the copy itself for files of a few hundred KiB.
 * The write thread writes each chunk while the transport reads on. Stops the body on any failure and on
 * abort; always closes the file, after every write before the stop: what was written before a broken
 * connection or an abort is a valid prefix to resume from.
 */
export async function copyBodyToFile(
  opened: OpenedResource,
  path: string,
  append: boolean,
  signal: AbortSignal,
  inspect: (chunk: Uint8Array) => void,
): Promise<void> {
  const sink = openSink(path, append ? 'a' : 'w')
  const onChunk = (chunk: Uint8Array): void | Promise<void> => {
    try {
      inspect(chunk)
    } catch (error) {
      throw new CopyError('inspect', error)
    }
    try {
      return sink.write(chunk)?.catch(writeFailed)
    } catch (error) {
      writeFailed(error)
    }
  }
  let failure: CopyError | undefined
  try {
    await readBody(opened, signal, onChunk)
  } catch (error) {
    failure = error instanceof CopyError ? error : new CopyError('read', error)
  }
  try {
    await sink.close()
  } catch (error) {
    failure ??= new CopyError('write', error)
  }
  if (failure) throw failure
}

function writeFailed(error: unknown): never {
  throw new CopyError('write', error)
}

function readBody(opened: OpenedResource, signal: AbortSignal, onChunk: ChunkHandler): Promise<void> {
  // Transports honour the signal they were opened with, so an abort ends this too.
  if (opened.forEachChunk) return opened.forEachChunk(onChunk)
  // Otherwise the web stream, stopped here on abort.
  const source = webSource(opened.body)
  const onAbort = (): void => source.cancel(signal.reason)
  if (signal.aborted) onAbort()
  else signal.addEventListener('abort', onAbort, { once: true })
  return source.pump(onChunk).finally(() => signal.removeEventListener('abort', onAbort))
}
