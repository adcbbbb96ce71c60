import { ByteQueue } from './byte-queue.ts'
import { byteText } from './byte-text.ts'
import { type ColumnStore, rangeOf, Storage } from './column-store.ts'
import { decimalNumber } from './decimal-number.ts'
import type { VotableField, VotableValue } from './model.ts'
import { plainInteger } from './plain-integer.ts'
import { CellKind, cellKind, nullNumber, type TextConverter, textConverter } from './text-value.ts'
import { decodeXmlText } from './xml-text.ts'

const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g
/** Bytes of a table's data read before its columns are sized for the rest of the document. */
const ESTIMATE_AFTER = 1 << 20
const encoder = new TextEncoder()
/** Where decimalNumber writes the number it read. */
const number = new Float64Array(1)

/**
 * Reads TR/TD rows straight from the document's UTF-8 bytes into a ColumnStore, as they arrive; numbers
 * are read from the bytes, and only text cells become strings. Throws plain Errors; `row`/`column` say where.
 */
export class TabledataRows {
  private readonly converters: TextConverter[]
  private readonly kinds: CellKind[]
  private readonly nullNumbers: number[]
  private readonly nullTexts: (string | undefined)[]
  private readonly storage: Storage[]
  private readonly mins: number[]
  private readonly maxs: number[]
  private readonly td: Uint8Array
  private readonly tdEnd: Uint8Array
  private readonly tr: Uint8Array
  private readonly trEnd: Uint8Array
  private readonly end: Uint8Array
  private readonly queue = new ByteQueue()
  /** The fewest bytes a row takes: `<TR>`, `</TR>` and a `<TD/>` per field. */
  private readonly minRowBytes: number
  /** Bytes of this table's data taken so far. */
  private taken = 0
  /** Whether the columns were sized for the rest of the document. */
  private sized = false
  /** Cells read in the current row, or -1 between rows. */
  private cell = -1
  row = 0
  /** Set once `</TABLEDATA>` has been read. */
  done = false

  constructor(
    private readonly fields: readonly VotableField[],
    private readonly store: ColumnStore,
    prefix: string,
  ) {
    this.storage = store.storage
    this.mins = this.storage.map((s) => rangeOf(s)[0])
    this.maxs = this.storage.map((s) => rangeOf(s)[1])
    this.converters = fields.map(textConverter)
    this.kinds = fields.map(cellKind)
    this.nullNumbers = fields.map(nullNumber)
    this.nullTexts = fields.map((f) => f.values?.null)
    this.td = encoder.encode(`<${prefix}TD`)
    this.tdEnd = encoder.encode(`</${prefix}TD>`)
    this.tr = encoder.encode(`<${prefix}TR`)
    this.trEnd = encoder.encode(`</${prefix}TR>`)
    this.end = encoder.encode(`</${prefix}TABLEDATA>`)
    this.minRowBytes = 9 + 5 * fields.length
  }

  /** The field being read when an error is thrown. */
  get column(): string | undefined {
    return this.cell >= 0 ? this.fields[this.cell]?.name : undefined
  }

  /**
   * Reads the next piece of the data; returns how many of its bytes were taken: all of them, unless
   * `</TABLEDATA>` ends within it (then `done`). An incomplete token is kept for the next piece.
   * `following`: bytes of the document known to come after this piece (0 when unknown).
   */
  push(bytes: Uint8Array, following = 0): number {
    const taken = this.read(bytes, following)
    this.taken += taken
    return taken
  }

  /**
   * Makes room for every row the bytes can hold: a growth first met in `consume` would deoptimize it.
   * When more of the document is known to follow, the columns grow once to the rows it holds at the rate
   * seen so far (the rest of the document taken as this table's data): growing by doubling allocates
   * twice the columns and copies them once.
   */
  private reserve(bytes: number, following: number): void {
    const queued = this.queue.end - this.queue.start + bytes
    const need = this.row + Math.floor(queued / this.minRowBytes)
    if (need < this.store.capacity) return
    // Once, and only for a table with 1 MiB of data read: a small one before others keeps small columns,
    // and a table whose rows grow longer than its first ones goes back to doubling.
    if (this.sized || this.taken < ESTIMATE_AFTER || following === 0) {
      this.store.reserve(need)
      return
    }
    this.sized = true
    this.store.reserve(
      Math.max(need, this.row + Math.ceil(((queued + following) * this.row) / this.taken)),
      true,
    )
  }

  private read(bytes: Uint8Array, following: number): number {
    const queue = this.queue
    this.reserve(bytes.length, following)
    let at = 0
    // A token cut at the last piece's end is finished in the queue, a `>` at a time; the rest is read in place.
    while (queue.end > queue.start) {
      if (at === bytes.length) return at
      const gt = bytes.indexOf(62, at)
      const next = gt < 0 ? bytes.length : gt + 1
      queue.append(bytes.subarray(at, next))
      const stop = this.consume(queue.buffer, queue.start, queue.end)
      const inPiece = next - (queue.end - stop)
      if (this.done || inPiece >= at) {
        queue.start = queue.end = 0
        at = inPiece
        if (this.done) return at
      } else {
        queue.start = stop
        at = next
      }
    }
    const stop = this.consume(bytes, at, bytes.length)
    if (this.done) return stop
    queue.start = queue.end = 0
    queue.append(bytes.subarray(stop))
    return bytes.length
  }

  /**
   * Reads b[from, end); returns where it stopped: after `</TABLEDATA>` (then `done`), at `end`, or at an
   * incomplete token. Returns numbers, not objects: a return path first taken in optimized code with an
   * object literal deoptimizes this large function.
   */
  private consume(b: Uint8Array, from: number, end: number): number {
    const width = this.converters.length
    let i = from
    // The common unprefixed `<TR>`, `<TD>text</TD>`, `</TR>` are read with byte tests only; the rest takes `token`.
    const fast = this.td.length === 3
    const { store, converters, kinds, nullNumbers, nullTexts, storage, mins, maxs } = this
    const columns = store.columns
    let row = this.row
    for (;;) {
      let lt = i
      while (lt < end && b[lt] !== 60) lt++
      if (lt >= end) return end
      // Fewer than 5 bytes from a `<` wait for the next piece (no valid data ends there): no end checks below.
      if (lt + 5 > end) return lt
      // Every read is checked against `end`: the queue's buffer holds stale bytes after it.
      if (fast && b[lt + 1] === 84) {
        const c2 = b[lt + 2]
        if (c2 === 68 && b[lt + 3] === 62 && this.cell >= 0 && this.cell < width) {
          const from = lt + 4
          const cell = this.cell
          const kind = kinds[cell]
          const column = columns[cell]!
          // A number followed by `</TD>` is read in one pass, without a scan for the cell's end first.
          if (kind === CellKind.REAL || kind === CellKind.INTEGER || kind === CellKind.LONG) {
            const stop =
              kind === CellKind.REAL
                ? decimalNumber(b, from, end, number)
                : plainInteger(b, from, end, number)
            const v = number[0]!
            if (
              stop > 0 &&
              stop + 4 < end &&
              b[stop] === 60 &&
              b[stop + 1] === 47 &&
              b[stop + 2] === 84 &&
              b[stop + 3] === 68 &&
              b[stop + 4] === 62 &&
              v !== nullNumbers[cell]
            ) {
              // A store site per storage keeps each one seeing one array type.
              const type = storage[cell]
              if (type === Storage.FLOAT64) (column as Float64Array)[row] = v
              else if (type === Storage.FLOAT32) (column as Float32Array)[row] = v
              else if (type === Storage.INT64) store.setLong(cell, row, v)
              else if (v < mins[cell]! || v > maxs[cell]!) throw new Error(`${v} is out of range`)
              else if (type === Storage.INT32) (column as Int32Array)[row] = v
              else if (type === Storage.INT16) (column as Int16Array)[row] = v
              else (column as Uint8Array)[row] = v
              this.cell = cell + 1
              i = stop + 5
              continue
            }
          }
          let close = from
          while (close < end && b[close] !== 60) close++
          if (close + 4 >= end) return lt
          if (b[close + 1] === 47 && b[close + 2] === 84 && b[close + 3] === 68 && b[close + 4] === 62) {
            // Common scalars inline (no megamorphic converter call); anything unusual goes to the converter.
            if (from === close) store.setNull(cell, row)
            else if (kind === CellKind.BOOLEAN && close === from + 1) {
              const c = b[from]
              const values = column as VotableValue[]
              if (c === 84 || c === 116 || c === 49) values[row] = true
              else if (c === 70 || c === 102 || c === 48) values[row] = false
              else values[row] = converters[cell]!(cellText(b, from, close))
            } else if (kind === CellKind.TEXT) {
              const text = cellText(b, from, close)
              ;(column as VotableValue[])[row] = text === nullTexts[cell] ? null : text
            } else store.set(cell, row, converters[cell]!(cellText(b, from, close)))
            this.cell = cell + 1
            i = close + 5
            continue
          }
        } else if (c2 === 82 && b[lt + 3] === 62 && this.cell < 0) {
          this.cell = 0
          i = lt + 4
          continue
        }
      } else if (
        fast &&
        b[lt + 1] === 47 &&
        b[lt + 2] === 84 &&
        b[lt + 3] === 82 &&
        b[lt + 4] === 62 &&
        this.cell === width
      ) {
        this.cell = -1
        this.row = ++row
        i = lt + 5
        continue
      }
      const next = this.token(b, lt, end, width)
      if (this.done || next === lt) return next
      i = next
      row = this.row
    }
  }

  /** Any other token at `lt`: returns where it ends (setting `done` after `</TABLEDATA>`), `lt` itself when incomplete. */
  private token(b: Uint8Array, lt: number, end: number, width: number): number {
    const gt = b.indexOf(62, lt)
    if (gt < 0 || gt >= end) return lt
    if (startsWith(b, lt, this.td) && isNameEnd(b[lt + this.td.length]!)) {
      if (this.cell < 0) throw new Error('a TD outside any TR')
      if (this.cell >= width) throw new Error(`more TD cells than the ${width} FIELDs`)
      let text = ''
      let next = gt + 1
      if (b[gt - 1] !== 47) {
        const close = find(b, this.tdEnd, next, end)
        if (close < 0) return lt
        text = byteText(b, next, close)
        next = close + this.tdEnd.length
        if (text.includes('<')) text = unwrapCdata(text)
        else if (text.includes('&')) text = decodeXmlText(text)
      }
      this.store.set(this.cell, this.row, this.converters[this.cell]!(text))
      this.cell++
      return next
    }
    if (startsWith(b, lt, this.tr) && isNameEnd(b[lt + this.tr.length]!)) {
      if (this.cell >= 0) throw new Error('a TR inside a TR')
      this.cell = 0
      if (b[gt - 1] === 47) this.closeRow(width)
      return gt + 1
    }
    if (startsWith(b, lt, this.trEnd)) {
      this.closeRow(width)
      return gt + 1
    }
    if (startsWith(b, lt, this.end)) {
      if (this.cell >= 0) throw new Error('TABLEDATA ends inside a TR')
      this.done = true
      return gt + 1
    }
    if (b[lt + 1] === 33 && b[lt + 2] === 45 && b[lt + 3] === 45) {
      const close = find(b, COMMENT_END, lt + 4, end)
      return close < 0 ? lt : close + 3
    }
    throw new Error(`unexpected ${byteText(b, lt, Math.min(gt + 1, lt + 40))} in TABLEDATA`)
  }

  private closeRow(width: number): void {
    if (this.cell < 0) throw new Error('a </TR> without a TR')
    if (this.cell !== width) throw new Error(`${this.cell} TD cells but ${width} FIELDs`)
    this.cell = -1
    this.row++
  }
}

const COMMENT_END = encoder.encode('-->')

/** The text of a cell's bytes with character references decoded. */
function cellText(b: Uint8Array, from: number, to: number): string {
  const text = byteText(b, from, to)
  return text.includes('&') ? decodeXmlText(text) : text
}

function startsWith(b: Uint8Array, at: number, pattern: Uint8Array): boolean {
  for (let k = 0; k < pattern.length; k++) if (b[at + k] !== pattern[k]) return false
  return true
}

/** Where `pattern` next starts in b[from, end), or -1. */
function find(b: Uint8Array, pattern: Uint8Array, from: number, end: number): number {
  const last = end - pattern.length
  for (let at = b.indexOf(pattern[0]!, from); at >= 0 && at <= last; at = b.indexOf(pattern[0]!, at + 1)) {
    if (startsWith(b, at, pattern)) return at
  }
  return -1
}

function isNameEnd(code: number): boolean {
  return code === 62 || code === 47 || code === 32 || code === 9 || code === 10 || code === 13
}

function unwrapCdata(text: string): string {
  const outside = text.replace(CDATA, '')
  if (outside.includes('<')) throw new Error(`markup inside a TD: ${JSON.stringify(text.slice(0, 40))}`)
  let out = ''
  let last = 0
  for (const match of text.matchAll(CDATA)) {
    out += decodeXmlText(text.slice(last, match.index)) + match[1]
    last = match.index + match[0].length
  }
  return out + decodeXmlText(text.slice(last))
}
