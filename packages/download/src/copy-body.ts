import { type ChunkHandler, type OpenedResource, webSource } from '@heliokit/core'
import { type OpenFile, openFile } from './open-file.ts'

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
 * Each chunk is written before the next is taken, as a lent chunk must be; the transport reads ahead
 * meanwhile. Stops the body on any failure and on abort; always closes the file.
 */
export async function copyBodyToFile(
  opened: OpenedResource,
  path: string,
  append: boolean,
  signal: AbortSignal,
  inspect: (chunk: Uint8Array) => void,
): Promise<void> {
  let file: OpenFile
  try {
    file = await openFile(path, append ? 'a' : 'w')
  } catch (error) {
    await opened.body.cancel().catch(() => undefined)
    throw new CopyError('write', error)
  }
  let writing: Promise<void> | undefined
  const onChunk = (chunk: Uint8Array): Promise<void> => {
    try {
      inspect(chunk)
    } catch (error) {
      throw new CopyError('inspect', error)
    }
    writing = writeAll(file, chunk).catch((error: unknown) => {
      throw new CopyError('write', error)
    })
    return writing
  }
  try {
    await readBody(opened, signal, onChunk)
  } catch (error) {
    // An abort can end the read while a write is under way: let it finish before the file closes.
    // What was written before a broken connection or an abort is a valid prefix to resume from.
    await writing?.catch(() => undefined)
    throw error instanceof CopyError ? error : new CopyError('read', error)
  } finally {
    await file.close()
  }
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

async function writeAll(file: OpenFile, chunk: Uint8Array): Promise<void> {
  let rest = chunk
  while (rest.length > 0) {
    // write may write less than asked; continue after what was written.
    rest = rest.subarray(await file.write(rest))
  }
}
