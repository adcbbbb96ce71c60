const MASK = '***'

// Query parameters that carry credentials: API keys, tokens and the parts of presigned S3 URLs.
const secretParam =
  /^(api[-_]?key|key|token|access[-_]?token|auth|authorization|password|passwd|secret|sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token|awsaccesskeyid|x-goog-signature|x-goog-credential)$/i

/** A URL with credentials in its user info or query replaced by `***`; unparsable input is returned masked. */
export function redactUrl(url: string | URL, secrets: readonly string[] = []): string {
  let parsed: URL
  try {
    parsed = new URL(String(url))
  } catch {
    return redactText(String(url), secrets)
  }
  if (parsed.password) parsed.password = MASK
  for (const name of [...parsed.searchParams.keys()]) {
    if (isSecretParam(name)) parsed.searchParams.set(name, MASK)
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
