import { type FileQuery, parseTimeRange, type TimeInput } from '@heliokit/core'
import { datasetName, uid } from '../input-fields.ts'
import { PROVIDER_ID } from '../provider-id.ts'
import { type InclusiveRange, inclusiveRange } from './inclusive-range.ts'

/** A validated listing request. */
export interface ListingQuery {
  readonly dataset: string
  readonly range: InclusiveRange
  readonly site?: string
  readonly device?: string
}

/** The typed API's query: `end` inclusive, as in pyucalgarysrs. */
export function listingQuery(
  dataset: unknown,
  start: TimeInput,
  end: TimeInput,
  options: { site?: unknown; device?: unknown },
): ListingQuery {
  return {
    dataset: datasetName(dataset),
    range: inclusiveRange(start, end),
    site: uid(options.site, 'site'),
    device: uid(options.device, 'device'),
  }
}

/** A core FileQuery's half-open range, whose last whole second before `end` is the server's inclusive end. */
export function capabilityQuery(query: FileQuery): ListingQuery {
  const { start, end } = parseTimeRange(query.start, query.end, 'range', PROVIDER_ID)
  const lastSecond = Math.max(start.getTime(), Math.ceil(end.getTime() / 1000) * 1000 - 1000)
  return listingQuery(query.dataset, start, new Date(lastSecond), { site: query.site, device: query.device })
}
