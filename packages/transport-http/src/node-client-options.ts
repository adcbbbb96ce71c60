import type { Send } from './send.ts'

export interface NodeClientOptions {
  readonly maxSockets: number
  readonly userAgent: string
  readonly extraCaCerts: readonly string[]
  readonly proxy: string | false | undefined
}

/** Byte reads and API calls over one undici dispatcher in Node. */
export interface NodeClient {
  /** Byte reads, without web streams. */
  readonly send: Send
  /** The global fetch over the same dispatcher, for ky. */
  readonly fetch: typeof fetch
  close(): Promise<void>
}
