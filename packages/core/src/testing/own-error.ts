import { isHeliokitError } from '../errors.ts'
import { check } from './check.ts'

/** Checks an error is a HeliokitError naming the provider, in `provider` and in its message prefix. */
export function checkOwnError(error: unknown, providerId: string, what: string): void {
  check(isHeliokitError(error), `${what}: expected a HeliokitError, got ${String(error).slice(0, 200)}`)
  check(
    error.provider === providerId,
    `${what}: error ${error.code} names provider ${String(error.provider)}, expected ${providerId}: ${error.message.slice(0, 200)}`,
  )
  check(
    error.message.startsWith(`[heliokit] [${providerId}] `),
    `${what}: error message lacks the [${providerId}] prefix: ${error.message.slice(0, 200)}`,
  )
}

const MAX_DEPTH = 8

/** Every Error inside a result: in plain objects and arrays, however nested (up to a depth). */
export function errorsIn(value: unknown, depth = 0, seen: Set<unknown> = new Set()): unknown[] {
  if (value instanceof Error || isHeliokitError(value)) return [value]
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH || seen.has(value)) return []
  seen.add(value)
  const proto = Object.getPrototypeOf(value)
  if (Array.isArray(value)) return value.flatMap((v) => errorsIn(v, depth + 1, seen))
  if (proto !== Object.prototype && proto !== null) return []
  return Object.values(value).flatMap((v) => errorsIn(v, depth + 1, seen))
}
