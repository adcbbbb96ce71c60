import { invalidField, parseTime, type TimeInput } from '@heliokit/core'
import { PROVIDER_ID } from '../provider-id.ts'

/** A range whose `end` is inclusive; `start` may equal `end` (one file of a 1min dataset). */
export interface InclusiveRange {
  readonly start: Date
  readonly end: Date
}

/** The range from `start` to `end`, INVALID_INPUT naming this provider when either is not a time or start is after end. */
export function inclusiveRange(start: TimeInput, end: TimeInput): InclusiveRange {
  const range = { start: parseTime(start, 'start', PROVIDER_ID), end: parseTime(end, 'end', PROVIDER_ID) }
  if (range.start > range.end) {
    throw invalidField('start', `(${range.start.toISOString()}) is after end (${range.end.toISOString()})`, {
      provider: PROVIDER_ID,
    })
  }
  return range
}
