import type { IncomingMessage } from 'node:http'
import { refuse } from './wire.ts'

/** AuroraX account roles, weakest first. */
export type AuroraxRole = 'user' | 'maintainer' | 'owner' | 'administrator'

export interface AuroraxAccount {
  readonly email: string
  readonly role: AuroraxRole
}

/** The emulator's default API keys, one per role; every seeded source is owned or maintained by these. */
export const AURORAX_TEST_KEYS: {
  readonly user: string
  readonly maintainer: string
  readonly owner: string
  readonly administrator: string
} = {
  user: 'axk-user-5b1d0c9e7a2f4e61',
  maintainer: 'axk-maint-8c3e2a71d94b0f55',
  owner: 'axk-owner-1f9a6d3c0e8b7a24',
  administrator: 'axk-admin-7e2b9c4d1a0f6e83',
}

export const DEFAULT_ACCOUNTS: Readonly<Record<string, AuroraxAccount>> = {
  [AURORAX_TEST_KEYS.user]: { email: 'user@aurorax.test', role: 'user' },
  [AURORAX_TEST_KEYS.maintainer]: { email: 'maintainer@aurorax.test', role: 'maintainer' },
  [AURORAX_TEST_KEYS.owner]: { email: 'owner@aurorax.test', role: 'owner' },
  [AURORAX_TEST_KEYS.administrator]: { email: 'admin@aurorax.test', role: 'administrator' },
}

/** The account of the request's key; undefined without a key, 401 for an unknown one. */
export function accountOf(
  req: IncomingMessage,
  accounts: Readonly<Record<string, AuroraxAccount>>,
): AuroraxAccount | undefined {
  const key = req.headers['x-aurorax-api-key']
  if (key === undefined) return undefined
  const account = typeof key === 'string' ? accounts[key] : undefined
  if (!account) refuse(401, 'UNAUTHORIZED', 'Invalid API key')
  return account
}

interface Owned {
  readonly owner: string | null
  readonly maintainers: readonly string[]
}

/** 401 without a key; 403 when the account's role may not do `action`. */
export function requireAccount(account: AuroraxAccount | undefined, action: string): AuroraxAccount {
  if (!account) refuse(401, 'UNAUTHORIZED', `An API key is required to ${action}`)
  return account
}

function forbid(account: AuroraxAccount, action: string): never {
  refuse(403, 'FORBIDDEN', `Account ${account.email} (${account.role}) is not allowed to ${action}`)
}

/** Owners and administrators create data sources. */
export function mayCreateSource(account: AuroraxAccount | undefined): AuroraxAccount {
  const who = requireAccount(account, 'create data sources')
  if (who.role !== 'owner' && who.role !== 'administrator') forbid(who, 'create data sources')
  return who
}

/** Owners update their own sources; administrators any. */
export function mayUpdateSource(account: AuroraxAccount | undefined, source: Owned): void {
  const who = requireAccount(account, 'update data sources')
  if (who.role === 'administrator') return
  if (who.role === 'owner' && source.owner === who.email) return
  forbid(who, 'update this data source')
}

/** Maintainers of a source, its owner and administrators create and update its records. */
export function mayWriteRecords(account: AuroraxAccount | undefined, source: Owned): void {
  const who = requireAccount(account, 'upload records')
  if (who.role === 'administrator') return
  if (who.role === 'owner' && source.owner === who.email) return
  if (who.role === 'maintainer' && source.maintainers.includes(who.email)) return
  forbid(who, 'upload records for this data source')
}

/** Only administrators delete (data sources and records). */
export function mayDelete(account: AuroraxAccount | undefined, what: string): void {
  const who = requireAccount(account, `delete ${what}`)
  if (who.role !== 'administrator') forbid(who, `delete ${what}`)
}
