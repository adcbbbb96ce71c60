import {
  checkFilter,
  describeFilter,
  isEmptyFilter,
  type MetadataFilter,
  matchesFilter,
} from './metadata-filter.ts'
import {
  type AuroraxStore,
  DATA_PRODUCT_TYPES,
  dataProductWire,
  ephemerisWire,
  type StoredSource,
} from './store.ts'
import { isStringList, parseWireTime, refuse, wireTime } from './wire.ts'

export type RecordKind = 'ephemeris' | 'data_products'

/** A checked ephemeris or data product search body. */
export interface RecordQuery {
  readonly kind: RecordKind
  readonly programs: readonly string[]
  readonly platforms: readonly string[]
  readonly instrumentTypes: readonly string[]
  readonly filter: MetadataFilter
  readonly start: number
  readonly end: number
  readonly productTypes: readonly string[]
}

function list(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return []
  if (!isStringList(value)) refuse(400, 'VALIDATION_ERROR', `${where} must be a list of strings`)
  return value
}

/** Checks a search body as the API does (400 with an error document when it does not fit). */
export function checkRecordQuery(kind: RecordKind, body: unknown): RecordQuery {
  const b = (body ?? {}) as Record<string, unknown>
  const ds = (b.data_sources ?? {}) as Record<string, unknown>
  if (typeof ds !== 'object' || Array.isArray(ds))
    refuse(400, 'VALIDATION_ERROR', 'data_sources must be an object')
  const start = parseWireTime(b.start)
  const end = parseWireTime(b.end)
  if (start === undefined) refuse(400, 'VALIDATION_ERROR', 'start must be a timestamp YYYY-MM-DDTHH:MM:SS')
  if (end === undefined) refuse(400, 'VALIDATION_ERROR', 'end must be a timestamp YYYY-MM-DDTHH:MM:SS')
  if (end < start) refuse(400, 'VALIDATION_ERROR', 'end must not be before start')
  const filterKey = kind === 'ephemeris' ? 'ephemeris_metadata_filters' : 'data_product_metadata_filters'
  const query: RecordQuery = {
    kind,
    programs: list(ds.programs, 'data_sources.programs'),
    platforms: list(ds.platforms, 'data_sources.platforms'),
    instrumentTypes: list(ds.instrument_types, 'data_sources.instrument_types'),
    filter: checkFilter(ds[filterKey], `data_sources.${filterKey}`),
    start,
    end,
    productTypes:
      kind === 'data_products' ? list(b.data_product_type_filters, 'data_product_type_filters') : [],
  }
  const unknownType = query.productTypes.find((t) => !DATA_PRODUCT_TYPES.includes(t))
  if (unknownType) refuse(400, 'VALIDATION_ERROR', `unknown data product type ${unknownType}`)
  if (
    !query.programs.length &&
    !query.platforms.length &&
    !query.instrumentTypes.length &&
    isEmptyFilter(query.filter)
  ) {
    refuse(
      400,
      'VALIDATION_ERROR',
      'At least one of programs, platforms, instrument_types or metadata filters is required',
    )
  }
  return query
}

/** Whether a source is selected by program/platform/instrument type lists (an empty list selects all). */
export function selectsSource(
  s: StoredSource,
  programs: readonly string[],
  platforms: readonly string[],
  instrumentTypes: readonly string[],
): boolean {
  const has = (values: readonly string[], v: string) =>
    !values.length || values.some((x) => x.toLowerCase() === v.toLowerCase())
  return (
    s.identifier >= 0 &&
    has(programs, s.program) &&
    has(platforms, s.platform) &&
    has(instrumentTypes, s.instrument_type)
  )
}

/** Runs a record search over the store, in time order per source. */
export function runRecordQuery(store: AuroraxStore, q: RecordQuery): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  for (const source of store.sources.values()) {
    if (!selectsSource(source, q.programs, q.platforms, q.instrumentTypes)) continue
    if (q.kind === 'ephemeris') {
      const rows = [...(store.ephemeris.get(source.identifier)?.values() ?? [])]
        .filter((r) => r.epoch >= q.start && r.epoch <= q.end && matchesFilter(q.filter, r.metadata))
        .sort((a, b) => a.epoch - b.epoch)
      for (const r of rows) out.push(ephemerisWire(r, source))
    } else {
      const rows = [...(store.dataProducts.get(source.identifier)?.values() ?? [])]
        .filter(
          (r) =>
            r.start <= q.end &&
            r.end >= q.start &&
            (!q.productTypes.length || q.productTypes.includes(r.data_product_type)) &&
            matchesFilter(q.filter, r.metadata),
        )
        .sort((a, b) => a.start - b.start || a.url.localeCompare(b.url))
      for (const r of rows) out.push(dataProductWire(r, source))
    }
  }
  return out
}

/** The "SQL-like" sentence the describe endpoint answers. */
export function describeRecordQuery(q: RecordQuery): string {
  const parts: string[] = []
  const names = (field: string, values: readonly string[]) =>
    values.length ? [`${field} in (${values.map((v) => `'${v}'`).join(', ')})`] : []
  parts.push(
    ...names('program', q.programs),
    ...names('platform', q.platforms),
    ...names('instrument_type', q.instrumentTypes),
  )
  if (q.productTypes.length) parts.push(...names('data_product_type', q.productTypes))
  if (!isEmptyFilter(q.filter)) parts.push(`metadata (${describeFilter(q.filter)})`)
  const what = q.kind === 'ephemeris' ? 'ephemeris records' : 'data product records'
  const time = q.kind === 'ephemeris' ? 'epoch' : 'time'
  parts.push(`${time} between '${wireTime(q.start)}' and '${wireTime(q.end)}'`)
  return `Find ${what} WHERE ${parts.join(' AND ')}`
}
