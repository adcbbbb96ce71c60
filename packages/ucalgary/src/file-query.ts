import { type FileQuery, parseTimeRange, type TimeInput } from '@heliokit/core'
import { datasetName, type InclusiveRange, inclusiveRange, uid } from './input.ts'
import { PROVIDER_ID } from './provider-id.ts'

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

/**
 * A core FileQuery, whose range is half-open like every provider's: the last whole second before
 * `end` becomes the inclusive end the server expects.
 */
export function capabilityQuery(query: FileQuery): ListingQuery {
  const { start, end } = parseTimeRange(query.start, query.end, 'range', PROVIDER_ID)
  const lastSecond = Math.max(start.getTime(), Math.ceil(end.getTime() / 1000) * 1000 - 1000)
  return listingQuery(query.dataset, start, new Date(lastSecond), { site: query.site, device: query.device })
}
