import { InvalidInputError, isSecretHeader } from '@heliokit/core'

/** Caller headers as a new Headers object; an invalid name or value is INVALID_INPUT naming only the header. */
export function toHeaders(init: Readonly<Record<string, string>> | undefined): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(init ?? {})) {
    try {
      headers.set(name, value)
    } catch {
      throw new InvalidInputError(`invalid HTTP header ${JSON.stringify(name.slice(0, 80))}`)
    }
  }
  return headers
}

/** Values of credential-carrying headers, to be masked in errors. */
export function secretHeaderValues(init: Readonly<Record<string, string>> | undefined): string[] {
  return Object.entries(init ?? {})
    .filter(([name]) => isSecretHeader(name))
    .map(([, value]) => value)
}
