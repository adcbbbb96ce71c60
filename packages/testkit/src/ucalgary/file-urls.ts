import type { EmulatedDataset } from './dataset-catalog.ts'
import { fnv1a } from './file-bytes.ts'
import { type EmulatedInstrument, INSTRUMENT_ARRAYS } from './observatories.ts'

const STEP_MS: Readonly<Record<string, number>> = { '1min': 60_000, '1hr': 3_600_000, '1day': 86_400_000 }

/** A listing request as the `urls` endpoint understands it; `end` is inclusive. */
export interface FileUrlQuery {
  readonly start: Date
  readonly end: Date
  readonly site?: string
  readonly device?: string
}

/**
 * The file URLs of a dataset whose time span overlaps `[start, end]`, sorted as a walk of the data tree
 * would list them. Files of `not_applicable` datasets (skymaps, calibrations) count at their date.
 */
export function fileUrls(dataset: EmulatedDataset, dataUrl: string, query: FileUrlQuery): string[] {
  const base = `${dataUrl}/${dataset.prefix}/`
  const since = Date.parse(`${dataset.since}T00:00:00Z`)
  const step = STEP_MS[dataset.resolution]
  const periodic = step === undefined ? [] : [...periodicTimes(dataset, query, step)]
  const urls: string[] = []
  for (const instrument of instrumentsOf(dataset, query)) {
    const times = step === undefined ? occasionalDates(dataset, query, instrument) : periodic
    for (const time of times) {
      if (time.getTime() >= since) urls.push(base + fill(dataset.pattern, time, instrument))
    }
  }
  return urls.sort()
}

function* periodicTimes(dataset: EmulatedDataset, query: FileUrlQuery, step: number): Generator<Date> {
  const first = Math.floor(query.start.getTime() / step) * step
  for (let t = first; t <= query.end.getTime(); t += step) {
    const hour = new Date(t).getUTCHours()
    const dark =
      !dataset.hours || step >= STEP_MS['1day']! || (hour >= dataset.hours[0] && hour < dataset.hours[1])
    if (dark) yield new Date(t)
  }
}

// One file per instrument per year, at a date that depends on the instrument, like seasonal skymaps.
function* occasionalDates(
  dataset: EmulatedDataset,
  query: FileUrlQuery,
  instrument: EmulatedInstrument,
): Generator<Date> {
  const firstYear = Math.max(Number(dataset.since.slice(0, 4)), query.start.getUTCFullYear())
  for (let year = firstYear; year <= query.end.getUTCFullYear(); year++) {
    const h = fnv1a(`${dataset.name}/${instrument.device}/${year}`)
    const date = new Date(Date.UTC(year, h % 12, 1 + ((h >>> 4) % 28)))
    if (date >= query.start && date <= query.end) yield date
  }
}

function instrumentsOf(dataset: EmulatedDataset, query: FileUrlQuery): EmulatedInstrument[] {
  if (!dataset.array) return query.site || query.device ? [] : [{ site: '', device: '' }]
  return (INSTRUMENT_ARRAYS[dataset.array] ?? []).filter(
    (i) =>
      (!query.site || i.site === query.site.toLowerCase()) &&
      (!query.device || i.device === query.device.toLowerCase()),
  )
}

function fill(pattern: string, time: Date, instrument: EmulatedInstrument): string {
  const iso = time.toISOString()
  const values: Record<string, string> = {
    Y: iso.slice(0, 4),
    M: iso.slice(5, 7),
    D: iso.slice(8, 10),
    h: iso.slice(11, 13),
    m: iso.slice(14, 16),
    site: instrument.site,
    device: instrument.device,
  }
  return pattern.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '')
}
