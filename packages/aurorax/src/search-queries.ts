import type { TimeInput } from '@heliokit/core'
import {
  type AuroraxCriteria,
  type AuroraxDistances,
  type AuroraxSourceCriteria,
  blockLabels,
  conjunctionDistances,
  wireBlocks,
} from './criteria.ts'
import { invalid } from './input-error.ts'
import { type AuroraxMetadataFilter, toWireFilter } from './metadata-filter.ts'
import { type AuroraxConjunctionType, type AuroraxDataProductType, DATA_PRODUCT_TYPES } from './records.ts'
import { wireRange } from './wire-time.ts'

/** An ephemeris search: both ends inclusive; at least one of the lists or the filter is required. */
export interface AuroraxEphemerisQuery extends AuroraxSourceCriteria {
  readonly start: TimeInput
  readonly end: TimeInput
  readonly metadataFilter?: AuroraxMetadataFilter
}

export interface AuroraxDataProductQuery extends AuroraxEphemerisQuery {
  readonly dataProductTypes?: readonly AuroraxDataProductType[]
}

export interface AuroraxConjunctionQuery extends AuroraxCriteria {
  readonly start: TimeInput
  readonly end: TimeInput
  /** Km for every pair, null for unconstrained, or per pair (`ground1-space1`). */
  readonly distance: number | null | AuroraxDistances
  /** Default `['nbtrace']`. */
  readonly conjunctionTypes?: readonly AuroraxConjunctionType[]
  /** Seconds between tested epochs: 60 (default) or 30. */
  readonly epochSearchPrecision?: 60 | 30
}

function names(value: readonly string[] | undefined, where: string): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '')) {
    throw invalid(where, 'must be a list of non-empty strings')
  }
  return [...value]
}

function objectInput(query: unknown, what: string): void {
  if (typeof query !== 'object' || query === null) throw invalid(what, 'must be an object')
}

/** The wire body of an ephemeris or data product search, checked. */
export function recordSearchBody(
  kind: 'ephemeris' | 'data_products',
  query: AuroraxEphemerisQuery | AuroraxDataProductQuery,
): Record<string, unknown> {
  objectInput(query, 'query')
  const { start, end } = wireRange(query.start, query.end)
  const programs = names(query.programs, 'programs')
  const platforms = names(query.platforms, 'platforms')
  const instrumentTypes = names(query.instrumentTypes, 'instrumentTypes')
  const filter = toWireFilter(query.metadataFilter, 'metadataFilter')
  if (!programs.length && !platforms.length && !instrumentTypes.length && !filter?.expressions.length) {
    throw invalid('query', 'needs at least one of programs, platforms, instrumentTypes or metadataFilter')
  }
  const filterKey = kind === 'ephemeris' ? 'ephemeris_metadata_filters' : 'data_product_metadata_filters'
  const body: Record<string, unknown> = {
    data_sources: { programs, platforms, instrument_types: instrumentTypes, [filterKey]: filter ?? {} },
    start,
    end,
  }
  if (kind === 'data_products') {
    const types = names((query as AuroraxDataProductQuery).dataProductTypes, 'dataProductTypes')
    const unknown = types.find((t) => !(DATA_PRODUCT_TYPES as readonly string[]).includes(t))
    if (unknown)
      throw invalid(
        'dataProductTypes',
        `must hold ${DATA_PRODUCT_TYPES.join(', ')}; got ${JSON.stringify(unknown)}`,
      )
    body.data_product_type_filters = types
  }
  return body
}

const CONJUNCTION_TYPES: readonly string[] = ['nbtrace', 'sbtrace', 'geographic']

/** The wire body of a conjunction search, checked. */
export function conjunctionSearchBody(query: AuroraxConjunctionQuery): Record<string, unknown> {
  objectInput(query, 'query')
  const { start, end } = wireRange(query.start, query.end)
  const blocks = wireBlocks(query)
  if (blockLabels(query).length < 2)
    throw invalid('criteria', 'a conjunction search needs at least two criteria blocks')
  const types = names(query.conjunctionTypes ?? ['nbtrace'], 'conjunctionTypes')
  if (!types.length || types.some((t) => !CONJUNCTION_TYPES.includes(t))) {
    throw invalid('conjunctionTypes', 'must hold "nbtrace", "sbtrace" and/or "geographic"')
  }
  const precision = query.epochSearchPrecision ?? 60
  if (precision !== 60 && precision !== 30) throw invalid('epochSearchPrecision', 'must be 60 or 30')
  if (query.distance === undefined) throw invalid('distance', 'is required (km, null, or per block pair)')
  return {
    start,
    end,
    ...blocks,
    conjunction_types: types,
    max_distances: conjunctionDistances(query, query.distance),
    epoch_search_precision: precision,
  }
}
