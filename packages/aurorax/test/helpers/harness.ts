import type { HeliokitError } from '@heliokit/core'
import { createHeliokit, type Logger, type LogLevel } from '@heliokit/core'
import {
  AURORAX_TEST_KEYS,
  type AuroraxEmulator,
  type AuroraxEmulatorOptions,
  startAuroraxEmulator,
} from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import {
  type AuroraxApi,
  type AuroraxOptions,
  type AuroraxSearchLog,
  type AuroraxUploadReport,
  aurorax,
} from '../../src/index.ts'

export type Role = keyof typeof AURORAX_TEST_KEYS

export interface LogLine {
  readonly level: LogLevel
  readonly message: string
  readonly fields: unknown
}

export interface Harness {
  readonly emu: AuroraxEmulator
  /** A client with no key. */
  readonly ax: AuroraxApi
  /** A client with the key of a role. */
  as(role: Role, options?: AuroraxOptions): AuroraxApi
  /** Every log line any client wrote, with its fields. */
  readonly logs: LogLine[]
  /** Requests the emulator received whose path starts with `/api/v1/<prefix>`. */
  calls(prefix: string, method?: string): { method: string; url: string; headers: Record<string, unknown> }[]
  close(): Promise<void>
}

/** An emulator and clients wired to it through the real HTTP transport (fast retries, fast polls). */
export async function startHarness(options: AuroraxEmulatorOptions = {}): Promise<Harness> {
  const emu = await startAuroraxEmulator({ searchDelayMs: 20, ...options })
  const logs: LogLine[] = []
  const at = (level: LogLevel) => (message: string, fields?: unknown) => logs.push({ level, message, fields })
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
  const clients: { close(): Promise<void> }[] = []
  const make = (opts: AuroraxOptions): AuroraxApi => {
    const hk = createHeliokit({
      providers: [aurorax({ baseUrl: emu.url, pollInterval: 5, timeout: 10_000, ...opts })],
      transports: [createHttpTransport({ retry: { limit: 2, baseDelayMs: 5, maxDelayMs: 20 }, logger })],
      logger,
    })
    clients.push(hk)
    return hk.provider('aurorax')
  }
  return {
    emu,
    ax: make({}),
    as: (role, opts = {}) => make({ apiKey: AURORAX_TEST_KEYS[role], ...opts }),
    logs,
    calls: (prefix, method) =>
      emu.server.requests
        .filter((r) => r.url.startsWith(`/api/v1/${prefix}`) && (!method || r.method === method))
        .map((r) => ({ method: r.method, url: r.url, headers: r.headers })),
    close: async () => {
      await Promise.all(clients.map((c) => c.close()))
      await emu.close()
    },
  }
}

/** Every string a user could see of an error: message, JSON, causes. */
export function errorTexts(error: unknown): string {
  const parts: string[] = []
  let current: unknown = error
  for (let depth = 0; depth < 6 && current; depth++) {
    const e = current as { message?: unknown; toJSON?: () => unknown; stack?: unknown; cause?: unknown }
    parts.push(String(e.message), String(e.stack), JSON.stringify(e.toJSON?.() ?? null))
    current = e.cause
  }
  return parts.join('\n')
}

/** A rejection as tests read it: any HeliokitError, with the fields of the AuroraX subclasses. */
export type Rejection = HeliokitError & {
  readonly report: AuroraxUploadReport
  readonly logs: readonly AuroraxSearchLog[]
}

/** The rejection of a promise (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown> | (() => unknown)): Promise<Rejection> {
  try {
    await (typeof promise === 'function' ? promise() : promise)
  } catch (error) {
    return error as Rejection
  }
  throw new Error('expected a rejection')
}
