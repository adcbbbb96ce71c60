import { randomUUID } from 'node:crypto'
import { wireTime } from './wire.ts'

export type SearchKind = 'ephemeris' | 'data_products' | 'conjunctions'

interface Log {
  readonly level: string
  readonly summary: string
  readonly timestamp: string
}

/** One asynchronous search: accepted now, its result revealed `delayMs` later. */
export interface SearchRequest {
  readonly id: string
  readonly kind: SearchKind
  readonly url: string
  readonly query: unknown
  readonly requested: number
  readonly readyAt: number
  /** Status polls needed before the result is available. */
  readonly readyAfterPolls: number
  polls: number
  /** The `{"result": [...]}` document, serialised once. */
  readonly body: string
  readonly count: number
  /** Why the search failed, when it did. */
  readonly failure: string | undefined
  cancelled: boolean
  expired: boolean
  readonly logs: Log[]
}

/** The requests the emulator has accepted, by id. */
export class SearchRequests {
  readonly all: Map<string, SearchRequest> = new Map()

  add(
    kind: SearchKind,
    baseUrl: string,
    query: unknown,
    outcome: { result: unknown[] } | { failure: string },
    delayMs: number,
    readyAfterPolls = 0,
  ): SearchRequest {
    const id = randomUUID()
    const now = Date.now()
    const result = 'result' in outcome ? outcome.result : []
    const request: SearchRequest = {
      id,
      kind,
      url: `${baseUrl}/api/v1/${kind}/requests/${id}`,
      query,
      requested: now,
      readyAt: now + delayMs,
      readyAfterPolls,
      polls: 0,
      body: JSON.stringify({ result }),
      count: result.length,
      failure: 'failure' in outcome ? outcome.failure : undefined,
      cancelled: false,
      expired: false,
      logs: [{ level: 'info', summary: 'Search request accepted', timestamp: wireTime(now) }],
    }
    this.all.set(id, request)
    return request
  }
}

/** Whether the search has finished (completed, failed or cancelled). */
export function isDone(r: SearchRequest, now: number): boolean {
  return r.cancelled || (now >= r.readyAt && r.polls >= r.readyAfterPolls)
}

/** The status document of `GET {request_url}`. */
export function statusOf(r: SearchRequest, now: number): Record<string, unknown> {
  const done = isDone(r, now)
  const failed = r.cancelled || (done && r.failure !== undefined)
  const logs = [...r.logs]
  if (!done) logs.push({ level: 'info', summary: 'Executing search', timestamp: wireTime(r.requested) })
  else if (r.cancelled)
    logs.push({ level: 'warn', summary: 'Search request was cancelled', timestamp: wireTime(now) })
  else if (r.failure !== undefined)
    logs.push({ level: 'error', summary: r.failure, timestamp: wireTime(r.readyAt) })
  else
    logs.push({
      level: 'info',
      summary: `Search completed, found ${r.count} records`,
      timestamp: wireTime(r.readyAt),
    })
  const completed = done && !failed
  return {
    search_request: { request_id: r.id, query: r.query, requested: wireTime(r.requested) },
    search_result: {
      data_uri: completed ? `${r.url}/data` : null,
      completed_timestamp: done ? wireTime(r.cancelled ? now : r.readyAt) : null,
      query_duration: done ? Math.max(0, r.readyAt - r.requested) : null,
      file_size: completed ? Buffer.byteLength(r.body) : null,
      result_count: completed ? r.count : null,
      error_condition: failed,
    },
    logs,
  }
}
