import { parseTime, type TimeInput } from '@heliokit/core'
import { PROVIDER_ID } from './provider-id.ts'

/** A time as a Date (core's parser), re-raised with this provider's id. */
export function time(value: unknown, field: string): Date {
  return parseTime(value as TimeInput, field, PROVIDER_ID)
}
