import Papa from 'papaparse'
import { unquote } from './index-layout.ts'

/**
 * One record of an index, as the text its fields sit in and, for field `i`, its trimmed and unquoted
 * value at `text.slice(bounds[2 * i], bounds[2 * i + 1])`: rows are read from offsets in the chunk's
 * text, so a row makes no string for a field it does not keep.
 */
export interface RecordView {
  text: string
  /** Begin and end of each field, `2 * width` long. */
  readonly bounds: Int32Array
  /** The record's field count (only the first `width` are in `bounds`). */
  fields: number
}

/** What the reader does with each record of a chunk: blank lines are skipped and counted. */
export interface RecordSink {
  /**
   * The first record's raw fields, once, before it goes to `record` too; returns how many fields every
   * record must have.
   */
  first(cells: string[]): number
  /** A record; `view.fields` may differ from the width (a ragged row, which the sink reports). */
  record(view: RecordView): void
  blank(): void
  /** Unbalanced quotes at the `index`th record of this chunk. */
  broken(index: number, message: string): never
}

/** What the reader carries from chunk to chunk of one index: the width and view set by the first record. */
export interface ReadState {
  width: number
  view?: RecordView
}

// Fixed, so that no batch guesses differently; a `\r` left by CRLF files is trimmed with the spaces.
const PAPA: Papa.ParseConfig = { delimiter: ',', newline: '\n', quoteChar: '"', header: false }
const SPACE = /\s/

/** What `String.prototype.trim` removes. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && SPACE.test(String.fromCharCode(code)))
}

/**
 * Hands the records of `text` (whole lines, without the last newline) to `sink`. Text without quotes,
 * as nearly every index is, is cut at commas and newlines in place; text with quotes goes through
 * PapaParse, so quoted commas and newlines keep their meaning.
 */
export function readRecords(text: string, sink: RecordSink, state: ReadState): void {
  if (text.indexOf('"') >= 0 || text.indexOf("'") >= 0) {
    readQuoted(text, sink, state)
    return
  }
  let from = 0
  while (from <= text.length) {
    let to = text.indexOf('\n', from)
    if (to < 0) to = text.length
    readLine(text, from, to, sink, state)
    from = to + 1
  }
}

function readLine(text: string, from: number, to: number, sink: RecordSink, state: ReadState): void {
  if (isSpace(text.charCodeAt(from)) || from === to) {
    let i = from
    while (i < to && isSpace(text.charCodeAt(i))) i++
    if (i === to) {
      sink.blank()
      return
    }
  }
  if (state.view === undefined) {
    const cells = text.slice(from, to).split(',')
    state.width = sink.first(cells)
    state.view = { text, bounds: new Int32Array(2 * state.width), fields: 0 }
  }
  const view = state.view
  const { bounds } = view
  const last = state.width - 1
  view.text = text
  let begin = from
  for (let i = 0; i < last; i++) {
    const comma = text.indexOf(',', begin)
    if (comma < 0 || comma >= to) {
      view.fields = i + 1
      sink.record(view)
      return
    }
    trimInto(text, begin, comma, bounds, i)
    begin = comma + 1
  }
  // Search back from the line's end, so as not to scan into the next line.
  if (text.lastIndexOf(',', to - 1) >= begin) {
    view.fields = text.slice(from, to).split(',').length
    sink.record(view)
    return
  }
  trimInto(text, begin, to, bounds, last)
  view.fields = state.width
  sink.record(view)
}

function trimInto(text: string, begin: number, end: number, bounds: Int32Array, field: number): void {
  while (begin < end && isSpace(text.charCodeAt(begin))) begin++
  while (end > begin && isSpace(text.charCodeAt(end - 1))) end--
  bounds[2 * field] = begin
  bounds[2 * field + 1] = end
}

function readQuoted(text: string, sink: RecordSink, state: ReadState): void {
  const parsed = Papa.parse<string[]>(text, PAPA)
  const broken = parsed.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes')
  if (broken) sink.broken(broken.row ?? 0, broken.message)
  for (const cells of parsed.data) {
    if (cells.length === 1 && cells[0]!.trim() === '') {
      sink.blank()
      continue
    }
    if (state.view === undefined) {
      state.width = sink.first(cells)
      state.view = { text: '', bounds: new Int32Array(2 * state.width), fields: 0 }
    }
    const view = state.view
    let joined = ''
    for (let i = 0; i < state.width && i < cells.length; i++) {
      const value = unquote(cells[i]!.trim())
      view.bounds[2 * i] = joined.length
      joined += value
      view.bounds[2 * i + 1] = joined.length
    }
    view.text = joined
    view.fields = cells.length
    sink.record(view)
  }
}
