import type { Complex, VotableField, VotableValue } from './model.ts'

/**
 * A copy of a cell's text that does not keep the chunk it was cut from alive (V8 makes substrings of 13
 * or more characters views into their parent string).
 */
export function ownText(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1)
}

/** Converts one TABLEDATA cell or PARAM value (entities already decoded); throws a plain Error on bad text. */
export type TextConverter = (text: string) => VotableValue

const SPACES = /\s+/

function integer(text: string): number {
  const value = +text
  if (!Number.isInteger(value)) throw new Error(`${JSON.stringify(text.slice(0, 40))} is not an integer`)
  return value
}

function long(text: string): bigint {
  try {
    return BigInt(text)
  } catch {
    throw new Error(`${JSON.stringify(text.slice(0, 40))} is not a long integer`)
  }
}

const SPECIAL: Readonly<Record<string, number>> = {
  nan: Number.NaN,
  inf: Number.POSITIVE_INFINITY,
  '+inf': Number.POSITIVE_INFINITY,
  '-inf': Number.NEGATIVE_INFINITY,
  infinity: Number.POSITIVE_INFINITY,
  '+infinity': Number.POSITIVE_INFINITY,
  '-infinity': Number.NEGATIVE_INFINITY,
}

function real(text: string): number {
  const value = +text
  if (!Number.isNaN(value)) return value
  const special = SPECIAL[text.trim().toLowerCase()]
  if (special === undefined) throw new Error(`${JSON.stringify(text.slice(0, 40))} is not a number`)
  return special
}

function bool(text: string): boolean | null {
  switch (text.trim().toLowerCase()) {
    case 't':
    case 'true':
    case '1':
      return true
    case 'f':
    case 'false':
    case '0':
      return false
    case '?':
    case '':
      return null
    default:
      throw new Error(`${JSON.stringify(text.slice(0, 40))} is not a boolean`)
  }
}

function bits(text: string): boolean[] {
  const digits = text.replace(/\s+/g, '')
  if (!/^[01]*$/.test(digits)) throw new Error(`${JSON.stringify(text.slice(0, 40))} is not a bit array`)
  return Array.from(digits, (d) => d === '1')
}

function words(text: string): string[] {
  const trimmed = text.trim()
  return trimmed === '' ? [] : trimmed.split(SPACES)
}

function complexes(text: string): Complex[] {
  const parts = words(text)
  if (parts.length % 2)
    throw new Error(`${JSON.stringify(text.slice(0, 40))} has an odd number of complex parts`)
  const out: Complex[] = []
  for (let i = 0; i < parts.length; i += 2) out.push({ re: real(parts[i]!), im: real(parts[i + 1]!) })
  return out
}

/** Splits a 2+-dimensional char array into strings of the first dimension's length. */
function charRows(text: string, width: number): string[] {
  const out: string[] = []
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width))
  return out
}

/** The converter for a field's TABLEDATA text, honouring its VALUES null; empty text is null. */
export function textConverter(field: VotableField): TextConverter {
  const nullText = field.values?.null
  const array = field.shape.length > 0
  const base = baseConverter(field, array)
  if (nullText === undefined) return (text) => (text === '' ? null : base(text))
  if (array) return (text) => (text === '' || text === nullText ? null : base(text))
  const nullValue = safe(() => base(nullText))
  return (text) => {
    if (text === '' || text === nullText) return null
    const value = base(text)
    return value === nullValue ? null : value
  }
}

function safe(read: () => VotableValue): VotableValue | undefined {
  try {
    return read()
  } catch {
    return undefined
  }
}

function baseConverter(field: VotableField, array: boolean): TextConverter {
  switch (field.datatype) {
    case 'boolean':
      return array ? (t) => words(t).map(bool) : bool
    case 'bit':
      return array ? bits : (t) => bits(t)[0] ?? null
    case 'unsignedByte':
      return array ? (t) => Uint8Array.from(words(t), integer) : integer
    case 'short':
      return array ? (t) => Int16Array.from(words(t), integer) : integer
    case 'int':
      return array ? (t) => Int32Array.from(words(t), integer) : integer
    case 'long':
      return array ? (t) => BigInt64Array.from(words(t), long) : long
    case 'float':
      return array ? (t) => Float32Array.from(words(t), real) : nanIsNull
    case 'double':
      return array ? (t) => Float64Array.from(words(t), real) : nanIsNull
    case 'floatComplex':
    case 'doubleComplex':
      return array ? complexes : (t) => complexes(t)[0] ?? null
    case 'char':
    case 'unicodeChar': {
      const width = field.shape[0]
      return field.shape.length > 1 && width ? (t) => charRows(ownText(t), width) : ownText
    }
  }
}

function nanIsNull(text: string): number | null {
  const value = real(text)
  return Number.isNaN(value) ? null : value
}

/** How the TABLEDATA fast path reads a field's cells: inline for common scalars, else by its converter. */
export const CellKind = { OTHER: 0, REAL: 1, INTEGER: 2, TEXT: 3, LONG: 4, BOOLEAN: 5 } as const
export type CellKind = (typeof CellKind)[keyof typeof CellKind]

export function cellKind(field: VotableField): CellKind {
  const scalar = field.shape.length === 0
  switch (field.datatype) {
    case 'float':
    case 'double':
      return scalar ? CellKind.REAL : CellKind.OTHER
    case 'short':
    case 'int':
    case 'unsignedByte':
      return scalar ? CellKind.INTEGER : CellKind.OTHER
    case 'long':
      return scalar ? CellKind.LONG : CellKind.OTHER
    case 'boolean':
      return scalar && field.values?.null === undefined ? CellKind.BOOLEAN : CellKind.OTHER
    case 'char':
    case 'unicodeChar':
      return field.shape.length <= 1 ? CellKind.TEXT : CellKind.OTHER
    default:
      return CellKind.OTHER
  }
}

/** The VALUES null of a numeric field as a number (NaN when none, which no parsed cell equals). */
export function nullNumber(field: VotableField): number {
  const text = field.values?.null
  return text === undefined || text.trim() === '' ? Number.NaN : Number(text)
}
