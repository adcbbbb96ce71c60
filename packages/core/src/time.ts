import { invalidField } from './errors.ts'

/** A time as callers give it: a `Date` or an ISO 8601 string; a string without an offset is UTC. */
export type TimeInput = Date | string

/** A half-open UTC time range: `start` is included, `end` is not. */
export interface TimeRange {
  readonly start: Date
  readonly end: Date
}

// Date-only, minute, second and fractional-second precision; `T` or a space; `Z`, `±HH:MM` or nothing (UTC).
const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i

/** Parses a time; anything that is not a real instant raises INVALID_INPUT naming the field (and `provider`, when given). */
export function parseTime(input: TimeInput, field = 'time', provider?: string): Date {
  const invalid = (message: string) => invalidField(field, message, { provider })
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw invalid('is an invalid Date')
    return new Date(input.getTime())
  }
  if (typeof input !== 'string') throw invalid(`must be a Date or an ISO 8601 string, got ${typeof input}`)
  const m = isoPattern.exec(input.trim())
  if (!m) throw invalid(`is not an ISO 8601 time: ${JSON.stringify(input.slice(0, 64))}`)
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m
  const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const
  const ms = Number(frac.padEnd(3, '0').slice(0, 3))
  // Not Date.UTC: it maps years 0-99 to 1900-1999.
  const check = new Date(0)
  check.setUTCFullYear(parts[0], parts[1], parts[2])
  check.setUTCHours(parts[3], parts[4], parts[5], ms)
  const fits =
    check.getUTCFullYear() === parts[0] &&
    check.getUTCMonth() === parts[1] &&
    check.getUTCDate() === parts[2] &&
    check.getUTCHours() === parts[3] &&
    check.getUTCMinutes() === parts[4] &&
    check.getUTCSeconds() === parts[5]
  if (!fits) throw invalid(`is not a real calendar time: ${JSON.stringify(input)}`)
  const offset = offsetMs(zone)
  if (offset === undefined) throw invalid(`has an impossible UTC offset: ${JSON.stringify(input)}`)
  return new Date(check.getTime() - offset)
}

function offsetMs(zone: string | undefined): number | undefined {
  if (!zone || zone.toUpperCase() === 'Z') return 0
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = Number(digits.slice(2, 4))
  if (hours > 23 || minutes > 59) return undefined
  return sign * (hours * 60 + minutes) * 60_000
}

/** Parses both ends of a half-open range; `end` must be after `start`. Errors name `provider`, when given. */
export function parseTimeRange(
  start: TimeInput,
  end: TimeInput,
  field = 'range',
  provider?: string,
): TimeRange {
  const range = {
    start: parseTime(start, `${field}.start`, provider),
    end: parseTime(end, `${field}.end`, provider),
  }
  if (range.end.getTime() <= range.start.getTime()) {
    const message = `end (${formatUtc(range.end)}) must be after start (${formatUtc(range.start)})`
    throw invalidField(field, message, { provider })
  }
  return range
}

/** Splits a range into consecutive half-open windows of at most `windowMs`, in order. */
export function splitTimeRange(range: TimeRange, windowMs: number): TimeRange[] {
  if (!(windowMs > 0)) throw invalidField('windowMs', 'must be a positive number of milliseconds')
  const windows: TimeRange[] = []
  for (let t = range.start.getTime(); t < range.end.getTime(); t += windowMs) {
    windows.push({ start: new Date(t), end: new Date(Math.min(t + windowMs, range.end.getTime())) })
  }
  return windows
}

/** `YYYY-MM-DDTHH:MM:SS` in UTC, with no fraction and no zone: what most archive APIs expect. */
export function formatUtc(date: Date): string {
  if (Number.isNaN(date.getTime())) throw invalidField('date', 'is an invalid Date')
  return date.toISOString().slice(0, 19)
}
