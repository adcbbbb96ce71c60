import { BadResponseError, NotFoundError, parseResponse } from '@heliokit/core'
import type { AuroraxConnection } from './connection.ts'
import { PROVIDER_ID } from './provider-id.ts'
import { searchDataSchema } from './schemas.ts'

/**
 * The records list of a finished search (`GET {request_url}/data`, or POST with a response format),
 * unchecked; a `{"error": ...}` document (an expired result file) is NOT_FOUND.
 */
export async function fetchResult(
  conn: AuroraxConnection,
  requestUrl: string,
  responseFormat: Readonly<Record<string, unknown>> | undefined,
  signal: AbortSignal | undefined,
): Promise<{ result: unknown[]; text: string; bytes: number; url: string }> {
  const url = `${requestUrl}/data`
  const { client, path } = conn.at(url)
  const method = responseFormat ? 'POST' : 'GET'
  const res = await client.text({
    method,
    path,
    json: responseFormat,
    headers: { accept: 'application/json' },
    signal,
  })
  let doc: unknown
  try {
    doc = JSON.parse(res.data)
  } catch {
    throw new BadResponseError(`${method} /${path} -> ${res.status}: the result is not JSON`, {
      provider: PROVIDER_ID,
      status: res.status,
    })
  }
  // The schema would copy a result of 100,000 records only to say it is a list.
  const result = (doc as { result?: unknown } | null)?.result
  const envelope = Array.isArray(result)
    ? { result }
    : parseResponse(searchDataSchema, doc, { provider: PROVIDER_ID, url, status: res.status })
  if ('error' in envelope) {
    const { error_code: code, error_message: message } = envelope.error
    const expired = /expire/i.test(`${code} ${message}`) ? ' (the result expired: run the search again)' : ''
    const id = requestUrl.split('/').at(-1)
    throw new NotFoundError(
      `search ${id} has no result: ${code ?? 'ERROR'}: ${message ?? 'no message'}${expired}`,
      {
        provider: PROVIDER_ID,
        status: res.status,
      },
    )
  }
  // Content-Length is the byte count; without it the text length stands in.
  const length = res.headers.get('content-length')
  return { result: envelope.result, text: res.data, bytes: length ? Number(length) : res.data.length, url }
}
