import { type BinaryColumn, binaryColumn } from './binary-value.ts'
import type { VotableField, VotableValue } from './model.ts'

/**
 * Turns decoded BINARY or BINARY2 bytes into column values, row by row, as they arrive. Only the bytes
 * of an incomplete row are held between pushes. BINARY2 rows start with ceil(fields/8) null-flag bytes,
 * highest bit first.
 */
export class BinaryRows {
  private readonly readers: BinaryColumn[]
  private readonly flagBytes: number
  private buffer = new Uint8Array(1 << 16)
  private view = new DataView(this.buffer.buffer)
  private start = 0
  private end = 0

  constructor(
    fields: readonly VotableField[],
    binary2: boolean,
    private readonly columns: VotableValue[][],
  ) {
    if (fields.length === 0) throw new Error('a table with data but no FIELD')
    this.readers = fields.map(binaryColumn)
    this.flagBytes = binary2 ? (fields.length + 7) >> 3 : 0
  }

  get rowCount(): number {
    return this.columns[0]?.length ?? 0
  }

  push(bytes: Uint8Array): void {
    this.append(bytes)
    const { readers, columns, flagBytes, buffer, view } = this
    const count = readers.length
    let pos = this.start
    const end = this.end
    for (;;) {
      // Size the whole row first, so a row cut across pushes is read once it is complete.
      let at = pos + flagBytes
      if (at > end) break
      for (let f = 0; f < count && at >= 0; f++) {
        const size = readers[f]!.size(view, at, end)
        at = size < 0 ? -1 : at + size
      }
      if (at < 0) break
      at = pos + flagBytes
      for (let f = 0; f < count; f++) {
        const reader = readers[f]!
        const size = reader.size(view, at, end)
        const isNull = flagBytes > 0 && (buffer[pos + (f >> 3)]! & (0x80 >> (f & 7))) !== 0
        columns[f]!.push(isNull ? null : reader.read(view, buffer, at))
        at += size
      }
      pos = at
    }
    this.start = pos
  }

  /** Bytes left over after the last complete row (a truncated row when not 0). */
  get pending(): number {
    return this.end - this.start
  }

  private append(bytes: Uint8Array): void {
    if (this.end + bytes.length > this.buffer.length) {
      const kept = this.end - this.start
      if (kept + bytes.length <= this.buffer.length) {
        this.buffer.copyWithin(0, this.start, this.end)
      } else {
        const next = new Uint8Array((kept + bytes.length) * 2)
        next.set(this.buffer.subarray(this.start, this.end))
        this.buffer = next
        this.view = new DataView(next.buffer)
      }
      this.start = 0
      this.end = kept
    }
    this.buffer.set(bytes, this.end)
    this.end += bytes.length
  }
}
