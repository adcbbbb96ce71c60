import { parseTime, type TimeInput } from '@heliokit/core'
import { bucketEndpoint } from './bucket-endpoint.ts'
import { invalid } from './provider-error.ts'
import { PROVIDER_ID } from './provider-id.ts'
import type { ScregistryEvent } from './scregistry-event.ts'

/** A file listing of one dataset over [start, stop). */
export interface ScregistryFilesQuery {
  /** The catalog entry id (exact, else compared without case). */
  readonly dataset: string
  /** Bucket name, `s3://bucket/` or `https://` folder; default: the one bucket of the network listing it. */
  readonly bucket?: string
  readonly start: TimeInput
  /** End of the range (not included); `end` is accepted too, as in core's FileQuery. */
  readonly stop?: TimeInput
  readonly end?: TimeInput
  readonly signal?: AbortSignal
  /** Missing years and cache use, as they happen. */
  readonly onEvent?: (event: ScregistryEvent) => void
}

export interface ParsedFilesQuery {
  readonly dataset: string
  readonly endpoint?: string
  readonly start: Date
  readonly stop: Date
}

const DATASET = /^[A-Za-z0-9_.-]{1,256}$/

/** A caller's time as a Date; INVALID_INPUT from this provider naming the field otherwise. */
export function queryTime(value: unknown, field: string): Date {
  return parseTime(value as TimeInput, field, PROVIDER_ID)
}

/** The query checked before anything is sent: INVALID_INPUT for a bad id, bucket or range. */
export function filesQuery(query: Partial<ScregistryFilesQuery> | undefined): ParsedFilesQuery {
  if (typeof query !== 'object' || query === null) throw invalid('query', 'must be an object')
  if (typeof query.dataset !== 'string' || !DATASET.test(query.dataset)) {
    throw invalid('dataset', 'must be a catalog id: letters, digits, "_", "-" or "."')
  }
  const stopInput = query.stop ?? query.end
  if (stopInput === undefined) throw invalid('stop', 'is required')
  const start = queryTime(query.start, 'start')
  const stop = queryTime(stopInput, query.stop === undefined ? 'end' : 'stop')
  if (stop.getTime() < start.getTime()) {
    throw invalid('stop', `(${stop.toISOString()}) is before start (${start.toISOString()})`)
  }
  const endpoint = query.bucket === undefined ? undefined : bucketEndpoint(query.bucket)
  return { dataset: query.dataset, endpoint, start, stop }
}
