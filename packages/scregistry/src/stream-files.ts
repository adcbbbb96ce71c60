import { type DataFile, type HeliokitError, type ProviderContext, throwIfAborted } from '@heliokit/core'
import { invalid, providerError } from './provider-error.ts'
import { PROVIDER_ID } from './provider-id.ts'

/** Receives one file's bytes; the body is cancelled if the handler returns without reading it all. */
export type ScregistryFileHandler = (body: ReadableStream<Uint8Array>, file: DataFile) => void | Promise<void>

export interface ScregistryStreamOptions {
  /** Files open at once. Default 4. */
  readonly concurrency?: number
  /** Stop at the first failure and throw it. Default false: failures are reported in the result. */
  readonly failFast?: boolean
  readonly signal?: AbortSignal
}

export interface ScregistryStreamResult {
  /** Files handed to the handler that it finished without error. */
  readonly handled: number
  readonly failed: readonly { readonly file: DataFile; readonly error: HeliokitError }[]
}

/** Opens each file through the context's transports and hands its body to `handler`, a few at a time. */
export async function streamFiles(
  ctx: ProviderContext,
  files: Iterable<DataFile> | AsyncIterable<DataFile>,
  handler: ScregistryFileHandler,
  options: ScregistryStreamOptions,
): Promise<ScregistryStreamResult> {
  const concurrency = options.concurrency ?? 4
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    throw invalid('concurrency', 'must be an integer from 1 to 256')
  }
  if (typeof handler !== 'function') throw invalid('handler', 'must be a function')
  const { signal } = options
  throwIfAborted(signal, PROVIDER_ID)
  const iterator =
    Symbol.asyncIterator in files
      ? files[Symbol.asyncIterator]()
      : (files as Iterable<DataFile>)[Symbol.iterator]()
  const failed: { file: DataFile; error: HeliokitError }[] = []
  let handled = 0
  let stopped: HeliokitError | undefined
  const one = async (file: DataFile): Promise<void> => {
    const opened = await ctx.transportFor(file.url).open(new URL(file.url), { signal })
    try {
      await handler(opened.body, file)
    } finally {
      await opened.body.cancel().catch(() => {})
    }
  }
  const worker = async (): Promise<void> => {
    while (stopped === undefined) {
      throwIfAborted(signal, PROVIDER_ID)
      const next = await iterator.next()
      if (next.done) return
      try {
        await one(next.value)
        handled++
      } catch (error) {
        const converted = providerError(error)
        if (options.failFast || converted.code === 'ABORTED') stopped ??= converted
        else failed.push({ file: next.value, error: converted })
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: concurrency }, worker))
  } catch (error) {
    throw providerError(error)
  }
  if (stopped) throw stopped
  return { handled, failed }
}
