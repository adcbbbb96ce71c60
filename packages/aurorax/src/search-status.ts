import type { WireSearchStatus } from './schemas.ts'
import type { AuroraxSearchLog } from './search-error.ts'
import { fromWireTime } from './wire-time.ts'

/** A search request's state as `GET {request_url}` reports it. */
export interface AuroraxSearchStatus {
  readonly requestId: string
  readonly query: unknown
  readonly requested: Date | null
  /** Completed, failed or cancelled: `completed_timestamp` or `data_uri` is set. */
  readonly done: boolean
  /** The server set `error_condition`. */
  readonly failed: boolean
  readonly dataUri: string | null
  readonly completed: Date | null
  readonly queryDurationMs: number | null
  readonly fileSize: number | null
  readonly resultCount: number | null
  readonly logs: readonly AuroraxSearchLog[]
}

const time = (t: string | null | undefined): Date | null => {
  if (!t) return null
  const d = fromWireTime(t.replace(/Z$/, ''))
  return Number.isNaN(d.getTime()) ? null : d
}

export function toStatus(raw: WireSearchStatus): AuroraxSearchStatus {
  const r = raw.search_result
  return {
    requestId: raw.search_request.request_id,
    query: raw.search_request.query,
    requested: time(raw.search_request.requested),
    done: Boolean(r.completed_timestamp || r.data_uri),
    failed: r.error_condition === true,
    dataUri: r.data_uri ?? null,
    completed: time(r.completed_timestamp),
    queryDurationMs: r.query_duration ?? null,
    fileSize: r.file_size ?? null,
    resultCount: r.result_count ?? null,
    logs: raw.logs ?? [],
  }
}
