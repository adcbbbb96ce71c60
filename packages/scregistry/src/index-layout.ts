import { rowTime } from './row-time.ts'

/** Where each field sits in the rows of one yearly index. */
export interface IndexLayout {
  readonly hasHeader: boolean
  readonly start: number
  /** Absent in indexes written before spec 0.5: a row then lasts until the next one starts. */
  readonly stop?: number
  readonly key: number
  readonly size: number
  readonly checksum?: number
  readonly algorithm?: number
  /** Columns beyond the four of the spec, by header name (`column<N>` without a header). */
  readonly extras: readonly { readonly name: string; readonly column: number }[]
}

// Spellings seen in real indexes, after lower-casing and dropping a leading `#`.
const NAMES: Record<'start' | 'stop' | 'key' | 'size', readonly string[]> = {
  start: ['start', 'time', 'startdate', 'start_date', 'starttime', 'start_time'],
  stop: ['stop', 'end', 'stopdate', 'enddate', 'stop_date', 'end_date', 'stoptime', 'stop_time'],
  key: ['datakey', 'key', 's3key', 's3_key', 'url', 'uri'],
  size: ['filesize', 'size', 'file_size', 'bytes'],
}

/** A header cell as a column name: `# start` -> `start`, `'s3key'` -> `s3key`. */
export function columnName(cell: string): string {
  return unquote(cell.replace(/^#\s*/, '')).trim().toLowerCase()
}

/**
 * A trimmed value without the quotes around it: single quotes, which the CSV parser does not know, and
 * double quotes after a space (`a, "b"`), which it keeps as text.
 */
export function unquote(value: string): string {
  const first = value.charCodeAt(0)
  return value.length >= 2 && (first === 39 || first === 34) && value.charCodeAt(value.length - 1) === first
    ? value.slice(1, -1)
    : value
}

/**
 * The layout from the first record: a header when its first cell is not a time. Columns not found by
 * name are taken by position, as the Python client does; `stop` only when the spec version has one.
 */
export function detectLayout(first: readonly string[], specHasStop: boolean): IndexLayout {
  const hasHeader =
    first[0]?.trim().startsWith('#') === true || Number.isNaN(rowTime(unquote((first[0] ?? '').trim())))
  if (!hasHeader) {
    const withStop = first.length >= 4 && !Number.isNaN(rowTime(unquote((first[1] ?? '').trim())))
    const fields = withStop ? [0, 1, 2, 3] : [0, 1, 2]
    return layout(
      false,
      withStop ? { start: 0, stop: 1, key: 2, size: 3 } : { start: 0, key: 1, size: 2 },
      first
        .map((_, i) => i)
        .filter((i) => !fields.includes(i))
        .map((i) => ({ name: `column${i + 1}`, column: i })),
    )
  }
  const names = first.map(columnName)
  const found: Partial<Record<keyof typeof NAMES, number>> = {}
  for (const field of Object.keys(NAMES) as (keyof typeof NAMES)[]) {
    const i = names.findIndex((n) => NAMES[field].includes(n))
    if (i >= 0) found[field] = i
  }
  const free = names.map((_, i) => i).filter((i) => !Object.values(found).includes(i))
  const positional = specHasStop && names.length >= 4 && found.stop === undefined && found.key === undefined
  const order = positional ? (['start', 'stop', 'key', 'size'] as const) : (['start', 'key', 'size'] as const)
  for (const field of order) {
    if (found[field] === undefined && free.length > 0) found[field] = free.shift()
  }
  return layout(
    true,
    { start: found.start ?? 0, stop: found.stop, key: found.key ?? 1, size: found.size ?? 2 },
    free.map((column) => ({ name: names[column] || `column${column + 1}`, column })),
  )
}

function layout(
  hasHeader: boolean,
  core: { start: number; stop?: number; key: number; size: number },
  extras: { name: string; column: number }[],
): IndexLayout {
  const checksum = extras.find((e) => e.name === 'checksum')?.column
  const algorithm = extras.find((e) => e.name === 'checksum_algorithm')?.column
  return { hasHeader, ...core, checksum, algorithm, extras }
}
