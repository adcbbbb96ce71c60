const MASK = '***'

// Query parameters that carry credentials: API keys, tokens and the parts of presigned S3 URLs.
const secretNames =
  'api[-_]?key|key|token|access[-_]?token|auth|authorization|password|passwd|secret|sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token|awsaccesskeyid|x-goog-signature|x-goog-credential'
const secretParam = new RegExp(`^(?:${secretNames})$`, 'i')
// The same parameters inside text that is not an absolute URL (a path with a query, a log line).
const secretPair = new RegExp(`([?&;](?:${secretNames})=)[^&#\\s]*`, 'gi')
// The same parameters in a fragment (`#access_token=...&state=...`).
const secretFragmentPair = new RegExp(`([#&;](?:${secretNames})=)[^&]*`, 'gi')

/**
 * A URL with credentials replaced by `***`: the password, a user name given without one (a token, as in
 * `https://<token>@host/`), and secret-looking parameters of the query and of a `#a=b&c=d` fragment (as
 * OAuth's `#access_token=`). Unparsable input is returned masked.
 */
export function redactUrl(url: string | URL, secrets: readonly string[] = []): string {
  let parsed: URL
  try {
    parsed = url instanceof URL ? url : new URL(String(url))
  } catch {
    return redactText(String(url).replace(secretPair, `$1${MASK}`), secrets)
  }
  if (!parsed.username && !parsed.password && !parsed.search && !parsed.hash.includes('=')) {
    return redactText(parsed.href, secrets)
  }
  // The caller's URL is left as it was: the masks go on a copy.
  if (parsed === url) parsed = new URL(parsed.href)
  if (parsed.password) parsed.password = MASK
  else if (parsed.username) parsed.username = MASK
  if (parsed.hash.includes('=')) parsed.hash = parsed.hash.replace(secretFragmentPair, `$1${MASK}`)
  // One rebuild rather than a `set` per name, which is quadratic in the number of parameters.
  const params = [...parsed.searchParams]
  if (params.some(([name]) => isSecretParam(name))) {
    parsed.search = new URLSearchParams(
      params.map(([name, value]) => [name, isSecretParam(name) ? MASK : value]),
    ).toString()
  }
  // URLSearchParams encodes `*`; keep the mask readable.
  return redactText(parsed.href.replaceAll('%2A%2A%2A', MASK), secrets)
}

/** Whether a query parameter name carries a credential (`api_key`, `token`, `X-Amz-Signature`, ...). */
export function isSecretParam(name: string): boolean {
  return secretParam.test(name)
}

/** Text with every occurrence of each known secret replaced by `***`. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(MASK)
  }
  return out
}

const secretHeader =
  /^(authorization|proxy-authorization|cookie|x-api-key|x-.*-api-key|x-amz-security-token)$/i

/** Header names whose values must never be logged. */
export function isSecretHeader(name: string): boolean {
  return secretHeader.test(name)
}
