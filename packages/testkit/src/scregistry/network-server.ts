import { type S3Seed, startS3Server, type TestS3Server } from '../s3-server.ts'
import { type ScregistrySeededFile, scregistrySeed } from './scregistry-seed.ts'

export interface ScregistryNetworkOptions {
  /** More buckets and objects, added to (or replacing objects of) the seeded network. */
  readonly extraBuckets?: S3Seed
}

/** s3rver holding the seeded HelioCloud network. */
export interface ScregistryNetworkServer {
  readonly s3: TestS3Server
  /** Pass to `createS3Transport({ endpoint })`. */
  readonly endpoint: string
  /** Pass to `scregistry({ registryUrl })`. */
  readonly registryUrl: string
  /** The files each seeded dataset lists, in index order. */
  readonly files: Readonly<Record<string, readonly ScregistrySeededFile[]>>
  close(): Promise<void>
}

/** Starts s3rver seeded with `scregistrySeed()`. */
export async function startScregistryNetwork(
  options: ScregistryNetworkOptions = {},
): Promise<ScregistryNetworkServer> {
  const seed = scregistrySeed()
  const buckets: Record<string, Record<string, Uint8Array | string>> = { ...seed.buckets }
  for (const [bucket, objects] of Object.entries(options.extraBuckets ?? {})) {
    buckets[bucket] = { ...buckets[bucket], ...objects }
  }
  const s3 = await startS3Server({ buckets })
  return {
    s3,
    endpoint: s3.endpoint,
    registryUrl: seed.registryUrl,
    files: seed.files,
    close: () => s3.close(),
  }
}
