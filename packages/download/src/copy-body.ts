import { open } from 'node:fs/promises'

/** Reading pauses when this much is waiting for the disk. */
const MAX_PENDING_BYTES = 1 << 20

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
 * is kept. Reads the web stream directly and writes with `writev` in batches: a pipeline of Node streams
 * costs more per chunk than the copy itself for files of a few hundred KiB. Cancels the body on any
 * failure and on abort; always closes the file.
 */
export async function copyBodyToFile(
  body: ReadableStream<Uint8Array>,
  path: string,
  append: boolean,
  signal: AbortSignal,
  inspect: (chunk: Uint8Array) => void,
): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(path, append ? 'a' : 'w')
  } catch (error) {
    await body.cancel().catch(() => undefined)
    throw new CopyError('write', error)
  }
  const reader = body.getReader()
  const onAbort = (): void => {
    reader.cancel(signal.reason).catch(() => undefined)
  }
  signal.addEventListener('abort', onAbort, { once: true })
  // One write in flight while the next batch fills: disk and network overlap, memory stays bounded.
  let batch: Uint8Array[] = []
  let batched = 0
  let writing: Promise<void> | undefined
  let writeError: unknown
  const kick = (): void => {
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
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>
      try {
        next = await reader.read()
      } catch (error) {
        throw new CopyError('read', error)
      }
      // A cancel on abort ends the stream as if it were complete; it is not.
      if (next.done) {
        if (signal.aborted) throw new CopyError('read', signal.reason)
        break
      }
      try {
        inspect(next.value)
      } catch (error) {
        throw new CopyError('inspect', error)
      }
      batch.push(next.value)
      batched += next.value.length
      kick()
      if (batched >= MAX_PENDING_BYTES) await drain()
      else if (writeError !== undefined) throw new CopyError('write', writeError)
    }
    await drain()
    kick()
    await drain()
  } catch (error) {
    reader.cancel().catch(() => undefined)
    // Bytes read before a broken connection or an abort are a valid prefix to resume from.
    const keep = error instanceof CopyError && error.stage === 'read'
    await drain().catch(() => undefined)
    if (keep) {
      kick()
      await drain().catch(() => undefined)
    }
    throw error
  } finally {
    signal.removeEventListener('abort', onAbort)
    await handle.close()
  }
}

async function writeAll(handle: Awaited<ReturnType<typeof open>>, chunks: Uint8Array[]): Promise<void> {
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
