import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { BadResponseError, type Checksum, isHeliokitError } from '@heliokit/core'
import { type CsvError, type Options, parse } from 'csv-parse'
import { detectLayout, type IndexLayout, unquote } from './index-layout.ts'
import { PROVIDER_ID } from './provider-id.ts'
import { rowTime } from './row-time.ts'

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
const MAX_RECORD_BYTES = 1024 * 1024

const ALGORITHMS: Record<string, Checksum['algorithm']> = { sha256: 'sha256', sha1: 'sha1', md5: 'md5' }
const HEX_LENGTH: Record<Checksum['algorithm'], number> = { sha256: 64, sha1: 40, md5: 32 }
const ABSOLUTE = /^(s3|https?):\/\//

/** The rows of one index file, streamed: memory stays flat for any number of rows. */
export async function* indexRows(body: Readable, source: IndexSource): AsyncGenerator<IndexRow> {
  let layout: IndexLayout | undefined
  const bad = (line: number, message: string): BadResponseError =>
    new BadResponseError(`${source.url} line ${line}: ${message}`, {
      provider: PROVIDER_ID,
      url: source.url,
      issues: [{ path: `line ${line}`, message }],
    })
  const options: Options<IndexRow, string[]> = {
    trim: true,
    bom: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    on_record: (record, context) => {
      if (layout === undefined) {
        layout = detectLayout(record, source.specHasStop)
        if (layout.hasHeader) return null
      }
      return toRow(record, layout, context.lines, source, bad)
    },
  }
  const parser = parse(options as unknown as Options)
  const piped = pipeline(body, parser)
  piped.catch(() => {})
  try {
    for await (const row of parser as AsyncIterable<IndexRow>) yield row
  } catch (error) {
    if (isHeliokitError(error)) throw error
    const csv = error as CsvError & { lines?: number }
    if (typeof csv.code === 'string' && csv.code.startsWith('CSV_')) {
      throw bad(csv.lines ?? 0, csv.message.replace(/,? (at|on) line \d+$/, ''))
    }
    throw error
  } finally {
    body.destroy()
  }
}

function toRow(
  record: string[],
  layout: IndexLayout,
  line: number,
  source: IndexSource,
  bad: (line: number, message: string) => BadResponseError,
): IndexRow {
  const startText = unquote(record[layout.start] ?? '')
  const start = rowTime(startText)
  if (Number.isNaN(start))
    throw bad(line, `start ${JSON.stringify(startText.slice(0, 40))} is not an ISO time`)
  let stop = Number.NaN
  if (layout.stop !== undefined) {
    const stopText = unquote(record[layout.stop] ?? '')
    stop = rowTime(stopText)
    if (Number.isNaN(stop))
      throw bad(line, `stop ${JSON.stringify(stopText.slice(0, 40))} is not an ISO time`)
    if (stop < start) throw bad(line, 'stop is before start')
  }
  const key = unquote(record[layout.key] ?? '')
  if (key === '') throw bad(line, 'datakey is empty')
  const url = ABSOLUTE.test(key) ? key : source.base + key.replace(/^\/+/, '')
  const sizeText = unquote(record[layout.size] ?? '')
  const size = sizeText === '' ? Number.NaN : Number(sizeText)
  if (!Number.isSafeInteger(size) || size < 0) {
    throw bad(line, `filesize ${JSON.stringify(sizeText.slice(0, 40))} is not a byte count`)
  }
  const extras: Record<string, string> = {}
  for (const { name, column } of layout.extras) extras[name] = unquote(record[column] ?? '')
  return { start, stop, url, size, checksum: checksumOf(record, layout, line, bad), extras, line }
}

function checksumOf(
  record: string[],
  layout: IndexLayout,
  line: number,
  bad: (line: number, message: string) => BadResponseError,
): Checksum | undefined {
  if (layout.checksum === undefined || layout.algorithm === undefined) return undefined
  const value = unquote(record[layout.checksum] ?? '').toLowerCase()
  const name = unquote(record[layout.algorithm] ?? '')
    .toLowerCase()
    .replace(/-/g, '')
  const algorithm = ALGORITHMS[name]
  if (value === '' || algorithm === undefined) return undefined
  if (value.length !== HEX_LENGTH[algorithm] || !/^[0-9a-f]+$/.test(value)) {
    throw bad(line, `checksum is not a ${algorithm} hex digest`)
  }
  return { algorithm, value }
}
