import { BadResponseError, throwIfAborted } from '@heliokit/core'
import type { AuroraxConnection } from './connection.ts'
import { PROVIDER_ID } from './provider-id.ts'
import type { AuroraxCallOptions } from './search.ts'

/** The API's "SQL-like" sentence for a search body; the API may answer it as text or as a JSON string. */
export async function describeQuery(
  conn: AuroraxConnection,
  kind: 'ephemeris' | 'data_products' | 'conjunction',
  body: Record<string, unknown>,
  options: AuroraxCallOptions,
): Promise<string> {
  throwIfAborted(options.signal, PROVIDER_ID)
  const path = `utils/describe/query/${kind}`
  const res = await conn.api.text({
    method: 'POST',
    path,
    json: body,
    idempotent: true,
    signal: options.signal,
  })
  const type = res.headers.get('content-type') ?? ''
  if (!/\bjson\b/i.test(type)) return res.data
  let parsed: unknown
  try {
    parsed = JSON.parse(res.data)
  } catch {
    parsed = undefined
  }
  if (typeof parsed !== 'string') {
    throw new BadResponseError(`POST /api/v1/${path} -> ${res.status}: expected a description string`, {
      provider: PROVIDER_ID,
      status: res.status,
    })
  }
  return parsed
}
