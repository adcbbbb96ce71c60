import type { FileProgress } from './options.ts'
import type { PartInfo } from './part-file.ts'
import type { PlannedFile } from './plan.ts'
import type { RunState } from './run-state.ts'

/** One file's state, carried across its attempts. */
export interface FileState {
  attempts: number
  /** Bytes of this file currently counted in the run's progress. */
  reported: number
  /** What the temp file on disk was fetched from, learnt in this run. */
  known: PartInfo | undefined
  /** Whether a sidecar may exist on disk. */
  sidecar: boolean
  /** Prefix of the temp file that an earlier run wrote. */
  fromEarlierRun: number
  /** Whether the final path and the temp path were in their folder when the run began. */
  readonly targetAtStart: boolean
  readonly partAtStart: boolean
}

/** Moves this file's share of the run's progress to `position` bytes; final states also count the item. */
export function setPosition(
  run: RunState,
  job: PlannedFile,
  st: FileState,
  position: number,
  state: FileProgress['state'],
): void {
  const totalBytes = job.file.size ?? st.known?.size
  const delta = position - st.reported
  st.reported = position
  if (state === 'downloading') {
    run.progress.bytes(delta, job.rel, position, totalBytes)
  } else {
    run.progress.move(delta)
    run.progress.done({ path: job.rel, transferredBytes: position, totalBytes, state })
  }
}
