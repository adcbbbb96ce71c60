import { followRedirects } from './follow-redirects.ts'
import type { RequestContext } from './request-context.ts'
import type { Send } from './send.ts'

// Statuses whose Response may not have a body.
const NULL_BODY: ReadonlySet<number> = new Set([204, 205, 304])

// Bodies read in full, by the Response handed to ky: decoded from here, not copied again through a stream.
const held = new WeakMap<Response, Uint8Array>()

/** The body apiFetch read in full for `response`, unless a hook replaced the response. */
export function heldBody(response: Response): Uint8Array | undefined {
  return held.get(response)
}

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
    const { status, statusText, headers } = response
    if (NULL_BODY.has(status)) return new Response(null, { status, statusText, headers })
    const bytes = new Uint8Array(await response.arrayBuffer())
    // A stream over the same bytes, for hooks that read a clone; `new Response(bytes)` would copy them.
    const kept = new Response(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.enqueue(bytes)
          controller.close()
        },
      }),
      { status, statusText, headers },
    )
    held.set(kept, bytes)
    return kept
  }) as typeof fetch
}
