import type { HeliokitError, Progress, RetryPolicy } from '@heliokit/core'

/**
 * A download progress report: `unit` says whether a bar should use bytes (total known) or files.
 * `transferredBytes` moves toward `totalBytes` also for files already on disk; `receivedBytes` counts
 * only what came over the network in this run, `skippedItems` the files already there.
 */
export interface UcalgaryDownloadProgress extends Progress {
  readonly unit: 'bytes' | 'files'
  readonly receivedBytes: number
  readonly skippedItems: number
}

export interface UcalgaryDownloadSettings {
  /** Root folder; files land at `<outDir>/<DATASET>/<path in the data tree>`. Default `~/heliokit_data`. */
  readonly outDir?: string
  /** Files downloaded at once. Default 8. */
  readonly concurrency?: number
  /** Download files again even when they exist with the right size. Default false. */
  readonly overwrite?: boolean
  /** Retries per file. Default: @heliokit/download's (3). */
  readonly retry?: RetryPolicy
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: UcalgaryDownloadProgress) => void
}

export interface UcalgaryFailedFile {
  readonly url: string
  /** Path below `outDir`. */
  readonly path: string
  readonly error: HeliokitError
}

export interface UcalgaryDownloadResult {
  readonly dataset: string
  /** `<outDir>/<DATASET>`: the mirror of the dataset's data tree. */
  readonly datasetDir: string
  /** Absolute paths of every listed file now on disk (downloaded or already there), in listing order. */
  readonly files: readonly string[]
  /** Files listed. */
  readonly count: number
  readonly downloaded: number
  readonly skipped: number
  readonly failed: readonly UcalgaryFailedFile[]
  /** Bytes received in this run. */
  readonly bytes: number
  /** Bytes of all listed files, when the listing reported them. */
  readonly totalBytes?: number
  /** Things worth telling the user that are not failures, e.g. an empty listing. */
  readonly warnings: readonly string[]
}
