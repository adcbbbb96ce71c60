/**
 * One progress report from a long operation. Byte counts are always present; item counts appear when
 * the operation works on several things (files, records, pages).
 */
export interface Progress {
  /** Bytes moved so far. */
  readonly transferredBytes: number
  /** Total bytes expected, when known. */
  readonly totalBytes?: number
  /** Items finished so far (files downloaded or skipped, records uploaded, pages listed). */
  readonly completedItems?: number
  /** Total items expected, when known. */
  readonly totalItems?: number
  /** The item this report is about, e.g. a file's relative path. */
  readonly item?: string
}

export type ProgressListener = (progress: Progress) => void

/** `transferred / total` in [0, 1], or undefined when the total is unknown. */
export function progressRatio(done: number, total: number | undefined): number | undefined {
  if (total === undefined) return undefined
  return total === 0 ? 1 : Math.min(1, done / total)
}
