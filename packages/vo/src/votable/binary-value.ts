import { byteText } from './byte-text.ts'
import { ELEMENT_BYTES, fixedCount } from './datatype.ts'
import type { Complex, VotableField, VotableValue } from './model.ts'

/** Reads one field's value from BINARY/BINARY2 bytes (big-endian, variable arrays prefixed by a count). */
export interface BinaryColumn {
  /** The fewest bytes a value takes (a variable array's count prefix). */
  readonly minSize: number
  /** Bytes the value at `pos` takes, or -1 when `end` comes first (more data needed). */
  size(view: DataView, pos: number, end: number): number
  read(view: DataView, bytes: Uint8Array, pos: number): VotableValue
}

/** A char value: its bytes up to the first NUL. */
function chars(bytes: Uint8Array, start: number, end: number): string {
  let stop = start
  while (stop < end && bytes[stop] !== 0) stop++
  return byteText(bytes, start, stop)
}

function unicode(view: DataView, start: number, count: number): string {
  let out = ''
  for (let i = 0; i < count; i++) {
    const code = view.getUint16(start + 2 * i)
    if (code === 0) break
    out += String.fromCharCode(code)
  }
  return out
}

function bool(byte: number): boolean | null {
  if (byte === 0x54 || byte === 0x74 || byte === 0x31 || byte === 1) return true
  if (byte === 0x46 || byte === 0x66 || byte === 0x30) return false
  return null
}

type Element = (view: DataView, pos: number) => number | bigint | Complex

function element(field: VotableField): Element {
  switch (field.datatype) {
    case 'unsignedByte':
      return (v, p) => v.getUint8(p)
    case 'short':
      return (v, p) => v.getInt16(p)
    case 'int':
      return (v, p) => v.getInt32(p)
    case 'long':
      return (v, p) => v.getBigInt64(p)
    case 'float':
      return (v, p) => v.getFloat32(p)
    case 'double':
      return (v, p) => v.getFloat64(p)
    case 'floatComplex':
      return (v, p) => ({ re: v.getFloat32(p), im: v.getFloat32(p + 4) })
    case 'doubleComplex':
      return (v, p) => ({ re: v.getFloat64(p), im: v.getFloat64(p + 8) })
    default:
      return (v, p) => v.getUint8(p)
  }
}

const ARRAYS = {
  unsignedByte: Uint8Array,
  short: Int16Array,
  int: Int32Array,
  float: Float32Array,
  double: Float64Array,
} as const

/** Decodes `count` elements starting at `pos` (after any count prefix). */
function arrayReader(
  field: VotableField,
): (view: DataView, bytes: Uint8Array, pos: number, count: number) => VotableValue {
  const width = ELEMENT_BYTES[field.datatype]
  const one = element(field)
  switch (field.datatype) {
    case 'char': {
      const rowWidth = field.shape.length > 1 ? field.shape[0] : undefined
      return (_v, b, p, n) => {
        if (rowWidth) {
          const out: string[] = []
          for (let i = 0; i < n; i += rowWidth) out.push(chars(b, p + i, p + Math.min(n, i + rowWidth)))
          return out
        }
        return chars(b, p, p + n) || null
      }
    }
    case 'unicodeChar':
      return (v, _b, p, n) => unicode(v, p, n) || null
    case 'boolean':
      return (_v, b, p, n) => Array.from(b.subarray(p, p + n), bool)
    case 'bit':
      return (_v, b, p, n) =>
        Array.from({ length: n }, (_, i) => ((b[p + (i >> 3)]! >> (7 - (i & 7))) & 1) === 1)
    case 'long':
      return (v, _b, p, n) => BigInt64Array.from({ length: n }, (_, i) => v.getBigInt64(p + 8 * i))
    case 'floatComplex':
    case 'doubleComplex':
      return (v, _b, p, n) => Array.from({ length: n }, (_, i) => one(v, p + width * i) as Complex)
    default: {
      const Typed = ARRAYS[field.datatype]
      return (v, _b, p, n) => {
        const out = new Typed(n)
        for (let i = 0; i < n; i++) out[i] = one(v, p + width * i) as number
        return out
      }
    }
  }
}

function bytesFor(field: VotableField, count: number): number {
  return field.datatype === 'bit' ? (count + 7) >> 3 : count * ELEMENT_BYTES[field.datatype]
}

function scalarReader(field: VotableField): (view: DataView, bytes: Uint8Array, pos: number) => VotableValue {
  const one = element(field)
  const nullText = field.values?.null
  switch (field.datatype) {
    case 'boolean':
      return (_v, b, p) => bool(b[p]!)
    case 'bit':
      return (_v, b, p) => (b[p]! & 0x80) !== 0
    case 'char':
      return (_v, b, p) => chars(b, p, p + 1) || null
    case 'unicodeChar':
      return (v, _b, p) => unicode(v, p, 1) || null
    case 'float':
    case 'double':
      return (v, _b, p) => {
        const value = one(v, p) as number
        return Number.isNaN(value) ? null : value
      }
    case 'long': {
      const nullValue = nullText === undefined ? undefined : safeBigInt(nullText)
      return (v, _b, p) => {
        const value = one(v, p)
        return value === nullValue ? null : value
      }
    }
    case 'floatComplex':
    case 'doubleComplex':
      return (v, _b, p) => one(v, p)
    default: {
      const nullValue = nullText === undefined ? undefined : Number(nullText)
      return (v, _b, p) => {
        const value = one(v, p)
        return value === nullValue ? null : value
      }
    }
  }
}

function safeBigInt(text: string): bigint | undefined {
  try {
    return BigInt(text.trim())
  } catch {
    return undefined
  }
}

/** The reader for one field, from its datatype and shape. */
export function binaryColumn(field: VotableField): BinaryColumn {
  const count = fixedCount(field.shape)
  if (field.shape.length === 0) {
    const width = ELEMENT_BYTES[field.datatype]
    const read = scalarReader(field)
    return { minSize: width, size: (_v, pos, end) => (pos + width <= end ? width : -1), read }
  }
  const readArray = arrayReader(field)
  if (count !== null) {
    const width = bytesFor(field, count)
    return {
      minSize: width,
      size: (_v, pos, end) => (pos + width <= end ? width : -1),
      read: (view, bytes, pos) => readArray(view, bytes, pos, count),
    }
  }
  return {
    minSize: 4,
    size: (view, pos, end) => {
      if (pos + 4 > end) return -1
      const width = 4 + bytesFor(field, view.getUint32(pos))
      return pos + width <= end ? width : -1
    },
    read: (view, bytes, pos) => readArray(view, bytes, pos + 4, view.getUint32(pos)),
  }
}
