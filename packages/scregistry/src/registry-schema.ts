import { z } from 'zod'

/** One bucket of the global registry (HelioDataRegistry.json). */
export interface ScregistryBucket {
  /** `s3://bucket/` (or an `https://` folder), ending in `/`. */
  readonly endpoint: string
  readonly name: string
  /** Cloud provider, `aws` when not given. */
  readonly provider: string
  readonly region: string
}

/** The global registry: it lists buckets, never datasets. */
export interface ScregistryRegistry {
  /** Where the registry was read from. */
  readonly url: string
  readonly version?: string
  readonly modified?: string
  readonly buckets: readonly ScregistryBucket[]
  /** The document as read. */
  readonly raw: unknown
}

const text = z.union([z.string(), z.number()]).transform(String)

// Strict on endpoint, name and region (what lookups use), tolerant of everything else.
const bucketSchema = z
  .object({
    endpoint: z
      .string()
      .refine((u) => /^(s3|https?):\/\/[^/]+/.test(u), 'must be an s3:// or http(s):// URL')
      .transform((u) => (u.endsWith('/') ? u : `${u}/`)),
    name: z.string(),
    provider: z.string().nullish(),
    region: z.string(),
  })
  .transform((b) => ({ endpoint: b.endpoint, name: b.name, provider: b.provider ?? 'aws', region: b.region }))

/** The registry document, as the fields used are spelled in any version. */
export interface RegistryDocument {
  readonly version?: string
  readonly CloudMe?: string
  readonly modification?: string
  readonly modificationDate?: string
  readonly registry: ScregistryBucket[]
}

export const registrySchema: z.ZodType<RegistryDocument> = z.object({
  version: text.optional(),
  CloudMe: text.optional(),
  modification: z.string().optional(),
  modificationDate: z.string().optional(),
  registry: z.array(bucketSchema),
})

export function toRegistry(url: string, raw: unknown, parsed: RegistryDocument): ScregistryRegistry {
  return {
    url,
    version: parsed.version ?? parsed.CloudMe,
    modified: parsed.modification ?? parsed.modificationDate,
    buckets: parsed.registry,
    raw,
  }
}
