import { InvalidInputError } from '@heliokit/core'
import type { NodeClient, NodeClientOptions } from './node-client-options.ts'

/**
 * Browsers have no Node client: every request goes through the global fetch, under the browser's own
 * proxy and certificate settings, so asking for others is INVALID_INPUT rather than silently ignored.
 */
export function createNodeClient(options: NodeClientOptions): NodeClient | undefined {
  const nodeOnly = [
    ...(typeof options.proxy === 'string' ? ['proxy'] : []),
    ...(options.extraCaCerts.length > 0 ? ['extraCaCerts'] : []),
  ]
  if (nodeOnly.length > 0) {
    throw new InvalidInputError(
      `${nodeOnly.join(' and ')}: Node only; a browser uses its own proxy and certificate settings`,
      { issues: nodeOnly.map((path) => ({ path, message: 'not available in a browser' })) },
    )
  }
  return undefined
}
