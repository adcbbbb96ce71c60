import { InvalidInputError } from '@heliokit/core'
import type { Dispatcher } from 'undici'
import { keepSessions } from './keep-sessions.ts'
import { tlsOptions } from './tls-options.ts'
import { Agent, loadEnvHttpProxyAgent } from './undici-parts.ts'

/** Idle keep-alive sockets are closed after this, below NAT timeouts and Node servers' 5 s default. */
const IDLE_MS = 4_000

export interface DispatcherOptions {
  readonly maxSockets: number
  readonly extraCaCerts: readonly string[]
  /** A proxy URL for http and https; false for none; undefined for HTTP(S)_PROXY and NO_PROXY. */
  readonly proxy: string | false | undefined
}

/**
 * The one undici dispatcher of a transport, for byte reads and API calls alike: keep-alive sockets
 * per origin, closed when idle (a server's `Keep-Alive: timeout=` may shorten that), one TLS context,
 * and a proxy when one is set (CONNECT for https, plain forwarding for http).
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const tls = tlsOptions(options.extraCaCerts)
  const common = {
    connections: options.maxSockets,
    keepAliveTimeout: IDLE_MS,
    keepAliveMaxTimeout: IDLE_MS,
    connect: keepSessions(tls ?? {}),
    requestTls: tls,
    proxyTunnel: false,
  }
  const { proxy } = options
  if (proxy === false || (proxy === undefined && !proxyFromEnv())) return new Agent(common)
  if (proxy !== undefined) checkProxy(proxy, 'proxy')
  else for (const name of PROXY_VARIABLES) checkProxy(process.env[name], name)
  const EnvHttpProxyAgent = loadEnvHttpProxyAgent()
  return new EnvHttpProxyAgent(
    proxy === undefined ? common : { ...common, httpProxy: proxy, httpsProxy: proxy },
  )
}

const PROXY_VARIABLES = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY'] as const

function proxyFromEnv(): boolean {
  return PROXY_VARIABLES.some((name) => process.env[name])
}

function checkProxy(value: string | undefined, what: string): void {
  if (!value) return
  const url = URL.parse(value)
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InvalidInputError(`${what} must be an http: or https: URL`)
  }
}
