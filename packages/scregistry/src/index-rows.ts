import type { Readable } from 'node:stream'
import { BadResponseError, type Checksum, redactUrl } from '@heliokit/core'
import { detectLayout, type IndexLayout } from './index-layout.ts'
import { PROVIDER_ID } from './provider-id.ts'
import { type ReadState, type RecordSink, type RecordView, readRecords } from './read-records.ts'
import { rowTimeAt } from './row-time.ts'

/** One row of a yearly file index. */
export interface IndexRow {
  /** Milliseconds since 1970. */
  readonly start: number
  /** NaN when the index has no stop column. */
  readonly stop: number
  /** Absolute `s3://` or `https://` URL of the data file. */
  readonly url: string
  readonly size: number
  readonly checksum?: Checksum
  /** Columns beyond the spec's four, by name. */
  readonly extras: Readonly<Record<string, string>>
  /** 1-based line in the index file. */
  readonly line: number
}

export interface IndexSource {
  /** The index file, for errors. */
  readonly url: string
  /** Folder a relative data key is taken in (the catalog's). */
  readonly base: string
  /** Whether rows of this spec version carry a stop time (0.5 and later). */
  readonly specHasStop: boolean
}

// Index lines are a few hundred bytes; a far longer one is a broken or hostile file.
const MAX_LINE_BYTES = 1024 * 1024
// A filesize of up to 15 digits is read from char codes; longer or other text goes through Number().
const MAX_FAST_DIGITS = 15

const ALGORITHMS: Record<string, Checksum['algorithm']> = { sha256: 'sha256', sha1: 'sha1', md5: 'md5' }
const HEX_LENGTH: Record<Checksum['algorithm'], number> = { sha256: 64, sha1: 40, md5: 32 }

// Shared by the rows of indexes with only the spec's columns: one object less per row.
const NO_EXTRAS: Record<string, string> = Object.freeze({}) as Record<string, string>

type Bad = (line: number, message: string) => BadResponseError

/**
 * The rows of one index file, streamed a chunk at a time: whole lines are cut from each chunk and read
 * in one pass, so memory stays flat for any number of rows and line numbers are exact.
 */
export async function* indexRows(body: Readable, source: IndexSource): AsyncGenerator<IndexRow[]> {
  const url = redactUrl(source.url)
  const bad: Bad = (line, message) =>
    new BadResponseError(`${url} line ${line}: ${message}`, {
      provider: PROVIDER_ID,
      url,
      issues: [{ path: `line ${line}`, message }],
    })
  const state: ReadState = { width: 0 }
  let layout: IndexLayout | undefined
  let header = false
  let lines = 0
  let rows: IndexRow[] = []
  const sink: RecordSink = {
    first(cells) {
      layout = detectLayout(cells, source.specHasStop)
      header = layout.hasHeader
      return cells.length
    },
    record(view) {
      lines++
      if (header) {
        header = false
        return
      }
      if (view.fields !== state.width)
        throw bad(lines, `has ${view.fields} fields where the first row has ${state.width}`)
      rows.push(toRow(view, layout!, lines, source, bad))
    },
    blank() {
      lines++
    },
    broken(index, message) {
      throw bad(lines + index + 1, message)
    },
  }
  const rowsOf = (text: string): IndexRow[] => {
    rows = []
    readRecords(text, sink, state)
    return rows
  }
  // Lines are cut from the bytes (a newline byte is never inside a UTF-8 sequence): one flat string a chunk.
  let rest: Buffer | undefined
  const textOf = (bytes: Buffer, end: number): string => {
    const text = bytes.toString('utf8', 0, end)
    return lines === 0 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  }
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      const bytes = rest === undefined ? chunk : Buffer.concat([rest, chunk])
      const end = bytes.lastIndexOf(10)
      rest = end < 0 ? bytes : end + 1 < bytes.length ? Buffer.from(bytes.subarray(end + 1)) : undefined
      if (rest !== undefined && rest.length > MAX_LINE_BYTES) {
        throw bad(lines + 1, `is longer than ${MAX_LINE_BYTES} bytes`)
      }
      if (end >= 0) yield rowsOf(textOf(bytes, end))
    }
    if (rest !== undefined) yield rowsOf(textOf(rest, rest.length))
  } finally {
    body.destroy()
  }
}

// A column the layout names past the row's width (a short header) reads as empty.
function cell(view: RecordView, field: number): string {
  return 2 * field < view.bounds.length
    ? view.text.slice(view.bounds[2 * field], view.bounds[2 * field + 1])
    : ''
}

function timeAt(view: RecordView, field: number, line: number, name: string, bad: Bad): number {
  const time =
    2 * field < view.bounds.length
      ? rowTimeAt(view.text, view.bounds[2 * field]!, view.bounds[2 * field + 1]!)
      : Number.NaN
  if (Number.isNaN(time)) {
    throw bad(line, `${name} ${JSON.stringify(cell(view, field).slice(0, 40))} is not an ISO time`)
  }
  return time
}

/** A filesize in bytes, or NaN. */
function sizeAt(view: RecordView, field: number): number {
  const { text, bounds } = view
  const begin = bounds[2 * field] ?? 0
  const end = bounds[2 * field + 1] ?? 0
  if (end > begin && end - begin <= MAX_FAST_DIGITS) {
    let value = 0
    let i = begin
    for (; i < end; i++) {
      const code = text.charCodeAt(i)
      if (code < 48 || code > 57) break
      value = value * 10 + code - 48
    }
    if (i === end) return value
  }
  const sizeText = cell(view, field)
  return sizeText === '' ? Number.NaN : Number(sizeText)
}

function isAbsolute(key: string): boolean {
  return key.startsWith('s3://') || key.startsWith('https://') || key.startsWith('http://')
}

function toRow(view: RecordView, layout: IndexLayout, line: number, source: IndexSource, bad: Bad): IndexRow {
  const start = timeAt(view, layout.start, line, 'start', bad)
  let stop = Number.NaN
  if (layout.stop !== undefined) {
    stop = timeAt(view, layout.stop, line, 'stop', bad)
    if (stop < start) throw bad(line, 'stop is before start')
  }
  const key = cell(view, layout.key)
  if (key === '') throw bad(line, 'datakey is empty')
  const url = isAbsolute(key) ? key : source.base + key.replace(/^\/+/, '')
  const size = sizeAt(view, layout.size)
  if (!Number.isSafeInteger(size) || size < 0) {
    throw bad(line, `filesize ${JSON.stringify(cell(view, layout.size).slice(0, 40))} is not a byte count`)
  }
  let extras: Record<string, string> = NO_EXTRAS
  if (layout.extras.length > 0) {
    extras = {}
    for (const { name, column } of layout.extras) extras[name] = cell(view, column)
  }
  return { start, stop, url, size, checksum: checksumOf(view, layout, line, bad), extras, line }
}

function checksumOf(view: RecordView, layout: IndexLayout, line: number, bad: Bad): Checksum | undefined {
  if (layout.checksum === undefined || layout.algorithm === undefined) return undefined
  const value = cell(view, layout.checksum).toLowerCase()
  const name = cell(view, layout.algorithm).toLowerCase().replace(/-/g, '')
  const algorithm = ALGORITHMS[name]
  if (value === '' || algorithm === undefined) return undefined
  if (value.length !== HEX_LENGTH[algorithm] || !/^[0-9a-f]+$/.test(value)) {
    throw bad(line, `checksum is not a ${algorithm} hex digest`)
  }
  return { algorithm, value }
}
