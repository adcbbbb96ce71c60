import type { VotableDatatype } from './model.ts'

/** Bytes per element in BINARY/BINARY2 (bits are packed, see `bit` handling). */
export const ELEMENT_BYTES: Readonly<Record<VotableDatatype, number>> = {
  boolean: 1,
  bit: 1,
  unsignedByte: 1,
  short: 2,
  int: 4,
  long: 8,
  char: 1,
  unicodeChar: 2,
  float: 4,
  double: 8,
  floatComplex: 8,
  doubleComplex: 16,
}

export function isDatatype(value: string): value is VotableDatatype {
  return Object.hasOwn(ELEMENT_BYTES, value)
}

const DIMENSION = /^(\d+)$|^(\d*)\*$/

/** Dimensions of an arraysize (`3x4x*` -> [3, 4, null]); undefined when it is not one. */
export function parseArraysize(arraysize: string | undefined): (number | null)[] | undefined {
  if (arraysize === undefined || arraysize.trim() === '') return []
  const parts = arraysize.trim().split('x')
  const shape: (number | null)[] = []
  for (const [index, part] of parts.entries()) {
    const match = DIMENSION.exec(part)
    if (!match) return undefined
    if (match[1] !== undefined) shape.push(Number(match[1]))
    else if (index === parts.length - 1) shape.push(null)
    else return undefined
  }
  return shape
}

/** Elements per value for a fixed shape, or null when the last dimension is variable. */
export function fixedCount(shape: readonly (number | null)[]): number | null {
  let count = 1
  for (const dim of shape) {
    if (dim === null) return null
    count *= dim
  }
  return count
}
