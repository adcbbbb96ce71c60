import { type ErrorCode, HeliokitError, isHeliokitError } from '@heliokit/core'
import { PROVIDER_ID } from './provider-id.ts'

/** Records `from` (inclusive) to `to` (exclusive) of an upload, sent as chunk `index` (0-based). */
export interface AuroraxChunk {
  readonly index: number
  readonly from: number
  readonly to: number
}

/** Exactly what an interrupted upload stored. */
export interface AuroraxUploadReport {
  /** Records stored: every record of `storedChunks`. */
  readonly stored: number
  readonly total: number
  readonly storedChunks: readonly AuroraxChunk[]
  /** The chunk whose request failed; nothing of it is stored unless `failedChunkMayBeStored`. */
  readonly failedChunk: AuroraxChunk
  /** True when the request failed in flight (timeout, broken connection): the server may have stored it. */
  readonly failedChunkMayBeStored: boolean
  /** Chunks never sent. */
  readonly unsentChunks: readonly AuroraxChunk[]
}

/** An upload that stopped part way; `code` is the failure's, `report` says what was stored. */
export class AuroraxUploadError extends HeliokitError {
  override name = 'AuroraxUploadError' as const
  readonly report: AuroraxUploadReport

  constructor(report: AuroraxUploadReport, cause: HeliokitError) {
    const f = report.failedChunk
    const stored = report.storedChunks.length
      ? `${report.stored} of ${report.total} records stored (chunks 1-${report.storedChunks.length})`
      : `nothing of ${report.total} records stored`
    super(
      cause.code as ErrorCode,
      `upload stopped at chunk ${f.index + 1} of ${report.storedChunks.length + 1 + report.unsentChunks.length} (records ${f.from}-${f.to - 1}): ${stored}; ${cause.message.replace(/^\[heliokit\] (\[[^\]]+\] )?/, '')}`,
      { provider: PROVIDER_ID, status: cause.status, url: cause.url, retryable: cause.retryable, cause },
    )
    this.report = report
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return isHeliokitError(value) && value.name === 'AuroraxUploadError'
  }
}
