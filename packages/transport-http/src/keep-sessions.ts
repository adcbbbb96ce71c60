import type { buildConnector as BuildConnector } from 'undici'
import { buildConnector } from './undici-parts.ts'

// Hosts whose latest TLS session is kept; undici caches up to 100 per origin as well.
const MAX_HOSTS = 100

/** undici's connector for `tls`, holding each host's latest TLS session (undici's cache holds them weakly). */
export function keepSessions(tls: BuildConnector.BuildOptions): BuildConnector.connector {
  const connect = buildConnector(tls)
  const sessions = new Map<string, Buffer>()
  return (options, callback) =>
    connect(options, (...args) => {
      const socket = args[1]
      if (socket && options.protocol === 'https:') {
        socket.on('session', (session: Buffer) => {
          const host = options.servername || options.hostname
          sessions.delete(host)
          sessions.set(host, session)
          if (sessions.size > MAX_HOSTS) sessions.delete(sessions.keys().next().value as string)
        })
      }
      callback(...args)
    })
}
