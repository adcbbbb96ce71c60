import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FaultPlan } from '../faults.ts'
import { startHttpServer, type TestHttpServer } from '../http-server.ts'
import { serveBytes } from '../serve-bytes.ts'
import { type AuroraxAccount, accountOf, DEFAULT_ACCOUNTS } from './accounts.ts'
import type { RouteContext } from './route-context.ts'
import { SearchRequests } from './search-requests.ts'
import { searchRoute } from './search-routes.ts'
import { seedStore } from './seed.ts'
import { sourceRoute } from './source-routes.ts'
import { AuroraxStore } from './store.ts'
import { CORS_HEADERS, fail, type Reply, ReplyError, readJson, send } from './wire.ts'

export interface AuroraxEmulatorOptions {
  /** Milliseconds from submitting a search until its result is available. Default 30. */
  readonly searchDelayMs?: number
  /** Status polls a search answers "not done" to before its result is available (and the delay passed). Default 0. */
  readonly searchPolls?: number
  /** API keys and their accounts. Default: one key per role, see `AURORAX_TEST_KEYS`. */
  readonly accounts?: Readonly<Record<string, AuroraxAccount>>
  /** Start in read-only maintenance mode. */
  readonly maintenance?: boolean
  /** Makes a search fail: return the failure summary to log, or undefined to let it run. */
  readonly failSearch?: (kind: string, query: unknown) => string | undefined
  /** Origin written into `Location` headers, from the server's own (default unchanged), e.g. another host name. */
  readonly publicUrl?: (serverUrl: string) => string
  /** Start with an empty store instead of the seeded sources and records. */
  readonly empty?: boolean
  readonly faults?: FaultPlan
}

export interface AuroraxEmulator {
  /** Base URL as `aurorax({ baseUrl })` takes it (paths live under `/api/v1/`). */
  readonly url: string
  readonly server: TestHttpServer
  readonly store: AuroraxStore
  readonly requests: SearchRequests
  /** Switch read-only maintenance mode on or off. */
  setMaintenance(on: boolean): void
  /** Expire every completed search result (as the real result files expire). */
  expireResults(): void
  close(): Promise<void>
}

const PREFIX = '/api/v1'

/**
 * Starts a local AuroraX search API: data sources, asynchronous ephemeris, data product and
 * conjunction searches, describe, availability, uploads and deletes, with account roles and the
 * CORS headers a browser page needs.
 */
export async function startAuroraxEmulator(options: AuroraxEmulatorOptions = {}): Promise<AuroraxEmulator> {
  const store = new AuroraxStore()
  if (!options.empty) seedStore(store)
  const requests = new SearchRequests()
  const accounts = options.accounts ?? DEFAULT_ACCOUNTS
  let maintenance = options.maintenance ?? false
  let publicUrl = ''
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS)
      res.end()
      return
    }
    const fault = options.faults?.pick(req)
    if (fault) {
      req.resume()
      res.setHeader('access-control-allow-origin', '*')
      serveBytes(req, res, Buffer.from('{}'), { fault, contentType: 'application/json' })
      return
    }
    send(res, await reply(req))
  }
  const reply = async (req: IncomingMessage): Promise<Reply> => {
    try {
      const url = new URL(req.url ?? '/', 'http://x')
      if (!url.pathname.startsWith(`${PREFIX}/`)) return fail(404, 'NOT_FOUND', 'Not found')
      const path = url.pathname.slice(PREFIX.length)
      const ctx: RouteContext = {
        method: req.method ?? 'GET',
        url,
        body: await readJson(req),
        account: accountOf(req, accounts),
        store,
        requests,
        publicUrl,
        searchDelayMs: options.searchDelayMs ?? 30,
        searchPolls: options.searchPolls ?? 0,
        failSearch: options.failSearch,
        maintenance,
      }
      return sourceRoute(ctx, path) ?? searchRoute(ctx, path) ?? fail(404, 'NOT_FOUND', 'Not found')
    } catch (error) {
      if (error instanceof ReplyError) return error.reply
      throw error
    }
  }
  const server = await startHttpServer(handle)
  publicUrl = (options.publicUrl?.(server.url) ?? server.url).replace(/\/+$/, '')
  return {
    url: server.url,
    server,
    store,
    requests,
    setMaintenance: (on) => {
      maintenance = on
    },
    expireResults: () => {
      for (const r of requests.all.values()) r.expired = true
    },
    close: () => server.close(),
  }
}
