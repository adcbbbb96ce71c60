import { InvalidInputError } from '@heliokit/core'

/** A bucket and a key (empty for a whole-bucket prefix). */
export interface MemLocation {
  readonly bucket: string
  readonly key: string
}

/**
 * Splits `mem://bucket/key` into bucket and key; the key is the URL path percent-decoded, so keys with
 * `?`, `#` or `%` are written encoded (`formatMemUrl` does that). Anything else is INVALID_INPUT.
 */
export function parseMemUrl(url: string | URL, options: { readonly requireKey?: boolean } = {}): MemLocation {
  let parsed: URL
  try {
    parsed = new URL(String(url))
  } catch (cause) {
    // The text is not echoed: it may hold a secret the URL parser could not separate out.
    throw invalid('not a URL', cause)
  }
  if (parsed.username || parsed.password) throw invalid('mem: URLs must not hold credentials')
  const shown = parsed.href
  if (parsed.protocol !== 'mem:') throw invalid(`not a mem: URL: ${shown}`)
  if (parsed.port) throw invalid(`mem: URLs have no port: ${shown}`)
  if (parsed.search || parsed.hash) throw invalid(`mem: URL has a query or fragment: ${shown}`)
  if (!parsed.hostname) throw invalid(`mem: URL has no bucket (write mem://bucket/key): ${shown}`)
  let key: string
  try {
    key = decodeURIComponent(parsed.pathname.replace(/^\//, ''))
  } catch (cause) {
    throw invalid(`mem: URL key has a malformed %-escape: ${shown}`, cause)
  }
  if (options.requireKey && key === '') throw invalid(`mem: URL names a bucket, not an object: ${shown}`)
  return { bucket: parsed.hostname, key }
}

/** The `mem:` URL of an object, each path segment percent-encoded so `parseMemUrl` gives the key back. */
export function formatMemUrl(bucket: string, key: string): URL {
  return new URL(`mem://${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`)
}

function invalid(message: string, cause?: unknown): InvalidInputError {
  return new InvalidInputError(message, { issues: [{ path: 'url', message }], cause })
}
