import { X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls'
import { InvalidInputError } from '@heliokit/core'

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g

/**
 * One TLS context per transport: Node's roots, `NODE_EXTRA_CA_CERTS` and `extraCaCerts`; undefined without
 * `extraCaCerts` (Node's default has the first two). A PEM without a valid certificate is INVALID_INPUT.
 */
export function tlsOptions(extraCaCerts: readonly string[]): { secureContext: SecureContext } | undefined {
  if (extraCaCerts.length === 0) return undefined
  const extra = extraCaCerts.flatMap((pem, i) => certificates(pem, `extraCaCerts[${i}]`))
  // Node adds NODE_EXTRA_CA_CERTS only to its default context, which a `ca` list replaces.
  const envFile = process.env.NODE_EXTRA_CA_CERTS
  const fromEnv = envFile ? certificates(readEnvFile(envFile), 'NODE_EXTRA_CA_CERTS') : []
  return { secureContext: createSecureContext({ ca: [...rootCertificates, ...fromEnv, ...extra] }) }
}

function certificates(pem: unknown, what: string): string[] {
  const blocks = typeof pem === 'string' ? (pem.match(PEM_BLOCK) ?? []) : []
  if (blocks.length === 0) throw new InvalidInputError(`${what} holds no PEM certificate`)
  for (const block of blocks) {
    try {
      new X509Certificate(block)
    } catch {
      throw new InvalidInputError(`${what} holds a PEM certificate that cannot be parsed`)
    }
  }
  return blocks
}

function readEnvFile(path: string): string {
  try {
    return readFileSync(path, 'latin1')
  } catch {
    throw new InvalidInputError('NODE_EXTRA_CA_CERTS names a file that cannot be read')
  }
}
