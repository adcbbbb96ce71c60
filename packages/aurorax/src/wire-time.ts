import { parseTime, type TimeInput } from '@heliokit/core'
import { invalid } from './input-error.ts'
import { PROVIDER_ID } from './provider-id.ts'

/** A caller's time as the AuroraX wire writes it: `YYYY-MM-DDTHH:MM:SS`, UTC, no zone. */
export function wireTime(input: TimeInput, field: string): string {
  return toDate(input, field).toISOString().slice(0, 19)
}

/** A caller's time as a Date; INVALID_INPUT from this provider when it is not one. */
export function toDate(input: TimeInput, field: string): Date {
  return parseTime(input, field, PROVIDER_ID)
}

/** Both ends of an inclusive range; `end` may equal `start`. */
export function wireRange(start: TimeInput, end: TimeInput): { start: string; end: string } {
  const s = toDate(start, 'start')
  const e = toDate(end, 'end')
  if (e.getTime() < s.getTime())
    throw invalid('end', `(${wireIso(e)}) must not be before start (${wireIso(s)})`)
  return { start: wireIso(s), end: wireIso(e) }
}

function wireIso(d: Date): string {
  return d.toISOString().slice(0, 19)
}

/** A wire time (`YYYY-MM-DDTHH:MM:SS`, no zone) as a UTC Date. */
export function fromWireTime(text: string): Date {
  return new Date(text.length === 10 ? `${text}T00:00:00Z` : `${text}Z`)
}
