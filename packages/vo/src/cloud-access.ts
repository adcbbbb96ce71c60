import { z } from 'zod'

/** Where a copy of a dataset lives in a cloud bucket (HEASARC's `cloud_access` column). */
export interface CloudLocation {
  /** The cloud, as keyed in the JSON: `aws`, `gc`, ... */
  readonly cloud: string
  readonly bucket: string
  readonly key: string
  readonly region?: string
  /** `open`, `restricted`, ... */
  readonly access?: string
  /** `s3://bucket/key` for AWS, `gs://bucket/key` for Google Cloud. */
  readonly url: string
}

const location = z.looseObject({
  bucket_name: z.string().min(1),
  key: z.string(),
  region: z.string().optional(),
  access: z.string().optional(),
})
const entry = z.record(z.string(), z.unknown())

const SCHEMES: Readonly<Record<string, string>> = { aws: 's3', gc: 'gs', gcp: 'gs', google: 'gs' }

/**
 * Parses a `cloud_access` cell: `{"aws": {"bucket_name", "region", "access", "key"}}`, a list of such
 * objects, or empty. Entries that do not fit are skipped; a cell that is not JSON gives none.
 */
export function parseCloudAccess(cell: unknown): CloudLocation[] {
  if (typeof cell !== 'string' || cell.trim() === '') return []
  let json: unknown
  try {
    json = JSON.parse(cell)
  } catch {
    return []
  }
  const out: CloudLocation[] = []
  for (const item of Array.isArray(json) ? json : [json]) {
    const clouds = entry.safeParse(item)
    if (!clouds.success) continue
    for (const [cloud, value] of Object.entries(clouds.data)) {
      const parsed = location.safeParse(value)
      if (!parsed.success) continue
      const key = parsed.data.key.replace(/^\/+/, '')
      const scheme = SCHEMES[cloud.toLowerCase()] ?? cloud.toLowerCase()
      out.push({
        cloud,
        bucket: parsed.data.bucket_name,
        key,
        ...(parsed.data.region === undefined ? {} : { region: parsed.data.region }),
        ...(parsed.data.access === undefined ? {} : { access: parsed.data.access }),
        url: `${scheme}://${parsed.data.bucket_name}/${key}`,
      })
    }
  }
  return out
}
