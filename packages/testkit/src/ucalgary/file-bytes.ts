import { deterministicBytes } from '../deterministic-bytes.ts'

/** 32-bit FNV-1a hash of a string. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Size in bytes of the file at a data-host path: 2 KiB to 30 KiB, fixed per path. */
export function fileSize(path: string): number {
  return 2048 + (fnv1a(path) % 28_672)
}

/** Contents of the file at a data-host path. */
export function fileBody(path: string): Uint8Array {
  return deterministicBytes(path, fileSize(path))
}
