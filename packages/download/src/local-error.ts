import { type HeliokitError, InternalError, isHeliokitError } from '@heliokit/core'

/** A local file-system failure as a HeliokitError naming the path and the system's code. */
export function localError(error: unknown, rel: string): HeliokitError {
  if (isHeliokitError(error)) return error
  const code = (error as NodeJS.ErrnoException | null)?.code
  return new InternalError(`${rel}: cannot write the local file (${code ?? 'file system error'})`, {
    cause: error,
  })
}
