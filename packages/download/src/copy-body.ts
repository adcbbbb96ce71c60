import type { ChunkHandler, OpenedResource } from '@heliokit/core'
import { webSource } from '@heliokit/core/transport-kit'
import { type FileSink, openSink } from './file-writer.ts'

/** Which side of the copy failed, so the caller can tell a broken connection from a full disk. */
export class CopyError extends Error {
  /** `check`: the content was refused (by `inspect` or `verify`). */
  readonly stage: 'read' | 'check' | 'write'
  constructor(stage: 'read' | 'check' | 'write', cause: unknown) {
    super(
      `body copy failed while ${stage === 'read' ? 'reading' : stage === 'write' ? 'writing' : 'checking'}`,
      {
        cause,
      },
    )
    this.stage = stage
  }
}

/** What the copy checks, and where a complete body goes. */
export interface CopyChecks {
  /** Called on each chunk before it is kept; throws to refuse the body. */
  readonly inspect: (chunk: Uint8Array) => void
  /** Called once the whole body is written; throws to refuse it. */
  readonly verify: () => void
  /** Where the file is renamed to once verified. */
  readonly target: string
}

/**
 * Copies a response body into the temp file `path` (appending or truncating) and, once `verify` passes,
 * renames it to `target` (in the same step as closing it, on the write thread). Uses the transport's
 * `forEachChunk` when it has one, else reads the web stream directly: a pipeline of Node streams costs
 * more per chunk than the copy itself for files of a few hundred KiB. The write thread writes each chunk
 * while the transport reads on. Stops the body on any failure and on abort; always closes the file,
 * after every write before the stop: what was written before a broken connection or an abort is a valid
 * prefix to resume from.
 */
export async function copyBodyToFile(
  opened: OpenedResource,
  path: string,
  append: boolean,
  signal: AbortSignal,
  checks: CopyChecks,
): Promise<void> {
  let sink: FileSink
  try {
    sink = openSink(path, append ? 'a' : 'w')
  } catch (error) {
    // The write thread could not start (a file that cannot be opened fails later, at write or close).
    await opened.body.cancel().catch(() => undefined)
    throw new CopyError('write', error)
  }
  const onChunk: ChunkHandler = (chunk) => {
    try {
      checks.inspect(chunk)
    } catch (error) {
      throw new CopyError('check', error)
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
  if (!failure) {
    try {
      checks.verify()
    } catch (error) {
      failure = new CopyError('check', error)
    }
  }
  try {
    await sink.close(failure ? undefined : checks.target)
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
