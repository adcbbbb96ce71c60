import type { ApiClient, ProviderContext } from '@heliokit/core'
import { PROVIDER_ID } from './provider-id.ts'

export interface UcalgaryOptions {
  /** API host. Default `https://api.phys.ucalgary.ca`. */
  readonly baseUrl?: string
  /** Milliseconds per API call, retries included. Default 30 000. */
  readonly timeout?: number
}

export const DEFAULT_BASE_URL = 'https://api.phys.ucalgary.ca'
const API_PATH = '/api/v1/data_distribution/'

/** A JSON client for the data distribution endpoints. */
export function apiClient(ctx: ProviderContext, options: UcalgaryOptions): ApiClient {
  const base = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '')
  return ctx.api({ baseUrl: base + API_PATH, provider: PROVIDER_ID, timeout: options.timeout })
}
