import { dispatchSend } from './dispatch-send.ts'
import { createDispatcher } from './dispatcher.ts'
import type { NodeClient, NodeClientOptions } from './node-client-options.ts'

/** Node's client (the `node` condition of `#node-client`); browsers get node-client.browser.ts. */
export function createNodeClient(options: NodeClientOptions): NodeClient | undefined {
  const dispatcher = createDispatcher(options)
  const viaDispatcher = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
    fetch(input, { ...init, dispatcher } as RequestInit)
  return {
    send: dispatchSend(dispatcher, options.userAgent),
    fetch: viaDispatcher as typeof fetch,
    close: () => dispatcher.destroy(),
  }
}
