import type { ScregistryEntry } from './catalog-entry.ts'

/**
 * The years whose index files can hold rows in [start, stop): from the later of the dataset's and the
 * range's start year to the earlier of their last years, plus the year before when files span years.
 * Rows are filed under the year they start, so a range ending at New Year needs nothing of that year.
 */
export function yearsFor(entry: ScregistryEntry, start: Date, stop: Date): number[] {
  const first = Math.max(entry.start.getUTCFullYear(), start.getUTCFullYear())
  const last = Math.min(entry.stop.getUTCFullYear(), new Date(stop.getTime() - 1).getUTCFullYear())
  if (last < first) return []
  const from = entry.multiyear && first > entry.start.getUTCFullYear() ? first - 1 : first
  const years: number[] = []
  for (let year = from; year <= last; year++) years.push(year)
  return years
}
