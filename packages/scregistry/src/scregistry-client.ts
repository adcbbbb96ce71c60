import { ConflictError, NotFoundError, type ProviderContext, throwIfAborted } from '@heliokit/core'
import { bucketEndpoint } from './bucket-endpoint.ts'
import type { ScregistryEntry } from './catalog-entry.ts'
import { checkAvailable, findEntry } from './catalog-lookup.ts'
import { catalogSchema, type ScregistryCatalog, toCatalog } from './catalog-schema.ts'
import { type ObjectReader, objectReader } from './object-reader.ts'
import { PROVIDER_ID } from './provider-id.ts'
import { readNetwork, type ScregistryNetwork } from './read-network.ts'
import { registrySchema, type ScregistryRegistry, toRegistry } from './registry-schema.ts'
import type { Settings } from './scregistry-options.ts'

/** Registry, catalog and network reads over one context's transports. */
export class ScregistryClient {
  readonly reader: ObjectReader
  readonly #settings: Settings

  constructor(ctx: ProviderContext, settings: Settings) {
    this.reader = objectReader(ctx, settings.cache)
    this.#settings = settings
  }

  async registry(signal?: AbortSignal): Promise<ScregistryRegistry> {
    throwIfAborted(signal, PROVIDER_ID)
    const url = this.#settings.registryUrl
    const { raw, value } = await this.reader.json(url, registrySchema, signal)
    return toRegistry(url, raw, value)
  }

  /** The catalog of a bucket given as name or URL (checked before anything is sent). */
  async catalog(bucket: string, signal?: AbortSignal): Promise<ScregistryCatalog> {
    const endpoint = bucketEndpoint(bucket)
    throwIfAborted(signal, PROVIDER_ID)
    const { raw, value } = await this.reader.json(`${endpoint}catalog.json`, catalogSchema, signal)
    return toCatalog(endpoint, raw, value)
  }

  async network(signal?: AbortSignal): Promise<ScregistryNetwork> {
    const registry = await this.registry(signal)
    const network = await readNetwork(registry, (e) => this.catalog(e, signal), this.#settings.concurrency)
    throwIfAborted(signal, PROVIDER_ID)
    return network
  }

  /** The available catalog and entry for a dataset, in the given bucket or the one bucket listing it. */
  async locate(
    dataset: string,
    endpoint: string | undefined,
    signal?: AbortSignal,
  ): Promise<{ catalog: ScregistryCatalog; entry: ScregistryEntry }> {
    if (endpoint !== undefined) {
      const catalog = await this.catalog(endpoint, signal)
      checkAvailable(catalog)
      return { catalog, entry: findEntry(catalog, dataset) }
    }
    const network = await this.network(signal)
    const found = network.catalogs.filter(({ catalog }) =>
      catalog.entries.some((e) => e.id.toLowerCase() === dataset.toLowerCase()),
    )
    if (found.length === 0) {
      const failed = network.failed.length ? ` (${network.failed.length} bucket(s) could not be read)` : ''
      throw new NotFoundError(`no bucket of ${network.registry.url} lists dataset ${dataset}${failed}`, {
        provider: PROVIDER_ID,
      })
    }
    if (found.length > 1) {
      const list = found.map((f) => f.catalog.endpoint).join(', ')
      throw new ConflictError(
        `dataset ${dataset} is listed by several buckets, pass one as bucket: ${list}`,
        {
          provider: PROVIDER_ID,
        },
      )
    }
    const { catalog } = found[0]!
    return { catalog, entry: findEntry(catalog, dataset) }
  }
}
