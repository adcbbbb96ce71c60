import type { Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { BadResponseError, type Checksum, redactUrl } from '@heliokit/core'
import Papa from 'papaparse'
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
const MAX_LINE_CHARS = 1024 * 1024

const ALGORITHMS: Record<string, Checksum['algorithm']> = { sha256: 'sha256', sha1: 'sha1', md5: 'md5' }
const HEX_LENGTH: Record<Checksum['algorithm'], number> = { sha256: 64, sha1: 40, md5: 32 }
const ABSOLUTE = /^(s3|https?):\/\//
// Fixed, so that no batch guesses differently; a `\r` left by CRLF files is trimmed with the spaces.
const PAPA: Papa.ParseConfig = { delimiter: ',', newline: '\n', quoteChar: '"', header: false }

// Shared by the rows of indexes with only the spec's columns: one object less per row.
const NO_EXTRAS: Record<string, string> = Object.freeze({}) as Record<string, string>

type Bad = (line: number, message: string) => BadResponseError

/**
 * The rows of one index file, streamed a chunk at a time: whole lines are cut from each chunk and parsed
 * by PapaParse in one call, so memory stays flat for any number of rows and line numbers are exact.
 */
export async function* indexRows(body: Readable, source: IndexSource): AsyncGenerator<IndexRow[]> {
  const url = redactUrl(source.url)
  const bad: Bad = (line, message) =>
    new BadResponseError(`${url} line ${line}: ${message}`, {
      provider: PROVIDER_ID,
      url,
      issues: [{ path: `line ${line}`, message }],
    })
  const decoder = new StringDecoder('utf8')
  let layout: IndexLayout | undefined
  let width = 0
  let lines = 0
  let rest = ''
  const rowsOf = (text: string): IndexRow[] => {
    const rows: IndexRow[] = []
    const parsed = Papa.parse<string[]>(text, PAPA)
    const broken = parsed.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes')
    if (broken) throw bad(lines + (broken.row ?? 0) + 1, broken.message)
    for (const record of parsed.data) {
      lines++
      if (record.length === 1 && record[0]!.trim() === '') continue
      if (layout === undefined) {
        layout = detectLayout(record, source.specHasStop)
        width = record.length
        if (layout.hasHeader) continue
      }
      if (record.length !== width)
        throw bad(lines, `has ${record.length} fields where the first row has ${width}`)
      rows.push(toRow(record, layout, lines, source, bad))
    }
    return rows
  }
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      const text = rest + decoder.write(chunk)
      const end = text.lastIndexOf('\n')
      rest = end < 0 ? text : text.slice(end + 1)
      if (rest.length > MAX_LINE_CHARS) throw bad(lines + 1, `is longer than ${MAX_LINE_CHARS} characters`)
      if (end >= 0) yield rowsOf(lines === 0 ? stripBom(text.slice(0, end)) : text.slice(0, end))
    }
    rest += decoder.end()
    if (rest !== '') yield rowsOf(lines === 0 ? stripBom(rest) : rest)
  } finally {
    body.destroy()
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

function toRow(record: string[], layout: IndexLayout, line: number, source: IndexSource, bad: Bad): IndexRow {
  const startText = unquote((record[layout.start] ?? '').trim())
  const start = rowTime(startText)
  if (Number.isNaN(start))
    throw bad(line, `start ${JSON.stringify(startText.slice(0, 40))} is not an ISO time`)
  let stop = Number.NaN
  if (layout.stop !== undefined) {
    const stopText = unquote((record[layout.stop] ?? '').trim())
    stop = rowTime(stopText)
    if (Number.isNaN(stop))
      throw bad(line, `stop ${JSON.stringify(stopText.slice(0, 40))} is not an ISO time`)
    if (stop < start) throw bad(line, 'stop is before start')
  }
  const key = unquote((record[layout.key] ?? '').trim())
  if (key === '') throw bad(line, 'datakey is empty')
  const url = ABSOLUTE.test(key) ? key : source.base + key.replace(/^\/+/, '')
  const sizeText = unquote((record[layout.size] ?? '').trim())
  const size = sizeText === '' ? Number.NaN : Number(sizeText)
  if (!Number.isSafeInteger(size) || size < 0) {
    throw bad(line, `filesize ${JSON.stringify(sizeText.slice(0, 40))} is not a byte count`)
  }
  let extras: Record<string, string> = NO_EXTRAS
  if (layout.extras.length > 0) {
    extras = {}
    for (const { name, column } of layout.extras) extras[name] = unquote((record[column] ?? '').trim())
  }
  return { start, stop, url, size, checksum: checksumOf(record, layout, line, bad), extras, line }
}

function checksumOf(record: string[], layout: IndexLayout, line: number, bad: Bad): Checksum | undefined {
  if (layout.checksum === undefined || layout.algorithm === undefined) return undefined
  const value = unquote((record[layout.checksum] ?? '').trim()).toLowerCase()
  const name = unquote((record[layout.algorithm] ?? '').trim())
    .toLowerCase()
    .replace(/-/g, '')
  const algorithm = ALGORITHMS[name]
  if (value === '' || algorithm === undefined) return undefined
  if (value.length !== HEX_LENGTH[algorithm] || !/^[0-9a-f]+$/.test(value)) {
    throw bad(line, `checksum is not a ${algorithm} hex digest`)
  }
  return { algorithm, value }
}
