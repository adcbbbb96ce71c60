/** One data file as a yearly index lists it. */
export interface IndexedFile {
  /** ISO UTC, e.g. `2010-05-13T00:00:00Z`. */
  readonly start: string
  readonly stop?: string
  /** The datakey as written: an absolute `s3://`/`https://` URL or a key relative to the catalog. */
  readonly key: string
  readonly size: number
  readonly sha256?: string
  /** Extra column values, in `IndexStyle.extras` order. */
  readonly extras?: readonly string[]
}

/** How a writer spelled its index; real indexes differ in all of these. */
export interface IndexStyle {
  /** The header line exactly as written, or none. */
  readonly header?: string
  /** Quote around every value. Default none. */
  readonly quote?: '"' | "'"
  /** A space after each comma. Default false. */
  readonly space?: boolean
  /** Time precision as written. Default `seconds` (`...T00:00:00Z`). */
  readonly time?: 'seconds' | 'millis' | 'minutes' | 'no-z'
  /** Write a stop column (spec 0.5 and later). Default true. */
  readonly stop?: boolean
  /** Write `checksum, checksum_algorithm` columns from `sha256`. Default false. */
  readonly checksum?: boolean
  /** Line ending. Default `\n`. */
  readonly eol?: '\n' | '\r\n'
}

function formatTime(iso: string, style: IndexStyle['time']): string {
  const full = new Date(iso).toISOString()
  if (style === 'millis') return full
  if (style === 'minutes') return `${full.slice(0, 16)}Z`
  if (style === 'no-z') return full.slice(0, 19)
  return `${full.slice(0, 19)}Z`
}

/** A yearly index file in the given style. */
export function indexCsv(files: readonly IndexedFile[], style: IndexStyle = {}): string {
  const q = style.quote ?? ''
  const sep = style.space ? ', ' : ','
  const eol = style.eol ?? '\n'
  const lines = style.header === undefined ? [] : [style.header]
  for (const f of files) {
    const cells = [formatTime(f.start, style.time)]
    if (style.stop !== false) cells.push(formatTime(f.stop ?? f.start, style.time))
    cells.push(f.key, String(f.size))
    if (style.checksum) cells.push(f.sha256 ?? '', f.sha256 ? 'sha256' : '')
    cells.push(...(f.extras ?? []))
    lines.push(cells.map((c) => q + c + q).join(sep))
  }
  return lines.join(eol) + eol
}
