import { type ApiClient, throwIfAborted } from '@heliokit/core'
import { instrumentArray, uid } from './input-fields.ts'
import { PROVIDER_ID } from './provider-id.ts'
import { observatoryListSchema, type UcalgaryObservatory } from './schemas.ts'

export async function fetchObservatories(
  client: ApiClient,
  array: unknown,
  options: { uid?: unknown; signal?: AbortSignal },
): Promise<UcalgaryObservatory[]> {
  const query = { instrument_array: instrumentArray(array), uid: uid(options.uid, 'uid') }
  throwIfAborted(options.signal, PROVIDER_ID)
  return client.request({ path: 'observatories', query, signal: options.signal }, observatoryListSchema)
}
