import type { AuroraxAccount } from './accounts.ts'
import type { SearchRequests } from './search-requests.ts'
import type { AuroraxStore } from './store.ts'
import { refuse } from './wire.ts'

/** What a route sees of one request and of the emulator. */
export interface RouteContext {
  readonly method: string
  readonly url: URL
  readonly body: unknown
  readonly account: AuroraxAccount | undefined
  readonly store: AuroraxStore
  readonly requests: SearchRequests
  /** Origin put into Location headers. */
  readonly publicUrl: string
  readonly searchDelayMs: number
  readonly searchPolls: number
  readonly failSearch: ((kind: string, query: unknown) => string | undefined) | undefined
  readonly maintenance: boolean
}

export const MAINTENANCE_MESSAGE =
  'AuroraX is currently in maintenance mode; the API is read-only until maintenance is over'

/** 503 for writes while the emulator is in maintenance mode. */
export function writable(ctx: RouteContext): void {
  if (ctx.maintenance) refuse(503, 'MAINTENANCE', MAINTENANCE_MESSAGE)
}
