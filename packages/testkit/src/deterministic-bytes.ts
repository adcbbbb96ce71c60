import { createCipheriv, createHash } from 'node:crypto'

/**
 * Bytes that depend only on `name` and `size`, so a test can recompute what an emulator serves: the
 * AES-256-CTR keystream keyed by SHA-256(name), which is not compressible.
 */
export function deterministicBytes(name: string, size: number): Uint8Array {
  const key = createHash('sha256').update(name).digest()
  const keystream = createCipheriv('aes-256-ctr', key, Buffer.alloc(16))
  return new Uint8Array(keystream.update(Buffer.alloc(size)))
}

/** Lower-case hex SHA-256 of some bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
