import { abortError } from '@heliokit/core'
import { retryDelay, sleep } from '@heliokit/core/transport-kit'
import { attemptOnce, type FileResult } from './attempt.ts'
import { setPosition } from './file-state.ts'
import { localError } from './local-error.ts'
import { startState } from './on-disk.ts'
import type { PlannedFile } from './plan.ts'
import type { RunState } from './run-state.ts'
import { shouldRetry } from './should-retry.ts'

/** Downloads one file with retries, under a signal of its own; throws its HeliokitError when it finally fails. */
export function downloadFile(job: PlannedFile, run: RunState): Promise<FileResult> {
  return run.signals.with(async (signal) => {
    const st = await startState(job, run)
    for (let attempt = 1; ; attempt++) {
      try {
        return await attemptOnce(job, run, st, signal)
      } catch (thrown) {
        if (signal.aborted) throw abortError(signal)
        const error = localError(thrown, job.rel)
        if (!shouldRetry(error) || attempt > run.retry.limit) {
          setPosition(run, job, st, 0, 'failed')
          throw error
        }
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
  })
}
