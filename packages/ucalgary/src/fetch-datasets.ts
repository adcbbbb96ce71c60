import { type ApiClient, NotFoundError, throwIfAborted } from '@heliokit/core'
import { datasetFilter, datasetName } from './input-fields.ts'
import { PROVIDER_ID } from './provider-id.ts'
import { datasetListSchema, type UcalgaryDataset } from './schemas.ts'

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
