import { type TimeInput, throwIfAborted } from '@heliokit/core'
import { z } from 'zod'
import type { AuroraxConnection } from './connection.ts'
import { invalid } from './input-error.ts'
import { PROVIDER_ID } from './provider-id.ts'
import type { AuroraxDataSource } from './records.ts'
import { dataSourceSchema } from './schemas.ts'
import type { AuroraxCallOptions } from './search.ts'
import { wireRange } from './wire-time.ts'

/** A data source given by identifier, or as fetched (identifier and names). */
export type AuroraxSourceRef = number | AuroraxDataSource

/** Identifier and names of a source; fetched when only the identifier is given. */
export async function resolveSource(
  conn: AuroraxConnection,
  ref: AuroraxSourceRef,
  signal: AbortSignal | undefined,
): Promise<{ identifier: number; program: string; platform: string; instrument_type: string }> {
  let source: AuroraxDataSource
  if (typeof ref === 'number') {
    if (!Number.isInteger(ref)) throw invalid('dataSource', 'must be an integer identifier or a data source')
    throwIfAborted(signal, PROVIDER_ID)
    source = await conn.api.request(
      { path: `data_sources/${ref}`, query: { format: 'basic_info' }, signal },
      dataSourceSchema,
    )
  } else {
    source = ref
  }
  const { identifier, program, platform, instrumentType } = source ?? {}
  if (!Number.isInteger(identifier) || !program || !platform || !instrumentType) {
    throw invalid('dataSource', 'needs identifier, program, platform and instrumentType')
  }
  return { identifier: identifier as number, program, platform, instrument_type: instrumentType }
}

/** Deletes a source's ephemeris from `start` to `end`, both inclusive (administrators). */
export async function deleteEphemeris(
  conn: AuroraxConnection,
  ref: AuroraxSourceRef,
  start: TimeInput,
  end: TimeInput,
  options: AuroraxCallOptions,
): Promise<void> {
  const range = wireRange(start, end)
  const { identifier, ...names } = await resolveSource(conn, ref, options.signal)
  await conn.api.send(
    {
      method: 'DELETE',
      path: `data_sources/${identifier}/ephemeris`,
      json: { ...names, ...range },
      signal: options.signal,
    },
    z.unknown(),
  )
}

/** Deletes a source's data products by URL (administrators). */
export async function deleteDataProductUrls(
  conn: AuroraxConnection,
  ref: AuroraxSourceRef,
  urls: readonly string[],
  options: AuroraxCallOptions,
): Promise<void> {
  if (!Array.isArray(urls) || urls.some((u) => typeof u !== 'string' || u === '')) {
    throw invalid('urls', 'must be a list of URLs')
  }
  const { identifier, ...names } = await resolveSource(conn, ref, options.signal)
  if (urls.length === 0) return
  await conn.api.send(
    {
      method: 'DELETE',
      path: `data_sources/${identifier}/data_products`,
      json: { ...names, urls },
      signal: options.signal,
    },
    z.unknown(),
  )
}
