import { InvalidInputError, type QueryValue } from '@heliokit/core'

/**
 * A copy of `url` with `query` appended: `undefined`/`null` left out, booleans as `true`/`false`,
 * Dates as ISO strings, arrays as repeated keys. Non-finite numbers and invalid Dates are rejected.
 */
export function withQuery(url: URL, query: Readonly<Record<string, QueryValue>> | undefined): URL {
  const out = new URL(url.href)
  if (query) appendParams(out.searchParams, query)
  return out
}

/** Appends `values` to `params` with the encoding rules of `withQuery` (also used for form bodies). */
export function appendParams(params: URLSearchParams, values: Readonly<Record<string, QueryValue>>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue
    const items: readonly (string | number | boolean | Date)[] = Array.isArray(value) ? value : [value]
    for (const item of items) params.append(key, encode(key, item))
  }
}

function encode(key: string, value: string | number | boolean | Date): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InvalidInputError(`query "${key}" is an invalid Date`)
    return value.toISOString()
  }
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new InvalidInputError(`query "${key}" must be a string, number, boolean or Date`)
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new InvalidInputError(`query "${key}" is not a finite number: ${value}`)
  }
  return String(value)
}
