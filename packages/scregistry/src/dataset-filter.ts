import type { DatasetQuery } from '@heliokit/core'
import type { ScregistryEntry } from './catalog-entry.ts'
import { queryTime } from './files-query.ts'
import { invalid } from './provider-error.ts'

/** Which entries a core dataset query keeps: `text` in the id or title (any case), overlap with start/end. */
export function datasetFilter(query: DatasetQuery): (entry: ScregistryEntry) => boolean {
  if (typeof query !== 'object' || query === null) throw invalid('query', 'must be an object')
  if (query.text !== undefined && (typeof query.text !== 'string' || query.text.trim() === '')) {
    throw invalid('text', 'must be a non-empty string')
  }
  const text = query.text?.trim().toLowerCase()
  const start = query.start === undefined ? undefined : queryTime(query.start, 'start').getTime()
  const end = query.end === undefined ? undefined : queryTime(query.end, 'end').getTime()
  if (start !== undefined && end !== undefined && end < start) throw invalid('end', 'is before start')
  return (entry) =>
    (!text || entry.id.toLowerCase().includes(text) || entry.title.toLowerCase().includes(text)) &&
    (start === undefined || entry.stop.getTime() >= start) &&
    (end === undefined || entry.start.getTime() < end)
}
