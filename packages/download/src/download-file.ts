import { abortError, ErrorCode, type HeliokitError, type Transport } from '@heliokit/core'
import { retryDelay, sleep } from '@heliokit/core/transport-kit'
import { attemptOnce, type FileResult } from './attempt.ts'
import { type FileState, setPosition } from './file-state.ts'
import { localError } from './local-error.ts'
import { discard, startState } from './on-disk.ts'
import { PART_SUFFIX } from './part-file.ts'
import { type PlannedFile, type SourceJob, sourceJob } from './plan.ts'
import type { RunState } from './run-state.ts'
import { shouldRetry } from './should-retry.ts'

// Failures of the source, not of this machine or this request: another URL of the same bytes may work.
const MIRROR_WORTHY: ReadonlySet<string> = new Set([
  ErrorCode.NOT_FOUND,
  ErrorCode.AUTH,
  ErrorCode.HTTP,
  ErrorCode.RATE_LIMITED,
  ErrorCode.TIMEOUT,
  ErrorCode.NETWORK,
  ErrorCode.BAD_RESPONSE,
  ErrorCode.UNAVAILABLE,
  ErrorCode.INTEGRITY,
])

/**
 * Downloads one file under a signal of its own: from its URL, else from each mirror in turn, each with
 * retries. Throws the URL's own HeliokitError when every source fails.
 */
export function downloadFile(
  plan: PlannedFile,
  run: RunState,
  transportFor: (url: URL) => Transport,
): Promise<FileResult> {
  return run.signals.with(async (signal) => {
    const st = await startState(plan, run)
    let first: HeliokitError | undefined
    for (const [i, url] of plan.urls.entries()) {
      try {
        // What an earlier source wrote in this run is not resumed from another URL.
        if (i > 0 && st.known !== undefined) await discard(plan.target + PART_SUFFIX, st)
        const job = sourceJob(plan, url, transportFor)
        const result = await withRetries(job, run, st, signal)
        return i === 0 ? result : { ...result, mirror: job.safeUrl }
      } catch (thrown) {
        const error = localError(thrown, plan.rel)
        if (signal.aborted) throw abortError(signal)
        first ??= error
        if (!MIRROR_WORTHY.has(error.code) || i === plan.urls.length - 1) break
        run.logger.warn('download source failed; trying a mirror', { path: plan.rel, code: error.code })
      }
    }
    setPosition(run, plan, st, 0, 'failed')
    throw first
  })
}

/** One source of a file, attempted until it succeeds or its failure is not worth another try. */
async function withRetries(
  job: SourceJob,
  run: RunState,
  st: FileState,
  signal: AbortSignal,
): Promise<FileResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce(job, run, st, signal)
    } catch (thrown) {
      if (signal.aborted) throw abortError(signal)
      const error = localError(thrown, job.rel)
      if (!shouldRetry(error) || attempt > run.retry.limit) throw error
      const delay = retryDelay(run.retry, attempt, error.retryAfterMs)
      run.logger.debug('download retry', {
        path: job.rel,
        attempt,
        code: error.code,
        delayMs: Math.round(delay),
      })
      await sleep(delay, signal).catch(() => {
        throw abortError(signal)
      })
    }
  }
}
