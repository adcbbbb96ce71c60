import type { NodeClient, NodeClientOptions } from './node-client-options.ts'

/** Browsers have no Node client: every request goes through the global fetch. */
export function createNodeClient(_options: NodeClientOptions): NodeClient | undefined {
  return undefined
}
