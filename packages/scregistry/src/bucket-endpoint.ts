import { invalid } from './provider-error.ts'

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/

/** A bucket as callers name it (`my-bucket`, `s3://my-bucket/`, an `https://` folder) as a folder URL. */
export function bucketEndpoint(value: unknown, field = 'bucket'): string {
  if (typeof value !== 'string' || value === '') {
    throw invalid(field, 'must be a bucket name, an s3:// URL or an https:// folder')
  }
  if (/^(s3|https?):\/\//i.test(value)) {
    if (!URL.canParse(value)) throw invalid(field, `is not a URL: ${JSON.stringify(value.slice(0, 80))}`)
    const url = new URL(value)
    if (url.search || url.hash) throw invalid(field, 'must not carry a query or fragment')
    if (url.protocol === 's3:' && !BUCKET.test(url.hostname)) {
      throw invalid(field, `names an invalid bucket: ${JSON.stringify(url.hostname)}`)
    }
    return value.endsWith('/') ? value : `${value}/`
  }
  if (!BUCKET.test(value)) throw invalid(field, `is not a bucket name: ${JSON.stringify(value.slice(0, 80))}`)
  return `s3://${value}/`
}
