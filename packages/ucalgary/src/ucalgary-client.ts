import { type ApiClient, NotFoundError, type ProviderContext, throwIfAborted } from '@heliokit/core'
import { datasetFilter, datasetName, instrumentArray, uid } from './input.ts'
import { PROVIDER_ID } from './provider-id.ts'
import {
  datasetListSchema,
  observatoryListSchema,
  type UcalgaryDataset,
  type UcalgaryObservatory,
} from './schemas.ts'

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

export async function fetchDatasets(
  client: ApiClient,
  filter: { name?: unknown; level?: unknown; signal?: AbortSignal },
): Promise<UcalgaryDataset[]> {
  const { name, level } = datasetFilter(filter.name, filter.level)
  throwIfAborted(filter.signal, PROVIDER_ID)
  return client.request(
    { path: 'datasets', query: { name, level }, signal: filter.signal },
    datasetListSchema,
  )
}

/** The dataset with exactly this name, compared without case; NOT_FOUND when there is none. */
export async function fetchDataset(
  client: ApiClient,
  name: unknown,
  signal?: AbortSignal,
): Promise<UcalgaryDataset> {
  const wanted = datasetName(name)
  const found = (await fetchDatasets(client, { name: wanted, signal })).find(
    (d) => d.name.toUpperCase() === wanted,
  )
  if (!found) throw new NotFoundError(`dataset ${wanted} does not exist`, { provider: PROVIDER_ID })
  return found
}

export async function fetchObservatories(
  client: ApiClient,
  array: unknown,
  options: { uid?: unknown; signal?: AbortSignal },
): Promise<UcalgaryObservatory[]> {
  const query = { instrument_array: instrumentArray(array), uid: uid(options.uid, 'uid') }
  throwIfAborted(options.signal, PROVIDER_ID)
  return client.request({ path: 'observatories', query, signal: options.signal }, observatoryListSchema)
}
