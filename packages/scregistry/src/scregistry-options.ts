import { InvalidInputError } from '@heliokit/core'
import type { CacheSettings } from './object-cache.ts'
import { PROVIDER_ID } from './provider-id.ts'

export interface ScregistryOptions {
  /**
   * The global registry (HelioDataRegistry.json), as an `https://`, `http://` or `s3://` URL. Default: the
   * `ROOT_CATALOG_REGISTRY_URL` environment variable, else `http://heliocloud.org/catalog/HelioDataRegistry.json`.
   */
  readonly registryUrl?: string
  /**
   * A folder to keep catalogs and yearly indexes in across runs (or `{ dir, refresh }`); each copy is
   * revalidated against the object's ETag/Last-Modified before use. `refresh: true` fetches everything
   * again. Default: no cache.
   */
  readonly cache?: string | { readonly dir: string; readonly refresh?: boolean }
  /** Bucket catalogs read at once when the whole network is searched. Default 16. */
  readonly concurrency?: number
}

export const DEFAULT_REGISTRY_URL = 'http://heliocloud.org/catalog/HelioDataRegistry.json'

export interface Settings {
  readonly registryUrl: string
  readonly cache?: CacheSettings
  readonly concurrency: number
}

const fail = (path: string, message: string): never => {
  throw new InvalidInputError(`option ${path} ${message}`, {
    provider: PROVIDER_ID,
    issues: [{ path, message }],
  })
}

/** The options checked and filled in; the environment is read once, when the provider is made. */
export function settingsOf(options: ScregistryOptions): Settings {
  if (typeof options !== 'object' || options === null) fail('options', 'must be an object')
  const registryUrl = options.registryUrl ?? process.env.ROOT_CATALOG_REGISTRY_URL ?? DEFAULT_REGISTRY_URL
  if (!URL.canParse(registryUrl) || !/^(https?|s3):$/.test(new URL(registryUrl).protocol)) {
    fail('registryUrl', 'must be an http(s):// or s3:// URL')
  }
  const cache = typeof options.cache === 'string' ? { dir: options.cache } : options.cache
  if (cache !== undefined && (typeof cache.dir !== 'string' || cache.dir === '')) {
    fail('cache', 'must be a folder path or { dir, refresh }')
  }
  const concurrency = options.concurrency ?? 16
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    fail('concurrency', 'must be an integer from 1 to 256')
  }
  return {
    registryUrl,
    cache: cache && { dir: cache.dir, refresh: cache.refresh === true },
    concurrency,
  }
}
