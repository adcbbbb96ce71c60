import type {
  DataFile,
  HeliokitError,
  Logger,
  Progress,
  ProviderContext,
  RetryPolicy,
  Transport,
} from '@heliokit/core'

/** Where one file stands, reported with every per-file progress event. */
export interface FileProgress {
  /** The file's relative path under `outDir`. */
  readonly path: string
  /** Bytes of this file on disk so far (a resumed prefix included). */
  readonly transferredBytes: number
  readonly totalBytes?: number
  readonly state: 'downloading' | 'downloaded' | 'skipped' | 'failed'
}

/**
 * The run's totals (a core `Progress`, so any progress listener works), with `file` set when the event is
 * about one file. Chunk-level events are throttled; a file finishing always emits one event.
 */
export interface DownloadProgress extends Progress {
  readonly file?: FileProgress
  /**
   * Bytes received over the network in this run (resent bytes of retried files included).
   * `transferredBytes` also counts files already on disk and resumed prefixes, so it reaches `totalBytes`.
   */
  readonly receivedBytes: number
  /** Files found complete on disk and not downloaded (counted in `completedItems` too). */
  readonly skippedItems: number
}

export interface DownloadOptions {
  /** Folder the files are written under, as `<outDir>/<DataFile.path>`; created when missing. */
  readonly outDir: string
  /**
   * Where transports come from: a client's context (`hk.context`), which also supplies the default logger.
   * Give exactly one of `context` and `transports`.
   */
  readonly context?: Pick<ProviderContext, 'transportFor'> & { readonly logger?: Logger }
  /** Transports to pick from by URL scheme (the last one serving a scheme wins). */
  readonly transports?: readonly Transport[]
  /** Files downloaded at once. Default 8. */
  readonly concurrency?: number
  /** Download again files whose final path already exists with the expected size. Default false. */
  readonly overwrite?: boolean
  /** Retries per file for network, timeout, retryable HTTP and integrity failures. Default limit 3. */
  readonly retry?: RetryPolicy
  /** Stop the run at the first failed file and throw its error. Default false. */
  readonly failFast?: boolean
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: DownloadProgress) => void
  readonly logger?: Logger
  /**
   * Accepted content types (`application/x-netcdf`, `image/*`); a response with another declared type
   * fails as BAD_RESPONSE. Default: anything except HTML for non-HTML files.
   */
  readonly expectedContentTypes?: readonly string[]
}

/** One file that was downloaded or skipped. */
export interface FileOutcome {
  readonly file: DataFile
  /** Absolute path of the final file. */
  readonly localPath: string
  /** Size of the final file. */
  readonly size: number
  /** Bytes received in this run (0 for a skipped file; less than `size` after a resume). */
  readonly bytes: number
  /** Requests made for this file in this run. */
  readonly attempts: number
  /** Redacted mirror URL the file came from, when `file.url` failed (see `DataFile.mirrors`). */
  readonly mirror?: string
}

export interface FailedFile {
  readonly file: DataFile
  readonly error: HeliokitError
}

export interface DownloadResult {
  readonly downloaded: readonly FileOutcome[]
  readonly skipped: readonly FileOutcome[]
  readonly failed: readonly FailedFile[]
  /** Bytes received in this run by downloaded files. */
  readonly bytes: number
  readonly files: {
    readonly total: number
    readonly downloaded: number
    readonly skipped: number
    readonly failed: number
  }
  readonly durationMs: number
}
