import { type DataFile, InvalidInputError, redactUrl, type Transport } from '@heliokit/core'
import { relativePathFor, resolveInside } from './local-path.ts'

/** One file, checked and placed: everything needed before the first request. */
export interface PlannedFile {
  readonly file: DataFile
  readonly url: URL
  /** Redacted URL, for errors, logs and the sidecar. */
  readonly safeUrl: string
  /** Relative path under outDir. */
  readonly rel: string
  /** Absolute final path. */
  readonly target: string
  readonly transport: Transport
}

const CHECKSUM_HEX_LENGTH = { sha256: 64, sha1: 40, md5: 32 } as const

/** Validates one file and finds its transport and local path; nothing is sent before this passes. */
export function planFile(file: DataFile, root: string, transportFor: (url: URL) => Transport): PlannedFile {
  if (typeof file !== 'object' || file === null) throw new InvalidInputError('not a DataFile')
  const url = parseUrl(file.url)
  const safeUrl = redactUrl(url)
  if (file.size !== undefined && !(Number.isSafeInteger(file.size) && file.size >= 0)) {
    throw new InvalidInputError(`${safeUrl}: size must be a non-negative integer`, {
      issues: [{ path: 'size', message: 'must be a non-negative integer' }],
    })
  }
  if (file.checksum !== undefined) {
    const want = CHECKSUM_HEX_LENGTH[file.checksum.algorithm]
    if (want === undefined || !new RegExp(`^[0-9a-fA-F]{${want}}$`).test(file.checksum.value)) {
      throw new InvalidInputError(`${safeUrl}: checksum must be sha256, sha1 or md5 as hex`, {
        issues: [{ path: 'checksum', message: 'unknown algorithm or malformed hex value' }],
      })
    }
  }
  const rel = relativePathFor(file, url)
  const target = resolveInside(root, rel)
  return { file, url, safeUrl, rel, target, transport: transportFor(url) }
}

function parseUrl(value: unknown): URL {
  try {
    if (typeof value === 'string') return new URL(value)
  } catch {
    // reported below
  }
  throw new InvalidInputError(`not a URL: ${redactUrl(String(value)).slice(0, 200)}`, {
    issues: [{ path: 'url', message: 'must be an absolute URL' }],
  })
}
