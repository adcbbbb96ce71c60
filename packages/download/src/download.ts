import { mkdir, realpath } from 'node:fs/promises'
import { resolve } from 'node:path'
import {
  abortError,
  ConflictError,
  createProviderContext,
  type DataFile,
  type HeliokitError,
  InvalidInputError,
  type Logger,
  silentLogger,
  type Transport,
  throwIfAborted,
  toHeliokitError,
} from '@heliokit/core'
import { type ResolvedRetry, resolveRetry } from '@heliokit/core/transport-kit'
import { DirectoryCache } from './directory-cache.ts'
import { downloadFile } from './download-file.ts'
import { FileSignals } from './file-signals.ts'
import type { DownloadOptions, DownloadResult, FailedFile, FileOutcome } from './options.ts'
import { type PlannedFile, planFile } from './plan.ts'
import { ProgressTracker } from './progress-tracker.ts'
import { runBounded } from './run-bounded.ts'
import { RunState } from './run-state.ts'
import { downloadRetry } from './should-retry.ts'

/**
 * Downloads files to `<outDir>/<path>`, `concurrency` at a time, each through a temp file renamed into
 * place only once complete and verified. Failed files are reported in the result, not thrown (unless
 * `failFast`); an abort throws ABORTED and leaves temp files to resume from on the next run.
 */
export async function download(
  files: Iterable<DataFile> | AsyncIterable<DataFile>,
  options: DownloadOptions,
): Promise<DownloadResult> {
  const started = performance.now()
  const { transportFor, logger, retry } = checkOptions(files, options)
  throwIfAborted(options.signal)

  const root = resolve(options.outDir)
  let realRoot: string
  try {
    await mkdir(root, { recursive: true })
    realRoot = await realpath(root)
  } catch (cause) {
    throw new InvalidInputError(`cannot create the output folder ${root}`, { cause })
  }

  const stop = new AbortController()
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal
  const known = Array.isArray(files) ? (files as readonly DataFile[]) : undefined
  const totalBytes = known?.every((f) => typeof f?.size === 'number')
    ? known.reduce((sum, f) => sum + (f.size ?? 0), 0)
    : undefined
  const progress = new ProgressTracker(options.onProgress, known?.length, totalBytes, logger)
  const signals = new FileSignals(signal)
  const run = new RunState({
    signals,
    overwrite: options.overwrite ?? false,
    retry,
    expectedContentTypes: options.expectedContentTypes,
    logger,
    dirs: new DirectoryCache(realRoot),
    progress,
  })

  const downloaded: FileOutcome[] = []
  const skipped: FileOutcome[] = []
  const failed: FailedFile[] = []
  const active = new Set<string>()
  let bytes = 0
  let firstFailure: HeliokitError | undefined

  const one = async (file: DataFile): Promise<void> => {
    if (signals.aborted) return
    let plan: PlannedFile | undefined
    try {
      const planned = planFile(file, root)
      if (active.has(planned.target)) {
        throw new ConflictError(`${planned.rel}: another file in this run is being written to the same path`)
      }
      // Set once its path is claimed: a file failing before that reports its own progress event below.
      plan = planned
      active.add(plan.target)
      const r = await downloadFile(plan, run, transportFor)
      const outcome: FileOutcome = {
        file,
        localPath: plan.target,
        size: r.size,
        bytes: r.bytes,
        attempts: r.attempts,
        ...(r.mirror === undefined ? {} : { mirror: r.mirror }),
      }
      if (r.skipped) {
        skipped.push(outcome)
      } else {
        downloaded.push(outcome)
        bytes += r.bytes
      }
    } catch (thrown) {
      // Each file's failure names its provider, as every error a provider reports must.
      const error = toHeliokitError(thrown, typeof file?.provider === 'string' ? file.provider : undefined)
      // Files cut short by an abort or by failFast are neither done nor failed: the run throws.
      if (signals.aborted) return
      failed.push({ file, error })
      const path = plan?.rel ?? String((file as Partial<DataFile> | undefined)?.path ?? '')
      if (!plan) progress.done({ path, transferredBytes: 0, state: 'failed' })
      logger.warn('download failed', { path, code: error.code, message: error.message })
      if (options.failFast && !firstFailure) {
        firstFailure = error
        stop.abort()
      }
    } finally {
      if (plan) active.delete(plan.target)
    }
  }

  try {
    await runBounded(files, options.concurrency ?? 8, signals, one)
  } catch (error) {
    throw toHeliokitError(error)
  }
  if (options.signal?.aborted) throw abortError(options.signal)
  if (firstFailure) throw firstFailure
  progress.finish()
  return {
    downloaded,
    skipped,
    failed,
    bytes,
    files: {
      total: downloaded.length + skipped.length + failed.length,
      downloaded: downloaded.length,
      skipped: skipped.length,
      failed: failed.length,
    },
    durationMs: performance.now() - started,
  }
}

function checkOptions(
  files: unknown,
  options: DownloadOptions,
): { transportFor: (url: URL) => Transport; logger: Logger; retry: ResolvedRetry } {
  const issues: { path: string; message: string }[] = []
  if (typeof options !== 'object' || options === null)
    throw new InvalidInputError('download options are required')
  if (
    files === null ||
    typeof files !== 'object' ||
    !(Symbol.iterator in files || Symbol.asyncIterator in files)
  ) {
    issues.push({ path: 'files', message: 'must be an array or an (async) iterable of DataFile' })
  }
  if (typeof options.outDir !== 'string' || options.outDir === '') {
    issues.push({ path: 'outDir', message: 'is required' })
  }
  if ((options.context === undefined) === (options.transports === undefined)) {
    issues.push({ path: 'transports', message: 'give exactly one of `context` and `transports`' })
  }
  if (options.transports !== undefined && !Array.isArray(options.transports)) {
    issues.push({ path: 'transports', message: 'must be an array of transports' })
  }
  const c = options.concurrency
  if (c !== undefined && !(Number.isInteger(c) && c >= 1 && c <= 1024)) {
    issues.push({ path: 'concurrency', message: 'must be an integer from 1 to 1024' })
  }
  if (options.expectedContentTypes !== undefined && !Array.isArray(options.expectedContentTypes)) {
    issues.push({ path: 'expectedContentTypes', message: 'must be an array of content types' })
  }
  if (issues.length > 0) {
    throw new InvalidInputError(
      `invalid download options: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
      { issues },
    )
  }
  const logger = options.logger ?? options.context?.logger ?? silentLogger
  const context = options.context ?? createProviderContext(options.transports ?? [], logger)
  return {
    transportFor: (url) => context.transportFor(url),
    logger,
    retry: resolveRetry(options.retry, downloadRetry),
  }
}
