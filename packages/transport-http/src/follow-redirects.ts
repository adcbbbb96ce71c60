import { BadResponseError } from '@heliokit/core'
import type { RequestContext } from './request-context.ts'
import type { Send, SendInit, SentResponse } from './send.ts'

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308])
const MAX_REDIRECTS = 10

// The only headers that may follow a redirect to another origin: nothing that could carry a credential.
const CROSS_ORIGIN_SAFE =
  /^(accept|accept-encoding|accept-language|content-type|range|user-agent|if-[a-z-]+)$/i

/**
 * Sends a request and follows redirects itself, because fetch drops only `Authorization` on a
 * redirect to another origin: a key in `x-aurorax-api-key` or a cookie would go along. Only http: and
 * https: targets are followed; another origin gets only the headers of an allowlist; credentials in a
 * `Location` are never sent.
 */
export async function followRedirects<R extends SentResponse>(
  send: Send<R>,
  url: URL,
  init: SendInit,
  ctx: RequestContext,
): Promise<R> {
  let current = url
  let method = init.method
  let body = init.body
  // Copied only when a redirect needs to change them: most requests are not redirected.
  let headers = init.headers
  for (let hop = 0; ; hop++) {
    const response = await send(current, { method, headers, body, signal: init.signal })
    const location = response.headers.get('location')
    if (!REDIRECT_STATUSES.has(response.status) || !location || hop === MAX_REDIRECTS) return response
    await response.body?.cancel()
    const next = URL.parse(location, current)
    if (!next || (next.protocol !== 'http:' && next.protocol !== 'https:')) {
      const scheme = next ? next.protocol : 'an invalid URL'
      throw new BadResponseError(
        `${ctx.method} ${ctx.path} -> ${response.status}: redirect to ${scheme} refused (only http: and https: are followed)`,
        { provider: ctx.provider, url: ctx.url, status: response.status },
      )
    }
    next.username = ''
    next.password = ''
    if (hop === 0) headers = new Headers(init.headers)
    if (next.origin !== current.origin) {
      for (const name of [...headers.keys()]) if (!CROSS_ORIGIN_SAFE.test(name)) headers.delete(name)
    }
    // As browsers do: 303, and 301/302 after a POST, continue as a GET without the body.
    if (
      response.status === 303 ||
      (method === 'POST' && (response.status === 301 || response.status === 302))
    ) {
      method = 'GET'
      body = undefined
      headers.delete('content-type')
    }
    current = next
  }
}
