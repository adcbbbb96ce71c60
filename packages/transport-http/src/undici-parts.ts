import { createRequire } from 'node:module'
import type * as Undici from 'undici'

const require = createRequire(import.meta.url)

// undici's index also loads fetch, WebSocket, caches and mocks (about 200 ms of CPU at every start of a
// program): only the parts used here are loaded, from undici's files (its version is pinned exactly).

export const Agent: typeof Undici.Agent = require('undici/lib/dispatcher/agent.js')
export const buildConnector: typeof Undici.buildConnector = require('undici/lib/core/connect.js')

/** Loaded only when a proxy is set, from undici's index: tunnels need the `connect` it adds to dispatchers. */
export const loadEnvHttpProxyAgent = (): typeof Undici.EnvHttpProxyAgent =>
  (require('undici') as typeof Undici).EnvHttpProxyAgent
