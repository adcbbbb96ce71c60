import type { Logger } from '@heliokit/core'
import type { ResolvedRetry } from '@heliokit/core/transport-kit'
import type { AfterResponseHook, BeforeRequestHook, KyInstance } from 'ky'
import type { Send } from './send.ts'

/** What a transport's API clients and byte reads share: its settings, ky, and its senders. */
export interface TransportDefaults {
  /** ky with the transport's user agent, for API calls and hooked byte reads. */
  readonly ky: KyInstance
  /** The fetch under ky: undici's over the transport's dispatcher in Node, else the injected or global one. */
  readonly fetch: typeof fetch
  /** The transport's hooks, run after this package's own before each request. */
  readonly hooks: {
    readonly beforeRequest: readonly BeforeRequestHook[]
    readonly afterResponse: readonly AfterResponseHook[]
  }
  /** How byte reads are sent: through undici's dispatch in Node unless a fetch was injected or hooks are set. */
  readonly bytesSend: Send
  readonly timeout: number
  readonly retry: ResolvedRetry
  readonly secrets: readonly string[]
  readonly logger: Logger
  readonly authorize: ((headers: Headers, url: URL) => void | Promise<void>) | undefined
}
