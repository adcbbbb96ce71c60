import { followRedirects } from './follow-redirects.ts'
import type { RequestContext } from './request-context.ts'
import type { Send } from './send.ts'

// Statuses whose Response may not have a body.
const NULL_BODY: ReadonlySet<number> = new Set([204, 205, 304])

/**
 * ky's `fetch` for API calls: redirects followed by this package's policy, and a 2xx body read in full,
 * so that ky retries a body cut off half-way like any network failure.
 */
export function apiFetch(fetchFn: typeof fetch, ctx: RequestContext): typeof fetch {
  return (async (input: Request, init?: RequestInit): Promise<Response> => {
    // Read once: a 307 or 308 sends the same body to the next hop.
    const body = input.body ? await input.text() : undefined
    const send: Send<Response> = (url, hop) =>
      fetchFn(
        new Request(url, {
          method: hop.method,
          headers: hop.headers,
          body: hop.body,
          signal: input.signal,
          redirect: 'manual',
        }),
        init,
      )
    const first = { method: input.method, headers: input.headers, body, signal: input.signal }
    const response = await followRedirects(send, new URL(input.url), first, ctx)
    if (!response.ok) return response
    const bytes = NULL_BODY.has(response.status) ? null : await response.arrayBuffer()
    const { status, statusText, headers } = response
    return new Response(bytes, { status, statusText, headers })
  }) as typeof fetch
}
