import type { HeliokitError } from '@heliokit/core'
import { checkAvailable } from './catalog-lookup.ts'
import type { ScregistryCatalog } from './catalog-schema.ts'
import { providerError } from './provider-error.ts'
import type { ScregistryBucket, ScregistryRegistry } from './registry-schema.ts'

export interface BucketCatalog {
  readonly bucket: ScregistryBucket
  readonly catalog: ScregistryCatalog
}

export interface FailedBucket {
  readonly bucket: ScregistryBucket
  readonly error: HeliokitError
}

/** Every bucket's catalog, read in parallel; buckets that fail (or say 1400) are reported, not thrown. */
export interface ScregistryNetwork {
  readonly registry: ScregistryRegistry
  /** In registry order. */
  readonly catalogs: readonly BucketCatalog[]
  readonly failed: readonly FailedBucket[]
}

/** Reads the catalogs of all buckets, at most `concurrency` at once, keeping registry order. */
export async function readNetwork(
  registry: ScregistryRegistry,
  readCatalog: (endpoint: string) => Promise<ScregistryCatalog>,
  concurrency: number,
): Promise<ScregistryNetwork> {
  const results: ({ catalog: ScregistryCatalog } | { error: HeliokitError })[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < registry.buckets.length) {
      const i = next++
      try {
        const catalog = await readCatalog(registry.buckets[i]!.endpoint)
        checkAvailable(catalog)
        results[i] = { catalog }
      } catch (error) {
        results[i] = { error: providerError(error) }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, registry.buckets.length) }, worker))
  const catalogs: BucketCatalog[] = []
  const failed: FailedBucket[] = []
  registry.buckets.forEach((bucket, i) => {
    const result = results[i]!
    if ('catalog' in result) catalogs.push({ bucket, catalog: result.catalog })
    else failed.push({ bucket, error: result.error })
  })
  return { registry, catalogs, failed }
}
