import { followRedirects } from './follow-redirects.ts'
import type { RequestContext } from './request-context.ts'
import type { Send } from './send.ts'

/**
 * `fetchFn` following redirects by this package's policy (see follow-redirects.ts), as ky's `fetch`:
 * ky's retries, timeout and hooks then see one response per attempt, after the last hop.
 */
export function redirectingFetch(fetchFn: typeof fetch, ctx: RequestContext): typeof fetch {
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
    return followRedirects(send, new URL(input.url), first, ctx)
  }) as typeof fetch
}
