import { type ApiClient, type ApiClientOptions, isApiTransport } from './api-client.ts'
import { InvalidInputError, UnavailableError } from './errors.ts'
import type { Logger } from './logger.ts'
import type { ProviderContext } from './provider.ts'
import type { Transport } from './transport.ts'

/** A ProviderContext over a live list of transports (later registrations are seen). */
export function createProviderContext(transports: readonly Transport[], logger: Logger): ProviderContext {
  const transportFor = (url: string | URL): Transport => {
    let scheme: string
    try {
      scheme = (url instanceof URL ? url : new URL(url)).protocol
    } catch (cause) {
      throw new InvalidInputError(`not a URL: ${JSON.stringify(String(url).slice(0, 80))}`, { cause })
    }
    // Last registered wins, so an app can override a default transport.
    const found = transports.findLast((t) => t.schemes.includes(scheme))
    if (found) return found
    const known = transports.flatMap((t) => t.schemes).join(', ') || 'none'
    throw new UnavailableError(`no transport registered for ${scheme} URLs (registered: ${known})`)
  }
  const api = (options: ApiClientOptions): ApiClient => {
    const http = transports.findLast(isApiTransport)
    if (!http) {
      throw new UnavailableError('no HTTP transport registered: add createHttpTransport() to transports', {
        provider: options.provider,
      })
    }
    return http.api({ logger, ...options })
  }
  return { logger, transports, transportFor, api }
}
