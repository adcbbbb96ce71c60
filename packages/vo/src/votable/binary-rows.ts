import { type BinaryColumn, binaryColumn } from './binary-value.ts'
import { ByteQueue } from './byte-queue.ts'
import { type ColumnStore, Storage, storageOf } from './column-store.ts'
import type { VotableField, VotableValue } from './model.ts'

// A scalar boolean, read inline like the typed storages; Storage.VALUES columns go through the field's reader.
const BOOLEAN = 7

/** What the row loop reads inline for a field: its column's storage, or BOOLEAN. */
function binaryKind(field: VotableField): number {
  return field.datatype === 'boolean' && field.shape.length === 0 ? BOOLEAN : storageOf(field)
}

/** A long VALUES null as its high and low 32-bit words; NaN words (never equal) when there is none. */
function nullWords(field: VotableField): [number, number] {
  const text = field.values?.null?.trim()
  if (field.datatype !== 'long' || !text || !/^[+-]?\d+$/.test(text)) return [Number.NaN, Number.NaN]
  const value = BigInt(text)
  return [Number(BigInt.asIntN(32, value >> 32n)), Number(BigInt.asIntN(32, value))]
}

/**
 * Turns decoded BINARY or BINARY2 bytes into a ColumnStore, row by row, as they arrive. Only the bytes
 * of an incomplete row are held between pushes. BINARY2 rows start with ceil(fields/8) null-flag bytes,
 * highest bit first.
 */
export class BinaryRows {
  private readonly readers: BinaryColumn[]
  private readonly kinds: number[]
  private readonly nullNumbers: number[]
  private readonly nullHigh: number[]
  private readonly nullLow: number[]
  private readonly flagBytes: number
  /** The fewest bytes a row takes. */
  private readonly minRowBytes: number
  private readonly queue = new ByteQueue()
  /** Complete rows read. */
  rowCount = 0

  constructor(
    fields: readonly VotableField[],
    binary2: boolean,
    private readonly store: ColumnStore,
  ) {
    if (fields.length === 0) throw new Error('a table with data but no FIELD')
    this.readers = fields.map(binaryColumn)
    this.kinds = fields.map(binaryKind)
    this.nullNumbers = fields.map((f) => (f.values?.null === undefined ? Number.NaN : Number(f.values.null)))
    const words = fields.map(nullWords)
    this.nullHigh = words.map((w) => w[0])
    this.nullLow = words.map((w) => w[1])
    this.flagBytes = binary2 ? (fields.length + 7) >> 3 : 0
    this.minRowBytes = Math.max(
      1,
      this.readers.reduce((sum, r) => sum + r.minSize, this.flagBytes),
    )
  }

  push(bytes: Uint8Array): void {
    const queue = this.queue
    queue.append(bytes)
    // Room for every row the bytes can hold is made here: a growth first met in `read` would deoptimize it.
    this.store.reserve(this.rowCount + Math.floor((queue.end - queue.start) / this.minRowBytes))
    this.read()
  }

  /** Reads the complete rows in the queue. */
  private read(): void {
    const queue = this.queue
    const { readers, store, flagBytes, kinds, nullNumbers, nullHigh, nullLow } = this
    const { buffer, view, end } = queue
    const columns = store.columns
    const count = readers.length
    let pos = queue.start
    let row = this.rowCount
    rows: for (;;) {
      let at = pos + flagBytes
      if (at > end) break
      for (let f = 0; f < count; f++) {
        const column = columns[f]!
        const kind = kinds[f]!
        const isNull = flagBytes > 0 && (buffer[pos + (f >> 3)]! & (0x80 >> (f & 7))) !== 0
        // Fixed-size numeric scalars inline, a store site per kind; the rest through the field's reader.
        if (kind === Storage.FLOAT64 && at + 8 <= end) {
          // NaN, the format's null for floats, is kept as it is.
          ;(column as Float64Array)[row] = isNull ? Number.NaN : view.getFloat64(at)
          at += 8
        } else if (kind === Storage.INT32 && at + 4 <= end) {
          const v = view.getInt32(at)
          if (isNull || v === nullNumbers[f]) store.setNull(f, row)
          else (column as Int32Array)[row] = v
          at += 4
        } else if (kind === Storage.FLOAT32 && at + 4 <= end) {
          ;(column as Float32Array)[row] = isNull ? Number.NaN : view.getFloat32(at)
          at += 4
        } else if (kind === Storage.INT16 && at + 2 <= end) {
          const v = view.getInt16(at)
          if (isNull || v === nullNumbers[f]) store.setNull(f, row)
          else (column as Int16Array)[row] = v
          at += 2
        } else if (kind === Storage.UINT8 && at + 1 <= end) {
          const v = buffer[at]!
          if (isNull || v === nullNumbers[f]) store.setNull(f, row)
          else (column as Uint8Array)[row] = v
          at += 1
        } else if (kind === Storage.INT64 && at + 8 <= end) {
          const high = view.getInt32(at)
          const low = view.getInt32(at + 4)
          if (isNull || (high === nullHigh[f] && low === nullLow[f])) store.setNull(f, row)
          else store.setLongWords(f, row, high, low)
          at += 8
        } else if (kind === BOOLEAN && at + 1 <= end) {
          const b = buffer[at]!
          ;(column as VotableValue[])[row] = isNull
            ? null
            : b === 0x54 || b === 0x74 || b === 0x31 || b === 1
              ? true
              : b === 0x46 || b === 0x66 || b === 0x30
                ? false
                : null
          at += 1
        } else {
          const size = readers[f]!.size(view, at, end)
          if (size < 0) {
            // The row continues in the next push: forget this row's values and wait.
            store.dropRow(row)
            break rows
          }
          // Only Storage.VALUES columns (arrays, strings, complex, bits) get here: a fixed-size kind whose bytes are cut stopped above.
          ;(column as VotableValue[])[row] = isNull ? null : readers[f]!.read(view, buffer, at)
          at += size
        }
      }
      pos = at
      row++
    }
    queue.start = pos
    this.rowCount = row
  }

  /** Bytes left over after the last complete row (a truncated row when not 0). */
  get pending(): number {
    return this.queue.end - this.queue.start
  }
}
