import { errorForStatus, type HeliokitError, redactText } from '@heliokit/core'
import type { RequestContext } from './request-context.ts'
import { retryAfterMs } from './retry-after.ts'
import type { SentResponse } from './send.ts'

// Enough for any JSON error document; an HTML error page is read this far and then dropped.
const MAX_ERROR_BODY = 16_384

/**
 * The typed error for a non-2xx response: `GET /api/v1/datasets -> 400: <detail>`, where the detail
 * comes only from a JSON body's `detail`/`error_message`/`message`/`error` field (or a bare list of
 * `{ message }`), never from HTML.
 */
export async function statusError(ctx: RequestContext, response: SentResponse): Promise<HeliokitError> {
  const detail = await errorDetail(response)
  const shown = detail ? `: ${redactText(detail, ctx.secrets)}` : ''
  return errorForStatus(response.status, `${ctx.method} ${ctx.path} -> ${response.status}${shown}`, {
    provider: ctx.provider,
    url: ctx.url,
    retryAfterMs: retryAfterMs(response),
  })
}

async function errorDetail(response: SentResponse): Promise<string | undefined> {
  const text = await readPrefix(response, MAX_ERROR_BODY)
  if (!/^[{[]/.test(text.trimStart())) return undefined
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return undefined
  }
  // Some APIs answer a validation failure with a bare list of `{ message }` (AuroraX uploads).
  const fields = (Array.isArray(body) ? { detail: body } : body) as Record<string, unknown>
  for (const key of ['detail', 'error_message', 'message', 'error']) {
    const found = describe(fields[key])
    if (found) return found.replace(/\s+/g, ' ').trim().slice(0, 300)
  }
  return undefined
}

// FastAPI validation errors are `detail: [{ loc, msg }]`; some APIs nest `error: { message }`.
function describe(value: unknown): string | undefined {
  if (typeof value === 'string') return value || undefined
  if (Array.isArray(value)) {
    const parts = value.map((v) => describe((v as { msg?: unknown })?.msg) ?? describe(v)).filter(Boolean)
    return parts.length ? parts.join('; ') : undefined
  }
  if (typeof value === 'object' && value !== null) return describe((value as { message?: unknown }).message)
  return undefined
}

async function readPrefix(response: SentResponse, limit: number): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  try {
    while (text.length < limit) {
      const { done, value } = await reader.read()
      if (done) break
      text += decoder.decode(value, { stream: true })
    }
  } catch {
    // a broken error body still leaves the status to report
  } finally {
    reader.cancel().catch(() => {})
  }
  return text.slice(0, limit)
}
