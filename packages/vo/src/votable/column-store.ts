import type { VotableColumn, VotableField, VotableValue } from './model.ts'

/** How a column is kept while rows are read: numeric scalars in a typed array, the rest as values. */
export const Storage = { VALUES: 0, FLOAT64: 1, FLOAT32: 2, INT32: 3, INT16: 4, UINT8: 5, INT64: 6 } as const
export type Storage = (typeof Storage)[keyof typeof Storage]

type Typed = Float64Array | Float32Array | Int32Array | Int16Array | Uint8Array | BigInt64Array
type TypedConstructor = new (length: number) => Typed

const TYPED: Readonly<Record<Exclude<Storage, 0>, TypedConstructor>> = {
  [Storage.FLOAT64]: Float64Array,
  [Storage.FLOAT32]: Float32Array,
  [Storage.INT32]: Int32Array,
  [Storage.INT16]: Int16Array,
  [Storage.UINT8]: Uint8Array,
  [Storage.INT64]: BigInt64Array,
}

/** Smallest and largest value of each integer storage (longs are range-checked by BigInt64Array). */
const RANGE: Readonly<Partial<Record<Storage, readonly [number, number]>>> = {
  [Storage.INT32]: [-2147483648, 2147483647],
  [Storage.INT16]: [-32768, 32767],
  [Storage.UINT8]: [0, 255],
}

const ANY: readonly [number, number] = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]

/** The values an integer storage can hold (any number for the others). */
export function rangeOf(storage: Storage): readonly [number, number] {
  return RANGE[storage] ?? ANY
}

const INITIAL_ROWS = 1024
/** Arrays of values are given their room up to this length (beyond 2^25 V8 keeps an array as a dictionary). */
const MAX_SIZED_VALUES = 1 << 24

/** Index of an int64's low 32-bit word in an Int32Array view (0 on little-endian hosts). */
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1

export function storageOf(field: VotableField): Storage {
  if (field.shape.length > 0) return Storage.VALUES
  switch (field.datatype) {
    case 'double':
      return Storage.FLOAT64
    case 'float':
      return Storage.FLOAT32
    case 'int':
      return Storage.INT32
    case 'short':
      return Storage.INT16
    case 'unsignedByte':
      return Storage.UINT8
    case 'long':
      return Storage.INT64
    default:
      return Storage.VALUES
  }
}

/** The column of a field with no rows. */
export function emptyColumn(field: VotableField): VotableColumn {
  const storage = storageOf(field)
  return storage === Storage.VALUES ? [] : new TYPED[storage](0)
}

/** Whether a stored column's value at `row` is a null (NaN in float columns, flagged in integer ones). */
export function isNullAt(column: VotableColumn, nulls: Uint8Array | undefined, row: number): boolean {
  if (nulls !== undefined && nulls[row] === 1) return true
  const value = column[row]
  return value === null || (typeof value === 'number' && Number.isNaN(value))
}

/**
 * Columns filled row by row, each value written at its row index. Typed columns grow together, with spare
 * room, and are cut to the row count by `finish`. Throws plain Errors (a value out of its type's range).
 */
export class ColumnStore {
  readonly storage: Storage[]
  /** Per field, its typed array (with room to spare) or its array of values. */
  readonly columns: (Typed | VotableValue[])[]
  /** Int32 views of the long columns, for longs read as two 32-bit words. */
  readonly words: (Int32Array | undefined)[]
  readonly nulls: (Uint8Array | undefined)[]
  private room = INITIAL_ROWS

  constructor(fields: readonly VotableField[]) {
    this.storage = fields.map(storageOf)
    // Arrays of values are holey from the start: the change from packed when they are given room would
    // deoptimize the row loops compiled before it.
    this.columns = this.storage.map((s) =>
      s === Storage.VALUES ? new Array<VotableValue>(INITIAL_ROWS) : new TYPED[s](INITIAL_ROWS),
    )
    this.words = this.columns.map(int64Words)
    this.nulls = fields.map(() => undefined)
  }

  /** Rows every column has room for. */
  get capacity(): number {
    return this.room
  }

  /**
   * Makes room for rows up to `row` in every column (at least twice the room so far unless `exact`); call
   * before those rows' values. Arrays of values get it too: appended one at a time, a 200,000-row array
   * is copied about 25 times as it grows.
   */
  reserve(row: number, exact = false): void {
    if (row < this.room) return
    const capacity = exact ? row + 1 : Math.max(row + 1, this.room * 2)
    for (let f = 0; f < this.columns.length; f++) {
      const storage = this.storage[f]!
      if (storage === Storage.VALUES) {
        if (capacity <= MAX_SIZED_VALUES) (this.columns[f] as VotableValue[]).length = capacity
      } else {
        const next = new TYPED[storage](capacity)
        next.set(this.columns[f] as never)
        this.columns[f] = next
        this.words[f] = int64Words(next)
      }
      const nulls = this.nulls[f]
      if (nulls !== undefined) {
        this.nulls[f] = new Uint8Array(capacity)
        this.nulls[f]!.set(nulls)
      }
    }
    this.room = capacity
  }

  /** Stores any value read for field `f` (null included), checking integers against their type. */
  set(f: number, row: number, value: VotableValue): void {
    const storage = this.storage[f]!
    const column = this.columns[f]!
    if (storage === Storage.VALUES) (column as VotableValue[])[row] = value
    else if (value === null) this.setNull(f, row)
    else if (storage === Storage.INT64) (column as BigInt64Array)[row] = BigInt(value as number | bigint)
    else {
      const [min, max] = rangeOf(storage)
      const n = value as number
      if (!(n >= min && n <= max)) throw new Error(`${n} is out of range`)
      ;(column as Float64Array)[row] = n
    }
  }

  /** A null: NaN in float columns, a flag (and 0) in integer columns, null elsewhere. */
  setNull(f: number, row: number): void {
    const storage = this.storage[f]!
    const column = this.columns[f]!
    if (storage === Storage.VALUES) (column as VotableValue[])[row] = null
    else if (storage === Storage.FLOAT64 || storage === Storage.FLOAT32)
      (column as Float64Array)[row] = Number.NaN
    else {
      if (storage === Storage.INT64) (column as BigInt64Array)[row] = 0n
      else (column as Int32Array)[row] = 0
      this.nulls[f] ??= new Uint8Array(this.room)
      this.nulls[f]![row] = 1
    }
  }

  /** A long within 2^53, stored as its two 32-bit words without making a BigInt. */
  setLong(f: number, row: number, value: number): void {
    const words = this.words[f]!
    // >>> 0 is the value modulo 2^32 (exact within 2^53), cheaper than %.
    const low = value >>> 0
    words[2 * row + LOW] = low
    words[2 * row + 1 - LOW] = (value - low) / 4294967296
  }

  /** A long given as its high and low 32-bit words (as BINARY stores it). */
  setLongWords(f: number, row: number, high: number, low: number): void {
    const words = this.words[f]!
    words[2 * row + LOW] = low
    words[2 * row + 1 - LOW] = high
  }

  /** Forgets row `row` (read in part): its null flags are cleared; its values are written again or cut by `finish`. */
  dropRow(row: number): void {
    for (let f = 0; f < this.columns.length; f++) {
      const nulls = this.nulls[f]
      if (nulls !== undefined) nulls[row] = 0
    }
  }

  /**
   * The columns and null flags cut to `rows`: views of the filled part while at least half is filled (a
   * copy would touch as much memory again, at the peak), copies when less is.
   */
  finish(rows: number): { columns: VotableColumn[]; nulls: (Uint8Array | undefined)[] } {
    for (const c of this.columns) if (Array.isArray(c)) c.length = rows
    const cut = <T extends Typed | VotableValue[]>(c: T): T =>
      c.length === rows || Array.isArray(c)
        ? c
        : 2 * rows >= c.length
          ? ((c as Typed).subarray(0, rows) as T)
          : (c.slice(0, rows) as T)
    return { columns: this.columns.map(cut), nulls: this.nulls.map((n) => n && cut(n)) }
  }
}

function int64Words(column: Typed | VotableValue[]): Int32Array | undefined {
  return column instanceof BigInt64Array
    ? new Int32Array(column.buffer, column.byteOffset, column.length * 2)
    : undefined
}
