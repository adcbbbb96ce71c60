import { type ByteRange, invalidField } from '@heliokit/core'

/**
 * The inclusive range served for `range` of an object of `size` bytes, `end` clamped to the last byte
 * as HTTP does. A range that is not integers with `start <= end`, or starts past the end, is
 * INVALID_INPUT.
 */
export function servedRange(range: ByteRange, size: number): { start: number; end: number } {
  const { start, end } = range
  if (!Number.isSafeInteger(start) || start < 0) {
    throw invalidField('range', `start must be a non-negative integer, got ${String(start)}`)
  }
  if (end !== undefined && (!Number.isSafeInteger(end) || end < start)) {
    throw invalidField('range', `end must be an integer >= start, got ${String(end)}`)
  }
  if (start >= size) throw invalidField('range', `starts at ${start}, past the end of a ${size}-byte object`)
  return { start, end: Math.min(end ?? size - 1, size - 1) }
}
