import { deterministicBytes, sha256Hex } from '../deterministic-bytes.ts'
import type { S3Seed } from '../s3-server.ts'
import { type IndexedFile, indexCsv } from './index-csv.ts'
import { CATALOGS, REGISTRY } from './network-catalogs.ts'
import { DATASETS } from './network-datasets.ts'

/** A data file the seeded network lists, with what a client should report for it. */
export interface ScregistrySeededFile {
  readonly dataset: string
  /** Absolute URL (relative datakeys resolved against the catalog's bucket). */
  readonly url: string
  readonly start: string
  /** Absent for indexes written before spec 0.5. */
  readonly stop?: string
  readonly size: number
  readonly sha256: string
}

/** The seeded network: objects per bucket and the files each dataset lists, in index order. */
export interface ScregistrySeed {
  readonly buckets: S3Seed
  /** `s3://helio-registry/HelioDataRegistry.json`. */
  readonly registryUrl: string
  readonly files: Readonly<Record<string, readonly ScregistrySeededFile[]>>
}

export const SCREGISTRY_REGISTRY_URL = 's3://helio-registry/HelioDataRegistry.json'

function split(url: string): { bucket: string; key: string } | undefined {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(url)
  return m ? { bucket: m[1]!, key: m[2]! } : undefined
}

/**
 * A HelioCloud network for s3rver: a global registry, catalogs in the 0.2, 0.6 and 1.1 styles (one
 * bucket at status 1400, one registered without a catalog), yearly indexes in several header, quoting
 * and time styles (a missing year, an index in another bucket, a multi-year dataset, checksums) and
 * every data object they point to.
 */
export function scregistrySeed(): ScregistrySeed {
  const buckets: Record<string, Record<string, Uint8Array | string>> = {
    'helio-registry': { 'HelioDataRegistry.json': JSON.stringify(REGISTRY, null, 2) },
    'helio-offline': {},
    'helio-indexes': {},
  }
  const put = (url: string, body: Uint8Array | string): void => {
    const at = split(url)
    if (!at) return
    buckets[at.bucket] ??= {}
    buckets[at.bucket]![at.key] = body
  }
  for (const [bucket, catalog] of Object.entries(CATALOGS))
    put(`s3://${bucket}/catalog.json`, JSON.stringify(catalog, null, 4))
  const files: Record<string, ScregistrySeededFile[]> = {}
  for (const d of DATASETS) {
    files[d.id] = []
    for (const y of d.years) {
      const indexed: IndexedFile[] = []
      for (const [start, stop, key, size] of y.rows) {
        const url = /^(s3|https?):\/\//.test(key) ? key : `s3://${d.bucket}/${key}`
        const bytes = deterministicBytes(url, size)
        const sha256 = sha256Hex(bytes)
        put(url, bytes)
        indexed.push({ start, stop, key, size, sha256, extras: d.extras })
        files[d.id]!.push({ dataset: d.id, url, start, stop, size, sha256 })
      }
      put(`${d.index}${d.id}_${y.year}.csv`, indexCsv(indexed, y.style))
    }
  }
  return { buckets, registryUrl: SCREGISTRY_REGISTRY_URL, files }
}
