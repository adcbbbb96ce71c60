import {
  type ApiTransport,
  InvalidInputError,
  type Logger,
  type RetryPolicy,
  silentLogger,
} from '@heliokit/core'
import { type ResolvedRetry, resolveRetry } from '@heliokit/core/transport-kit'
import ky, { type KyInstance } from 'ky'
import { createNodeClient } from '#node-client'
import { createApiClient } from './api-client.ts'
import { checkTimeout } from './check-timeout.ts'
import { abortSignalOf } from './deadline.ts'
import { openResource } from './open-resource.ts'
import type { Send } from './send.ts'
import { statResource } from './stat-resource.ts'
import type { TransportDefaults } from './transport-defaults.ts'
import { VERSION } from './version.ts'

const defaultRetry: ResolvedRetry = { limit: 2, baseDelayMs: 300, maxDelayMs: 30_000 }

/** Observers and editors of every request this transport sends. */
export interface HttpHooks {
  /** Before each attempt, with the outgoing request (headers may be changed). */
  readonly beforeRequest?: readonly ((request: Request) => void | Promise<void>)[]
  /** After each response of any status, e.g. for metrics; the response must not be consumed. */
  readonly afterResponse?: readonly ((request: Request, response: Response) => void | Promise<void>)[]
}

export interface HttpTransportOptions {
  /** The fetch to send requests with (a proxy, an instrumented or a test fetch). Default: global fetch. */
  readonly fetch?: typeof fetch
  /** Per-call timeout in ms, retries included; for `open` it covers the response headers only. Default 30 000. */
  readonly timeout?: number
  /** Retries on network errors and 408/429/5xx for idempotent requests. Default `{ limit: 2, baseDelayMs: 300, maxDelayMs: 30 000 }`. */
  readonly retry?: RetryPolicy
  /** Default `heliokit/<version>`. */
  readonly userAgent?: string
  readonly hooks?: HttpHooks
  /** Called before each attempt of every request (byte and API) to add auth headers for `url`. */
  readonly authorize?: (headers: Headers, url: URL) => void | Promise<void>
  /** Values to mask wherever they could appear in an error. */
  readonly secrets?: readonly string[]
  /** Keep-alive connections per host in Node. Default 16. */
  readonly maxSockets?: number
  /**
   * Certificate authorities (PEM) to trust in Node besides Node's own and `NODE_EXTRA_CA_CERTS`, e.g. an
   * institution's own CA, for byte reads and API calls alike. An invalid PEM is INVALID_INPUT here.
   */
  readonly extraCaCerts?: string | readonly string[]
  /**
   * The proxy for every request in Node (CONNECT for https), or `false` for none. Default: `HTTP_PROXY`,
   * `HTTPS_PROXY` and `NO_PROXY` (or their lower-case forms) from the environment.
   */
  readonly proxy?: string | false
  /** Receives retry notices (debug level). Default: silent. */
  readonly logger?: Logger
}

/**
 * The `http:`/`https:` transport: `stat` and `open` (ranges, progress, abort) for downloads, and
 * `api()` for JSON API clients with retries, timeouts, zod validation and typed, redacted errors.
 */
export function createHttpTransport(options: HttpTransportOptions = {}): ApiTransport {
  const userAgent = checkUserAgent(options.userAgent ?? `heliokit/${VERSION}`)
  const nodeClient = options.fetch
    ? undefined
    : createNodeClient({
        maxSockets: checkMaxSockets(options.maxSockets ?? 16),
        userAgent,
        extraCaCerts: [options.extraCaCerts ?? []].flat(),
        proxy: options.proxy,
      })
  const fetchFn = options.fetch ?? nodeClient?.fetch ?? ((input, init) => fetch(input, init))
  // ky's own timeout restarts with each attempt: the per-call deadline is its signal instead.
  const instance = ky.create({ headers: { 'user-agent': userAgent }, timeout: false, fetch: fetchFn })
  const hooks = kyHooks(options.hooks)
  const hooked = hooks.beforeRequest.length > 0 || hooks.afterResponse.length > 0
  const defaults: TransportDefaults = {
    ky: instance,
    fetch: fetchFn,
    hooks,
    // Hooks see ky's Request objects; without hooks, byte reads skip ky and its Request per call.
    bytesSend: nodeClient && !hooked ? nodeClient.send : kySend(instance, hooks),
    timeout: checkTimeout(options.timeout ?? 30_000),
    retry: resolveRetry(options.retry, defaultRetry),
    secrets: [...(options.secrets ?? [])],
    logger: options.logger ?? silentLogger,
    authorize: options.authorize,
  }
  return {
    id: 'http',
    schemes: ['http:', 'https:'],
    stat: (url, callOptions) => statResource(defaults, url, callOptions),
    open: (url, openOptions) => openResource(defaults, url, openOptions),
    api: (apiOptions) => createApiClient(defaults, apiOptions),
    async close() {
      await nodeClient?.close()
    },
  }
}

// Checked once here, so no request can fail later on a header value that cannot be sent.
function checkUserAgent(value: string): string {
  try {
    new Headers({ 'user-agent': value })
  } catch {
    throw new InvalidInputError(
      'userAgent must be a valid header value (no line breaks or control characters)',
    )
  }
  return value
}

// Byte reads retry and follow redirects in exchange(): ky only sends, and runs the hooks.
function kySend(instance: KyInstance, hooks: TransportDefaults['hooks']): Send<Response> {
  return (url, init) =>
    instance(url, {
      method: init.method,
      headers: init.headers,
      signal: abortSignalOf(init.signal),
      redirect: 'manual',
      retry: 0,
      throwHttpErrors: false,
      hooks: { beforeRequest: [...hooks.beforeRequest], afterResponse: [...hooks.afterResponse] },
    })
}

function checkMaxSockets(value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidInputError(`maxSockets must be a positive integer, got ${value}`)
  }
  return value
}

function kyHooks(hooks: HttpHooks | undefined): TransportDefaults['hooks'] {
  return {
    beforeRequest: (hooks?.beforeRequest ?? []).map((hook) => async (request: Request) => {
      await hook(request)
    }),
    afterResponse: (hooks?.afterResponse ?? []).map(
      (hook) => async (request: Request, _options: unknown, response: Response) => {
        await hook(request, response)
      },
    ),
  }
}
