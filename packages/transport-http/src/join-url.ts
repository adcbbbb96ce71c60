import { InvalidInputError } from '@heliokit/core'

/**
 * `path` appended to `base`'s path: one slash between them whatever either has, repeated slashes
 * collapsed, base query kept. Absolute URLs, `.`/`..` segments (encoded too), `?`, `#` and `\` in
 * `path` are rejected, so the result always stays under `base`.
 */
export function joinUrl(base: string | URL, path: string): URL {
  const root = parseBase(base)
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) {
    throw new InvalidInputError(`path must be relative to the base URL, got ${JSON.stringify(clip(path))}`)
  }
  if (/[?#\\]/.test(path)) {
    throw new InvalidInputError(
      `path must not contain "?", "#" or "\\" (pass query parameters as \`query\`): ${JSON.stringify(clip(path))}`,
    )
  }
  const segments = path.split('/')
  if (segments.some((s) => /^(\.|%2e){1,2}$/i.test(s))) {
    throw new InvalidInputError(`path must not contain "." or ".." segments: ${JSON.stringify(clip(path))}`)
  }
  const relative = path.replace(/\/{2,}/g, '/').replace(/^\//, '')
  const dir = root.pathname.replace(/\/{2,}/g, '/').replace(/\/?$/, '/')
  const joined = new URL(root.href)
  joined.pathname = dir + relative
  return joined
}

/** The base URL of an API client, checked: http(s), no fragment, no credentials. */
export function parseBase(base: string | URL): URL {
  let url: URL
  try {
    url = new URL(String(base))
  } catch {
    throw new InvalidInputError(`base URL is not a URL: ${JSON.stringify(clip(String(base)))}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidInputError(`base URL must be http: or https:, got ${url.protocol}`)
  }
  if (url.username || url.password) {
    throw new InvalidInputError('base URL must not hold credentials; use headers or authorize')
  }
  url.hash = ''
  return url
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}
