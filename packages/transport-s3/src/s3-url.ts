import { InvalidInputError, redactUrl } from '@heliokit/core'

/** A bucket and a key (empty for a whole-bucket prefix). */
export interface S3Location {
  readonly bucket: string
  readonly key: string
}

const MAX_KEY_BYTES = 1024

/** Whether a name follows the S3 general-purpose bucket naming rules. */
export function isValidBucketName(name: string): boolean {
  return (
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) &&
    !name.includes('..') &&
    !/^\d{1,3}(\.\d{1,3}){3}$/.test(name)
  )
}

/**
 * Splits `s3://bucket/key` into bucket and key. The key is the URL path percent-decoded, so keys with
 * `?`, `#` or `%` must be written encoded (`formatS3Url` does that). Anything else is INVALID_INPUT.
 */
export function parseS3Url(url: string | URL, options: { readonly requireKey?: boolean } = {}): S3Location {
  const text = String(url)
  let parsed: URL
  try {
    parsed = new URL(text)
  } catch (cause) {
    throw invalid(`not a URL: ${JSON.stringify(redactUrl(text).slice(0, 80))}`, cause)
  }
  const shown = redactUrl(parsed)
  if (parsed.protocol !== 's3:') throw invalid(`not an s3: URL: ${shown}`)
  if (parsed.username || parsed.password) throw invalid(`s3: URLs must not hold credentials: ${shown}`)
  if (parsed.port) throw invalid(`s3: URLs have no port: ${shown}`)
  if (parsed.search || parsed.hash) {
    throw invalid(`s3: URL has a query or fragment (write ? as %3F and # as %23 in keys): ${shown}`)
  }
  const bucket = parsed.hostname
  if (!bucket) throw invalid(`s3: URL has no bucket: ${shown}`)
  if (!isValidBucketName(bucket)) throw invalid(`not a valid S3 bucket name: ${JSON.stringify(bucket)}`)
  let key: string
  try {
    key = decodeURIComponent(parsed.pathname.replace(/^\//, ''))
  } catch (cause) {
    throw invalid(`s3: URL key has a malformed %-escape: ${shown}`, cause)
  }
  if (options.requireKey && key === '') throw invalid(`s3: URL names a bucket, not an object: ${shown}`)
  if (new TextEncoder().encode(key).length > MAX_KEY_BYTES) {
    throw invalid(`S3 keys are at most ${MAX_KEY_BYTES} bytes: ${shown.slice(0, 80)}...`)
  }
  return { bucket, key }
}

/**
 * The `s3:` URL of an object, each path segment percent-encoded so `parseS3Url` gives the key back.
 * Keys with `.` or `..` segments cannot round-trip: URL parsing removes those segments.
 */
export function formatS3Url(bucket: string, key: string): string {
  return `s3://${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`
}

function invalid(message: string, cause?: unknown): InvalidInputError {
  return new InvalidInputError(message, { issues: [{ path: 'url', message }], cause })
}
