import type { Logger } from '@heliokit/core'
import type { DownloadProgress, FileProgress } from './options.ts'

const THROTTLE_MS = 100

/** Run totals plus throttled per-file events; a finished file always emits. */
export class ProgressTracker {
  readonly #listener: ((progress: DownloadProgress) => void) | undefined
  readonly #totalItems: number | undefined
  readonly #totalBytes: number | undefined
  readonly #logger: Logger
  #listenerFailed = false
  #transferred = 0
  #received = 0
  #completed = 0
  #skipped = 0
  #lastEmit = 0

  constructor(
    listener: ((progress: DownloadProgress) => void) | undefined,
    totalItems: number | undefined,
    totalBytes: number | undefined,
    logger: Logger,
  ) {
    this.#listener = listener
    this.#logger = logger
    this.#totalItems = totalItems
    this.#totalBytes = totalBytes
  }

  /** Moves the run's byte count by `delta` (negative when a file restarts from zero) without reporting. */
  move(delta: number): void {
    this.#transferred += delta
  }

  /** Counts bytes that came over the network (the run's position moves separately). */
  received(count: number): void {
    this.#received += count
  }

  /**
   * Moves the run's byte count and reports it, at most once per throttle interval. Called per chunk,
   * so the file's event is described by arguments and built only when it is sent.
   */
  bytes(delta: number, path: string, transferredBytes: number, totalBytes: number | undefined): void {
    this.#transferred += delta
    if (!this.#listener) return
    const now = performance.now()
    if (now - this.#lastEmit < THROTTLE_MS) return
    this.#lastEmit = now
    this.#emit({ path, transferredBytes, totalBytes, state: 'downloading' })
  }

  /** A file is finished: downloaded, skipped or failed. */
  done(file: FileProgress): void {
    this.#completed++
    if (file.state === 'skipped') this.#skipped++
    this.#emit(file)
  }

  /** The last event of a run, with final totals. */
  finish(): void {
    this.#emit(undefined)
  }

  #emit(file: FileProgress | undefined): void {
    try {
      this.#listener?.({
        transferredBytes: this.#transferred,
        totalBytes: this.#totalBytes,
        completedItems: this.#completed,
        totalItems: this.#totalItems,
        receivedBytes: this.#received,
        skippedItems: this.#skipped,
        item: file?.path,
        file,
      })
    } catch (error) {
      // A broken progress callback must not fail (or be blamed on) a download; say so once.
      if (!this.#listenerFailed) this.#logger.warn('onProgress threw; ignoring', { error: String(error) })
      this.#listenerFailed = true
    }
  }
}
