import { type TimeInput, throwIfAborted } from '@heliokit/core'
import type { AuroraxConnection } from './connection.ts'
import type { AuroraxSourceFilter } from './data-sources.ts'
import { invalid } from './input-error.ts'
import { PROVIDER_ID } from './provider-id.ts'
import type { AuroraxAvailability } from './records.ts'
import { SOURCE_FORMATS } from './records.ts'
import { availabilitySchema } from './schemas.ts'
import { toDate } from './wire-time.ts'

/** Per-day record counts of each matching data source, days `start` to `end` inclusive (UTC dates). */
export async function availability(
  conn: AuroraxConnection,
  kind: 'ephemeris' | 'data_products',
  start: TimeInput,
  end: TimeInput,
  filter: AuroraxSourceFilter,
): Promise<AuroraxAvailability[]> {
  const from = toDate(start, 'start').toISOString().slice(0, 10)
  const to = toDate(end, 'end').toISOString().slice(0, 10)
  if (to < from) throw invalid('end', 'must not be before start')
  if (filter.format !== undefined && !SOURCE_FORMATS.includes(filter.format)) {
    throw invalid('format', `must be one of ${SOURCE_FORMATS.join(', ')}`)
  }
  const query = {
    start: from,
    end: to,
    program: filter.program,
    platform: filter.platform,
    instrument_type: filter.instrumentType,
    source_type: filter.sourceType,
    owner: filter.owner,
    format: filter.format,
  }
  throwIfAborted(filter.signal, PROVIDER_ID)
  const rows = await conn.api.request(
    { path: `availability/${kind}`, query, signal: filter.signal },
    availabilitySchema,
  )
  return rows
    .filter((r) => r.data_source.identifier >= 0)
    .map((r) => ({
      dataSource: r.data_source,
      days: (kind === 'ephemeris' ? r.available_ephemeris : r.available_data_products) ?? {},
    }))
}
