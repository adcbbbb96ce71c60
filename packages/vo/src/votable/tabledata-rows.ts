import { type ColumnStore, rangeOf, Storage } from './column-store.ts'
import type { VotableField, VotableValue } from './model.ts'
import { plainInteger } from './plain-integer.ts'
import { CellKind, cellKind, nullNumber, ownText, type TextConverter, textConverter } from './text-value.ts'
import { decodeXmlText } from './xml-text.ts'

const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g

/**
 * Reads TR/TD rows straight from the document text into a ColumnStore, as text arrives; only the cell
 * being read becomes a string of its own. Throws plain Errors; `row`/`column` say where.
 */
export class TabledataRows {
  private readonly converters: TextConverter[]
  private readonly kinds: CellKind[]
  private readonly nullNumbers: number[]
  private readonly nullTexts: (string | undefined)[]
  private readonly storage: Storage[]
  private readonly mins: number[]
  private readonly maxs: number[]
  private readonly td: string
  private readonly tdEnd: string
  private readonly tr: string
  private readonly trEnd: string
  private readonly end: string
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
    this.td = `<${prefix}TD`
    this.tdEnd = `</${prefix}TD>`
    this.tr = `<${prefix}TR`
    this.trEnd = `</${prefix}TR>`
    this.end = `</${prefix}TABLEDATA>`
  }

  /** The field being read when an error is thrown. */
  get column(): string | undefined {
    return this.cell >= 0 ? this.fields[this.cell]?.name : undefined
  }

  /**
   * Reads from `from`; returns where it stopped: after `</TABLEDATA>` (then `done`), at the end of `s`, or
   * at an incomplete token. Returns numbers, not objects: a return path first taken in optimized code with
   * an object literal deoptimizes this large function (a recompile costing ~0.1-0.3 s of CPU).
   */
  consume(s: string, from: number): number {
    const width = this.converters.length
    let i = from
    // The common unprefixed `<TD>text</TD>` is read with character tests only; the rest takes `token`.
    const fast = this.td === '<TD'
    const { store, converters, kinds, nullNumbers, nullTexts, storage, mins, maxs } = this
    const columns = store.columns
    let row = this.row
    for (;;) {
      const lt = s.indexOf('<', i)
      if (lt < 0) return s.length
      // Reads past the end of `s` are avoided: each one deoptimizes this function (a recompile per chunk).
      if (
        fast &&
        this.cell >= 0 &&
        this.cell < width &&
        lt + 4 < s.length &&
        s.charCodeAt(lt + 1) === 84 &&
        s.charCodeAt(lt + 2) === 68 &&
        s.charCodeAt(lt + 3) === 62
      ) {
        const close = s.indexOf('<', lt + 4)
        if (close < 0 || close + 4 >= s.length) return lt
        if (
          s.charCodeAt(close + 1) === 47 &&
          s.charCodeAt(close + 2) === 84 &&
          s.charCodeAt(close + 3) === 68
        ) {
          if (s.charCodeAt(close + 4) === 62) {
            const cell = this.cell
            const from = lt + 4
            // Common scalars inline (no megamorphic converter call); anything unusual goes to the converter.
            const kind = kinds[cell]
            const column = columns[cell]!
            // A store site per storage keeps each one seeing one array type.
            if (from === close) store.setNull(cell, row)
            else if (kind === CellKind.REAL) {
              const text = s.slice(from, close)
              const v = +text
              if (Number.isNaN(v) || v === nullNumbers[cell])
                store.set(cell, row, converters[cell]!(cellText(text)))
              else if (storage[cell] === Storage.FLOAT64) (column as Float64Array)[row] = v
              else (column as Float32Array)[row] = v
            } else if (kind === CellKind.INTEGER) {
              // Digits are read in place: no string is made for a plain integer.
              const v = plainInteger(s, from, close)
              if (Number.isNaN(v) || v === nullNumbers[cell]) {
                store.set(cell, row, converters[cell]!(cellText(s.slice(from, close))))
              } else if (v < mins[cell]! || v > maxs[cell]!) throw new Error(`${v} is out of range`)
              else if (storage[cell] === Storage.INT32) (column as Int32Array)[row] = v
              else if (storage[cell] === Storage.INT16) (column as Int16Array)[row] = v
              else (column as Uint8Array)[row] = v
            } else if (kind === CellKind.LONG) {
              const v = plainInteger(s, from, close)
              if (Number.isNaN(v) || v === nullNumbers[cell]) {
                store.set(cell, row, converters[cell]!(cellText(s.slice(from, close))))
              } else store.setLong(cell, row, v)
            } else if (kind === CellKind.BOOLEAN && close === from + 1) {
              const c = s.charCodeAt(from)
              const values = column as VotableValue[]
              if (c === 84 || c === 116 || c === 49) values[row] = true
              else if (c === 70 || c === 102 || c === 48) values[row] = false
              else values[row] = converters[cell]!(cellText(s.slice(from, close)))
            } else if (kind === CellKind.TEXT) {
              const text = cellText(s.slice(from, close))
              ;(column as VotableValue[])[row] = text === nullTexts[cell] ? null : ownText(text)
            } else store.set(cell, row, converters[cell]!(cellText(s.slice(from, close))))
            this.cell = cell + 1
            i = close + 5
            continue
          }
        }
      }
      const next = this.token(s, lt, width)
      if (this.done || next === lt) return next
      i = next
      row = this.row
    }
  }

  /** Any other token at `lt`: returns where it ends (setting `done` after `</TABLEDATA>`), `lt` itself when incomplete. */
  private token(s: string, lt: number, width: number): number {
    const gt = s.indexOf('>', lt)
    if (gt < 0) return lt
    if (s.startsWith(this.td, lt) && isNameEnd(s.charCodeAt(lt + this.td.length))) {
      if (this.cell < 0) throw new Error('a TD outside any TR')
      if (this.cell >= width) throw new Error(`more TD cells than the ${width} FIELDs`)
      let text = ''
      let next = gt + 1
      if (s.charCodeAt(gt - 1) !== 47) {
        const close = s.indexOf(this.tdEnd, next)
        if (close < 0) return lt
        text = s.slice(next, close)
        next = close + this.tdEnd.length
        if (text.includes('<')) text = unwrapCdata(text)
        else if (text.includes('&')) text = decodeXmlText(text)
      }
      this.store.set(this.cell, this.row, this.converters[this.cell]!(text))
      this.cell++
      return next
    }
    if (s.startsWith(this.tr, lt) && isNameEnd(s.charCodeAt(lt + this.tr.length))) {
      if (this.cell >= 0) throw new Error('a TR inside a TR')
      this.store.reserve(this.row)
      this.cell = 0
      if (s.charCodeAt(gt - 1) === 47) this.closeRow(width)
      return gt + 1
    }
    if (s.startsWith(this.trEnd, lt)) {
      this.closeRow(width)
      return gt + 1
    }
    if (s.startsWith(this.end, lt)) {
      if (this.cell >= 0) throw new Error('TABLEDATA ends inside a TR')
      this.done = true
      return gt + 1
    }
    if (s.startsWith('<!--', lt)) {
      const close = s.indexOf('-->', lt + 4)
      return close < 0 ? lt : close + 3
    }
    throw new Error(`unexpected ${s.slice(lt, Math.min(gt + 1, lt + 40))} in TABLEDATA`)
  }

  private closeRow(width: number): void {
    if (this.cell < 0) throw new Error('a </TR> without a TR')
    if (this.cell !== width) throw new Error(`${this.cell} TD cells but ${width} FIELDs`)
    this.cell = -1
    this.row++
  }
}

function cellText(text: string): string {
  return text.includes('&') ? decodeXmlText(text) : text
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
