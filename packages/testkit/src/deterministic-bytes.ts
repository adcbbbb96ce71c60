import { createHash } from 'node:crypto'

/**
 * Bytes that depend only on `name` and `size`, so an emulator can serve files of known content and
 * a test can recompute them. Built from chained SHA-256 blocks: fast, and not compressible.
 */
export function deterministicBytes(name: string, size: number): Uint8Array {
  const out = new Uint8Array(size)
  let block = createHash('sha256').update(name).digest()
  for (let offset = 0; offset < size; offset += block.length) {
    out.set(block.subarray(0, Math.min(block.length, size - offset)), offset)
    block = createHash('sha256').update(block).digest()
  }
  return out
}

/** Lower-case hex SHA-256 of some bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
