import { isSecretParam, redactUrl } from '@heliokit/core'

/** What error messages may say about one request: method, redacted URL, and every value to mask. */
export class RequestContext {
  readonly method: string
  readonly provider: string | undefined
  /** Caller secrets, the credentials found in the URL, and secret header values as they are sent. */
  readonly secrets: string[]
  /** The real URL, only to be replaced by `url` in foreign error text. */
  readonly rawUrl: string
  readonly #callerSecrets: readonly string[]
  #redacted: string | undefined

  constructor(method: string, url: URL, provider: string | undefined, secrets: readonly string[]) {
    this.method = method
    this.provider = provider
    this.rawUrl = url.href
    this.#callerSecrets = secrets
    const found = [...url.searchParams]
      .filter(([name, value]) => value !== '' && isSecretParam(name))
      .map(([, v]) => v)
    // A user name given without a password is a token (`https://<token>@host/`).
    const credential = url.password || url.username
    if (credential) found.push(decodeURIComponent(credential))
    this.secrets = [...secrets, ...found, ...found.map(encodeURIComponent)]
  }

  /** The full URL, redacted on first use. */
  get url(): string {
    this.#redacted ??= redactUrl(this.rawUrl, this.#callerSecrets)
    return this.#redacted
  }

  /** The redacted URL's path, for short messages. */
  get path(): string {
    return new URL(this.url).pathname
  }
}
