import type { SignalLike } from './deadline.ts'
import type { Connection } from './http1-connection.ts'

/** Keep-alive connections per origin, at most `maxSockets` each; callers beyond that wait their turn. */
export interface ConnectionPool {
  /** An idle connection, a new one, or the next one released; rejects if `signal` fires first. */
  acquire(url: URL, signal: SignalLike): Promise<Connection>
  /** Returns a connection whose response is complete, for the next request. */
  release(url: URL, connection: Connection): void
  /** Closes every connection, busy or idle. */
  closeAll(): void
}

interface Origin {
  readonly idle: Connection[]
  open: number
  readonly waiting: ((connection: Connection | undefined) => void)[]
}

/** `open` makes a connection and must call the given `closed` when its socket is gone. */
export function createConnectionPool(
  maxSockets: number,
  open: (url: URL, closed: (connection: Connection) => void) => Promise<Connection>,
): ConnectionPool {
  const origins = new Map<string, Origin>()
  const every = new Set<Connection>()

  const originOf = (url: URL): Origin => {
    const key = `${url.protocol}//${url.host}`
    let origin = origins.get(key)
    if (!origin) {
      origin = { idle: [], open: 0, waiting: [] }
      origins.set(key, origin)
    }
    return origin
  }

  // A closed connection leaves the pool; whoever waits gets to open a new one.
  const dropped = (origin: Origin, connection: Connection): void => {
    every.delete(connection)
    const at = origin.idle.indexOf(connection)
    if (at >= 0) origin.idle.splice(at, 1)
    origin.open--
    origin.waiting.shift()?.(undefined)
  }

  const acquire = async (url: URL, signal: SignalLike): Promise<Connection> => {
    const origin = originOf(url)
    const idle = origin.idle.pop()
    if (idle) {
      idle.socket.ref()
      return idle
    }
    if (origin.open < maxSockets) {
      origin.open++
      try {
        const connection = await open(url, (c) => dropped(origin, c))
        every.add(connection)
        return connection
      } catch (error) {
        origin.open--
        throw error
      }
    }
    const handed = await new Promise<Connection | undefined>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason)
      const onAbort = (): void => {
        origin.waiting.splice(origin.waiting.indexOf(take), 1)
        reject(signal.reason)
      }
      const take = (connection: Connection | undefined): void => {
        signal.removeEventListener('abort', onAbort)
        resolve(connection)
      }
      signal.addEventListener('abort', onAbort, { once: true })
      origin.waiting.push(take)
    })
    // undefined: a connection closed and left room for a new one
    return handed ?? acquire(url, signal)
  }

  return {
    acquire,
    release(url, connection) {
      const origin = originOf(url)
      connection.exchange = undefined
      connection.reused = true
      // A body's reader may have paused it; resume() on a flowing socket still schedules work, so only then.
      if (connection.socket.isPaused()) connection.socket.resume()
      const next = origin.waiting.shift()
      if (next) next(connection)
      else {
        // an idle connection does not keep the process alive
        connection.socket.unref()
        origin.idle.push(connection)
      }
    },
    closeAll() {
      for (const connection of every) connection.socket.destroy()
    },
  }
}
