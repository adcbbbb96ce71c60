import { createCipheriv, createHash } from 'node:crypto'

/**
 * Bytes that depend only on `name` and `size`, so an emulator can serve files of known content and
 * a test can recompute them: the AES-256-CTR keystream keyed by SHA-256(name), which is fast (GB/s)
 * and not compressible.
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
