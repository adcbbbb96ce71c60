import { InternalError, isHeliokitError } from '@heliokit/core'

/** Runs a caller's authorize hook; its failure surfaces as a HeliokitError without the hook's text. */
export async function runAuthorize(
  authorize: (() => void | Promise<void>) | undefined,
  provider: string | undefined,
): Promise<void> {
  if (!authorize) return
  try {
    await authorize()
  } catch (error) {
    if (isHeliokitError(error)) throw error
    throw new InternalError('authorize hook failed', { provider, cause: error })
  }
}
