import {
  type DataFile,
  ErrorCode,
  isHeliokitError,
  type Logger,
  throwIfAborted,
  UnavailableError,
} from '@heliokit/core'
import type { ScregistryEntry } from './catalog-entry.ts'
import type { ScregistryCatalog } from './catalog-schema.ts'
import { toDataFile } from './data-file.ts'
import type { ScregistryEvent } from './events.ts'
import { type IndexRow, indexRows } from './index-rows.ts'
import type { ObjectReader } from './object-reader.ts'
import { providerError } from './provider-error.ts'
import { PROVIDER_ID } from './provider-id.ts'
import { yearsFor } from './year-range.ts'

export interface ListSettings {
  readonly start: Date
  readonly stop: Date
  readonly signal?: AbortSignal
  readonly onEvent?: (event: ScregistryEvent) => void
  readonly logger: Logger
}

/** Spec versions before 0.5 wrote `start, key, filesize` rows, without a stop column. */
function specHasStop(version: string | undefined): boolean {
  const number = Number.parseFloat(version ?? '')
  return Number.isNaN(number) || number >= 0.5
}

/**
 * The entry's files overlapping [start, stop), in time order, read year by year as a stream. A row
 * without a stop lasts until the next row starts; the last such row is kept. One generator from lookup
 * to rows, converting every failure to a scregistry error: each generator layer costs per row.
 */
export async function* listFiles(
  reader: ObjectReader,
  locate: () => Promise<{ catalog: ScregistryCatalog; entry: ScregistryEntry }>,
  settings: ListSettings,
): AsyncGenerator<DataFile> {
  const { signal } = settings
  const from = settings.start.getTime()
  const to = settings.stop.getTime()
  const overlaps = (start: number, stop: number): boolean => stop >= from && start < to
  let pending: { row: IndexRow; index: string } | undefined
  try {
    throwIfAborted(signal, PROVIDER_ID)
    const { catalog, entry } = await locate()
    if (entry.indextype !== 'csv') {
      throw new UnavailableError(`${entry.id} has ${entry.indextype} indexes; only csv indexes can be read`, {
        provider: PROVIDER_ID,
      })
    }
    const source = { base: catalog.endpoint, specHasStop: specHasStop(catalog.version) }
    for (const year of yearsFor(entry, settings.start, settings.stop)) {
      throwIfAborted(signal, PROVIDER_ID)
      const url = `${entry.index}${entry.id}_${year}.csv`
      const opened = await openYear(reader, url, signal)
      if (opened === undefined) {
        settings.logger.info('scregistry: no index for this year, skipped', { dataset: entry.id, year, url })
        settings.onEvent?.({ type: 'missing-year', dataset: entry.id, year, url })
        continue
      }
      if (opened.outcome) settings.onEvent?.({ type: 'cache', url, outcome: opened.outcome })
      for await (const batch of indexRows(opened.body, { ...source, url })) {
        for (const row of batch) {
          throwIfAborted(signal, PROVIDER_ID)
          if (Number.isNaN(row.stop)) {
            if (pending && overlaps(pending.row.start, row.start)) {
              yield toDataFile(pending.row, row.start, entry.id, pending.index)
            }
            pending = { row, index: url }
          } else if (overlaps(row.start, row.stop)) {
            yield toDataFile(row, row.stop, entry.id, url)
          }
          // Rows are in time order: nothing after one starting at or past the range's end overlaps it.
          if (row.start >= to) return
        }
      }
    }
    if (pending && pending.row.start < to) yield toDataFile(pending.row, Number.NaN, entry.id, pending.index)
  } catch (error) {
    throw providerError(error)
  }
}

async function openYear(
  reader: ObjectReader,
  url: string,
  signal: AbortSignal | undefined,
): Promise<Awaited<ReturnType<ObjectReader['open']>> | undefined> {
  try {
    return await reader.open(url, signal)
  } catch (error) {
    if (isHeliokitError(error) && error.code === ErrorCode.NOT_FOUND) return undefined
    throw error
  }
}
