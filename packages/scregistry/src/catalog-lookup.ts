import { ConflictError, NotFoundError, UnavailableError } from '@heliokit/core'
import type { ScregistryEntry } from './catalog-entry.ts'
import type { ScregistryCatalog } from './catalog-schema.ts'
import { PROVIDER_ID } from './provider-id.ts'
import type { ScregistryBucket, ScregistryRegistry } from './registry-schema.ts'

/** The registry bucket with this name (and a region starting with `regionPrefix`): exactly one, or an error. */
export function findBucket(registry: ScregistryRegistry, name: string, regionPrefix = ''): ScregistryBucket {
  const found = registry.buckets.filter((b) => b.name === name && b.region.startsWith(regionPrefix))
  const where = regionPrefix ? ` in a region starting with ${JSON.stringify(regionPrefix)}` : ''
  if (found.length === 0) {
    throw new NotFoundError(`no bucket named ${JSON.stringify(name)}${where} in ${registry.url}`, {
      provider: PROVIDER_ID,
    })
  }
  if (found.length > 1) {
    const list = found.map((b) => `${b.endpoint} (${b.region})`).join(', ')
    throw new ConflictError(`${found.length} buckets are named ${JSON.stringify(name)}${where}: ${list}`, {
      provider: PROVIDER_ID,
    })
  }
  return found[0]!
}

/** The entry with this id, compared exactly and then without case; several is an error naming them. */
export function findEntry(catalog: ScregistryCatalog, id: string): ScregistryEntry {
  let found = catalog.entries.filter((e) => e.id === id)
  if (found.length === 0) found = catalog.entries.filter((e) => e.id.toLowerCase() === id.toLowerCase())
  if (found.length === 0) {
    throw new NotFoundError(`no dataset ${JSON.stringify(id)} in ${catalog.endpoint}catalog.json`, {
      provider: PROVIDER_ID,
    })
  }
  const ids = [...new Set(found.map((e) => e.id))]
  if (found.length > 1) {
    throw new ConflictError(
      `${catalog.endpoint}catalog.json lists ${found.length} datasets for ${JSON.stringify(id)}: ${ids.join(', ')}`,
      { provider: PROVIDER_ID },
    )
  }
  return found[0]!
}

/** UNAVAILABLE when the catalog says its bucket is temporarily not serving (status 1400). */
export function checkAvailable(catalog: ScregistryCatalog): void {
  if (catalog.status.code !== 1200) {
    throw new UnavailableError(
      `${catalog.endpoint} is unavailable: status ${catalog.status.code} ${catalog.status.message}`.trim(),
      { provider: PROVIDER_ID, url: `${catalog.endpoint}catalog.json` },
    )
  }
}
