// Node only: reached through `@heliokit/vo/votable/node`, never from the browser entry.
import { type FileHandle, open } from 'node:fs/promises'
import {
  AuthError,
  type HeliokitError,
  InvalidInputError,
  invalidField,
  NotFoundError,
  throwIfAborted,
  toHeliokitError,
} from '@heliokit/core/errors'
import { PROVIDER_ID } from '../provider-id.ts'
import type { VotableDocument } from './model.ts'
import { readSized } from './parse-votable.ts'

/** Bytes read from the file at a time, into reused buffers: each read is a thread-pool round trip. */
export const READ_SIZE: number = 1 << 20

export interface ReadVotableFileOptions {
  signal?: AbortSignal
}

/**
 * Reads a VOTable file from disk (Node), decoding its data while it is read; memory holds the values, not
 * the text. A missing file is NOT_FOUND; a document that cannot be read is a VotableError.
 */
export async function readVotableFile(
  path: string | URL,
  options: ReadVotableFileOptions = {},
): Promise<VotableDocument> {
  if (!(path instanceof URL) && (typeof path !== 'string' || path === '')) {
    throw invalidField('path', 'must be a non-empty string or a file: URL', { provider: PROVIDER_ID })
  }
  throwIfAborted(options.signal, PROVIDER_ID)
  const handle = await open(path, 'r').catch((error) => rethrow(error, path))
  try {
    const stats = await handle.stat().catch((error) => rethrow(error, path))
    if (stats.isDirectory()) throw fileError({ code: 'EISDIR' }, path)
    return await readSized(pieces(handle, path), stats.size, options.signal)
  } finally {
    await handle.close()
  }
}

/**
 * The file's bytes in two buffers taken in turn: the next piece is read (on Node's thread pool) while the
 * reader parses this one, which it is done with (whatever it keeps of a cut token, it copies) before it
 * asks for the next.
 */
async function* pieces(handle: FileHandle, path: string | URL): AsyncIterable<Uint8Array> {
  const buffers = [new Uint8Array(READ_SIZE), new Uint8Array(READ_SIZE)]
  const read = (buffer: Uint8Array) =>
    handle.read(buffer, 0, READ_SIZE, null).catch((error) => rethrow(error, path))
  let next = read(buffers[0]!)
  try {
    for (let turn = 0; ; turn ^= 1) {
      const { bytesRead, buffer } = await next
      if (bytesRead === 0) return
      next = read(buffers[turn ^ 1]!)
      yield bytesRead === READ_SIZE ? buffer : buffer.subarray(0, bytesRead)
    }
  } finally {
    // A read still under way when the parse stops (an error, an abort) must not fail unobserved.
    next.catch(() => {})
  }
}

function rethrow(error: unknown, path: string | URL): never {
  throw fileError(error, path)
}

/** A file system error as the HeliokitError a caller can act on; the path is the caller's own. */
function fileError(error: unknown, path: string | URL): HeliokitError {
  const code = (error as NodeJS.ErrnoException).code
  const info = { provider: PROVIDER_ID, cause: error }
  const name = JSON.stringify(String(path))
  if (code === 'ENOENT') return new NotFoundError(`no VOTable file at ${name}`, info)
  if (code === 'EACCES' || code === 'EPERM') return new AuthError(`not allowed to read ${name}`, info)
  if (code === 'EISDIR' || code === 'ENOTDIR') {
    return new InvalidInputError(`${name} is not a file`, {
      ...info,
      issues: [{ path: 'path', message: 'is not a file' }],
    })
  }
  return toHeliokitError(error, PROVIDER_ID)
}
