import { open } from 'node:fs/promises'
import type { ChunkHandler, OpenedResource } from '@heliokit/core'

/** Reading pauses when this much is waiting for the disk. */
const MAX_PENDING_BYTES = 1 << 20

type FileHandle = Awaited<ReturnType<typeof open>>

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
 * is kept. Uses the transport's `forEachChunk` when it has one, else reads the web stream directly, and
 * writes with `writev` in batches: a pipeline of Node streams costs more per chunk than the copy itself
 * for files of a few hundred KiB. Stops the body on any failure and on abort; always closes the file.
 */
export async function copyBodyToFile(
  opened: OpenedResource,
  path: string,
  append: boolean,
  signal: AbortSignal,
  inspect: (chunk: Uint8Array) => void,
): Promise<void> {
  let handle: FileHandle
  try {
    handle = await open(path, append ? 'a' : 'w')
  } catch (error) {
    await opened.body.cancel().catch(() => undefined)
    throw new CopyError('write', error)
  }
  const writer = batchedWriter(handle)
  const onChunk = (chunk: Uint8Array): void | Promise<void> => {
    try {
      inspect(chunk)
    } catch (error) {
      throw new CopyError('inspect', error)
    }
    return writer.add(chunk)
  }
  try {
    try {
      await readBody(opened, signal, onChunk)
    } catch (error) {
      throw error instanceof CopyError ? error : new CopyError('read', error)
    }
    await writer.flush()
  } catch (error) {
    // Bytes read before a broken connection or an abort are a valid prefix to resume from.
    const keep = error instanceof CopyError && error.stage === 'read'
    await (keep ? writer.flush() : writer.settle()).catch(() => undefined)
    throw error
  } finally {
    await handle.close()
  }
}

function readBody(opened: OpenedResource, signal: AbortSignal, onChunk: ChunkHandler): Promise<void> {
  // Transports honour the signal they were opened with, so an abort ends this too.
  if (opened.forEachChunk) return opened.forEachChunk(onChunk)
  return readStream(opened.body, signal, onChunk)
}

async function readStream(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  onChunk: ChunkHandler,
): Promise<void> {
  const reader = body.getReader()
  const onAbort = (): void => {
    reader.cancel(signal.reason).catch(() => undefined)
  }
  signal.addEventListener('abort', onAbort, { once: true })
  try {
    for (;;) {
      const next = await reader.read()
      // A cancel on abort ends the stream as if it were complete; it is not.
      if (next.done) {
        if (signal.aborted) throw signal.reason
        return
      }
      await onChunk(next.value)
    }
  } catch (error) {
    reader.cancel().catch(() => undefined)
    throw error
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
}

/**
 * Chunks gathered and written with `writev`, one write in flight while the next batch fills: disk and
 * network overlap, and memory stays bounded (`add` returns a promise once MAX_PENDING_BYTES wait).
 * A write starts a microtask after the chunk that calls for it, so chunks handed over together (a
 * small file that arrived while its temp file was being opened) go out in one `writev`.
 */
function batchedWriter(handle: FileHandle): {
  add(chunk: Uint8Array): void | Promise<void>
  /** Writes everything added; throws the write's failure. */
  flush(): Promise<void>
  /** Waits for the write in flight, dropping what was not yet written. */
  settle(): Promise<void>
} {
  let batch: Uint8Array[] = []
  let batched = 0
  let writing: Promise<void> | undefined
  let writeError: unknown
  let scheduled = false
  const kick = (): void => {
    scheduled = false
    if (writing || batched === 0 || writeError !== undefined) return
    const chunks = batch
    batch = []
    batched = 0
    writing = writeAll(handle, chunks).then(
      () => {
        writing = undefined
        kick()
      },
      (error: unknown) => {
        writeError = error
        writing = undefined
      },
    )
  }
  const drain = async (): Promise<void> => {
    while (writing) await writing
    if (writeError !== undefined) throw new CopyError('write', writeError)
  }
  return {
    add(chunk) {
      if (writeError !== undefined) throw new CopyError('write', writeError)
      batch.push(chunk)
      batched += chunk.length
      if (batched >= MAX_PENDING_BYTES) {
        kick()
        return drain()
      }
      if (!scheduled && !writing) {
        scheduled = true
        queueMicrotask(kick)
      }
    },
    async flush() {
      await drain()
      kick()
      await drain()
    },
    async settle() {
      batch = []
      batched = 0
      while (writing) await writing
    },
  }
}

async function writeAll(handle: FileHandle, chunks: Uint8Array[]): Promise<void> {
  let rest = chunks
  while (rest.length > 0) {
    let { bytesWritten } = await handle.writev(rest)
    // writev may write less than asked; continue after what was written.
    const left: Uint8Array[] = []
    for (const chunk of rest) {
      if (bytesWritten >= chunk.length) {
        bytesWritten -= chunk.length
      } else {
        left.push(bytesWritten > 0 ? chunk.subarray(bytesWritten) : chunk)
        bytesWritten = 0
      }
    }
    rest = left
  }
}
