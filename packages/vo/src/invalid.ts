import { type InvalidInputError, invalidField } from '@heliokit/core/errors'
import { PROVIDER_ID } from './provider-id.ts'

/** INVALID_INPUT for one field, from this provider. */
export function invalid(field: string, message: string): InvalidInputError {
  return invalidField(field, message, { provider: PROVIDER_ID })
}

export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 64))
  if (typeof value === 'number') return String(value)
  return Array.isArray(value) ? 'an array' : typeof value
}

/** A finite number, or INVALID_INPUT naming the field. */
export function finite(
  value: unknown,
  field: string,
  min: number = -Infinity,
  max: number = Infinity,
): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalid(field, `must be a number from ${min} to ${max}, got ${show(value)}`)
  }
  return value
}

/** An http(s) URL, or INVALID_INPUT naming the field. */
export function serviceUrl(value: unknown, field: string): URL {
  if (typeof value !== 'string' && !(value instanceof URL))
    throw invalid(field, `must be a URL, got ${show(value)}`)
  let url: URL
  try {
    url = new URL(String(value))
  } catch {
    throw invalid(field, `must be a URL, got ${show(String(value))}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(field, `must be an http(s) URL, got ${url.protocol}`)
  }
  return url
}
