import type { ApiClient, ProviderContext } from '@heliokit/core'
import { invalid } from './input-error.ts'
import { PROVIDER_ID } from './provider-id.ts'

export interface AuroraxOptions {
  /** API host. Default `https://api.aurorax.space`; every path lives under `/api/v1/`. */
  readonly baseUrl?: string
  /** Sent as `x-aurorax-api-key`, only to `baseUrl`. Needed for uploads, deletes and source changes. */
  readonly apiKey?: string
  /** Milliseconds per API call, retries included. Default 30 000. */
  readonly timeout?: number
  /** First wait between search status polls, in ms; later polls back off. Default 1000. */
  readonly pollInterval?: number
}

export const DEFAULT_BASE_URL = 'https://api.aurorax.space'
const API_KEY_HEADER = 'x-aurorax-api-key'

/** The API client for the configured host, and keyless clients for URLs elsewhere. */
export interface AuroraxConnection {
  readonly api: ApiClient
  readonly pollInterval: number
  /** A client and relative path for an absolute URL the API handed out (a search's Location). */
  at(url: string): { readonly client: ApiClient; readonly path: string }
}

/** Checks options as given to `aurorax()`, before anything is sent. */
export function checkOptions(options: AuroraxOptions): void {
  if (
    options.apiKey !== undefined &&
    (typeof options.apiKey !== 'string' || !/^[\x21-\x7e]+$/.test(options.apiKey))
  ) {
    throw invalid('apiKey', 'must be a non-empty string of printable characters without spaces')
  }
  if (
    options.baseUrl !== undefined &&
    (typeof options.baseUrl !== 'string' || !URL.canParse(options.baseUrl))
  ) {
    throw invalid('baseUrl', 'must be an http(s) URL')
  }
  if (options.pollInterval !== undefined && !(options.pollInterval > 0)) {
    throw invalid('pollInterval', 'must be a positive number of milliseconds')
  }
}

export function connect(ctx: ProviderContext, options: AuroraxOptions): AuroraxConnection {
  const base = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '')
  const key = options.apiKey
  const api = ctx.api({
    baseUrl: `${base}/api/v1/`,
    provider: PROVIDER_ID,
    timeout: options.timeout,
    headers: key ? { [API_KEY_HEADER]: key } : undefined,
    secrets: key ? [key] : undefined,
  })
  const elsewhere = new Map<string, ApiClient>()
  return {
    api,
    pollInterval: options.pollInterval ?? 1000,
    at(url) {
      const href = api.baseUrl.href
      if (url.startsWith(href)) return { client: api, path: url.slice(href.length) }
      let parsed: URL
      try {
        parsed = new URL(url)
      } catch {
        throw invalid('requestUrl', 'is not a URL')
      }
      // The key goes only to the configured host: other origins get a client without it.
      let client = elsewhere.get(parsed.origin)
      if (!client) {
        client = ctx.api({ baseUrl: `${parsed.origin}/`, provider: PROVIDER_ID, timeout: options.timeout })
        elsewhere.set(parsed.origin, client)
      }
      return { client, path: parsed.pathname.slice(1) }
    },
  }
}
