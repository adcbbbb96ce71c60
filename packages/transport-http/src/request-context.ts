import { isSecretParam, redactUrl } from '@heliokit/core'

/** What error messages may say about one request: method, redacted URL, and every value to mask. */
export interface RequestContext {
  readonly method: string
  readonly provider: string | undefined
  /** The full URL, redacted. */
  readonly url: string
  /** The redacted URL's path, for short messages. */
  readonly path: string
  /** Caller secrets, the credentials found in the URL, and secret header values as they are sent. */
  readonly secrets: string[]
  /** The real URL, only to be replaced by `url` in foreign error text. */
  readonly rawUrl: string
}

export function requestContext(
  method: string,
  url: URL,
  provider: string | undefined,
  secrets: readonly string[],
): RequestContext {
  const rawUrl = url.href
  const found = [...url.searchParams]
    .filter(([name, value]) => value !== '' && isSecretParam(name))
    .map(([, v]) => v)
  // A user name given without a password is a token (`https://<token>@host/`).
  const credential = url.password || url.username
  if (credential) found.push(decodeURIComponent(credential))
  // Redacted only when a message needs it: most requests succeed and never do.
  let redacted: string | undefined
  const redact = (): string => {
    redacted ??= redactUrl(new URL(rawUrl), secrets)
    return redacted
  }
  return {
    method,
    provider,
    get url() {
      return redact()
    },
    get path() {
      return new URL(redact()).pathname
    },
    secrets: [...secrets, ...found, ...found.map(encodeURIComponent)],
    rawUrl,
  }
}
