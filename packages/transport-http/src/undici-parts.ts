import { createRequire } from 'node:module'
import type * as Undici from 'undici'

const require = createRequire(import.meta.url)

// Loaded from undici's files, not its costly index (its version is pinned exactly for these paths).

export const Agent: typeof Undici.Agent = require('undici/lib/dispatcher/agent.js')
export const buildConnector: typeof Undici.buildConnector = require('undici/lib/core/connect.js')

/** Loaded only when a proxy is set, from undici's index: tunnels need the `connect` it adds to dispatchers. */
export const loadEnvHttpProxyAgent = (): typeof Undici.EnvHttpProxyAgent =>
  (require('undici') as typeof Undici).EnvHttpProxyAgent
