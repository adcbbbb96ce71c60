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
import { FlatBatches } from './flat-batches.ts'
import { type IndexRow, indexRows } from './index-rows.ts'
import type { ObjectReader } from './object-reader.ts'
import { providerError } from './provider-error.ts'
import { PROVIDER_ID } from './provider-id.ts'
import type { ScregistryEvent } from './scregistry-event.ts'
import { toDataFile } from './to-data-file.ts'
import { yearsFor } from './years-for.ts'

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
 * without a stop lasts until the next row starts; the last such row is kept. Files are made a chunk of
 * the index at a time and handed out one by one.
 */
export function listFiles(
  reader: ObjectReader,
  locate: () => Promise<{ catalog: ScregistryCatalog; entry: ScregistryEntry }>,
  settings: ListSettings,
): AsyncIterableIterator<DataFile> {
  return new FlatBatches(fileBatches(reader, locate, settings), settings.signal)
}

/** One generator from lookup to files, converting every failure to a scregistry error. */
async function* fileBatches(
  reader: ObjectReader,
  locate: () => Promise<{ catalog: ScregistryCatalog; entry: ScregistryEntry }>,
  settings: ListSettings,
): AsyncGenerator<DataFile[], void, undefined> {
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
        throwIfAborted(signal, PROVIDER_ID)
        const files: DataFile[] = []
        let past = false
        for (const row of batch) {
          if (Number.isNaN(row.stop)) {
            if (pending && overlaps(pending.row.start, row.start)) {
              files.push(toDataFile(pending.row, row.start, entry.id, pending.index))
            }
            pending = { row, index: url }
          } else if (overlaps(row.start, row.stop)) {
            files.push(toDataFile(row, row.stop, entry.id, url))
          }
          // Rows are in time order: nothing after one starting at or past the range's end overlaps it.
          if (row.start >= to) {
            past = true
            break
          }
        }
        if (files.length > 0) {
          yield files
          throwIfAborted(signal, PROVIDER_ID)
        }
        if (past) return
      }
    }
    throwIfAborted(signal, PROVIDER_ID)
    if (pending && pending.row.start < to)
      yield [toDataFile(pending.row, Number.NaN, entry.id, pending.index)]
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
