import type { S3Client } from '@aws-sdk/client-s3'
import type { S3Sdk } from './load-sdk.ts'

interface RegionHint {
  readonly $metadata?: { readonly httpStatusCode?: number }
  readonly $response?: { readonly headers?: Readonly<Record<string, string | undefined>> }
}

/**
 * The region S3 names in a 301 PermanentRedirect, sent for a request to a bucket in another region:
 * undefined for any other failure.
 */
export function redirectRegion(error: unknown): string | undefined {
  return (error as RegionHint | null)?.$metadata?.httpStatusCode === 301 ? namedRegion(error) : undefined
}

/** The `x-amz-bucket-region` header of the response an SDK error came from, if any. */
function namedRegion(error: unknown): string | undefined {
  return (error as RegionHint | null)?.$response?.headers?.['x-amz-bucket-region'] || undefined
}

/**
 * The bucket's region from the `x-amz-bucket-region` header of a HEAD bucket, which S3 sends on 200,
 * on the 301 PermanentRedirect for a bucket in another region, and on 403. Undefined when the server
 * sends no such header (most S3-compatible servers); a missing bucket or a network failure throws.
 */
export async function detectBucketRegion(
  sdk: S3Sdk,
  client: S3Client,
  bucket: string,
): Promise<string | undefined> {
  try {
    const head = await client.send(new sdk.HeadBucketCommand({ Bucket: bucket }))
    return head.BucketRegion || undefined
  } catch (error) {
    const region = namedRegion(error)
    if (region) return region
    const status = (error as RegionHint).$metadata?.httpStatusCode
    if (status === undefined || status === 404) throw error
    return undefined
  }
}
