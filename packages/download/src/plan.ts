import { type DataFile, InvalidInputError, redactUrl, type Transport } from '@heliokit/core'
import { relativePathFor, resolveInside } from './local-path.ts'

/** One file, checked and placed: everything needed before the first request. */
export interface PlannedFile {
  readonly file: DataFile
  /** `file.url`, then its mirrors, in the order they are tried. */
  readonly urls: readonly URL[]
  /** Relative path under outDir. */
  readonly rel: string
  /** Absolute final path. */
  readonly target: string
}

/** A planned file with the one of its URLs being fetched. */
export interface SourceJob extends PlannedFile {
  readonly url: URL
  /** Redacted URL, for errors, logs and the sidecar. */
  readonly safeUrl: string
  readonly transport: Transport
}

const CHECKSUM_HEX_LENGTH = { sha256: 64, sha1: 40, md5: 32 } as const

/** Validates one file and finds its local path; nothing is sent before this passes. */
export function planFile(file: DataFile, root: string): PlannedFile {
  if (typeof file !== 'object' || file === null) throw new InvalidInputError('not a DataFile')
  const url = parseUrl(file.url, 'url')
  if (file.size !== undefined && !(Number.isSafeInteger(file.size) && file.size >= 0)) {
    throw new InvalidInputError(`${redactUrl(url)}: size must be a non-negative integer`, {
      issues: [{ path: 'size', message: 'must be a non-negative integer' }],
    })
  }
  if (file.checksum !== undefined) {
    const want = CHECKSUM_HEX_LENGTH[file.checksum.algorithm]
    if (want === undefined || !new RegExp(`^[0-9a-fA-F]{${want}}$`).test(file.checksum.value)) {
      throw new InvalidInputError(`${redactUrl(url)}: checksum must be sha256, sha1 or md5 as hex`, {
        issues: [{ path: 'checksum', message: 'unknown algorithm or malformed hex value' }],
      })
    }
  }
  const mirrors = file.mirrors ?? []
  if (!Array.isArray(mirrors)) {
    throw new InvalidInputError(`${redactUrl(url)}: mirrors must be an array of URLs`, {
      issues: [{ path: 'mirrors', message: 'must be an array of URLs' }],
    })
  }
  const urls = [url, ...mirrors.map((m, i) => parseUrl(m, `mirrors.${i}`))]
  const rel = relativePathFor(file, url)
  return { file, urls, rel, target: resolveInside(root, rel) }
}

/** The planned file fetched from `url` through the transport serving it (UNAVAILABLE when none does). */
export function sourceJob(plan: PlannedFile, url: URL, transportFor: (url: URL) => Transport): SourceJob {
  // A literal of fixed shape: a spread of the plan is a slow, shape-changing copy once per file.
  const { file, urls, rel, target } = plan
  return { file, urls, rel, target, url, safeUrl: redactUrl(url), transport: transportFor(url) }
}

function parseUrl(value: unknown, field: string): URL {
  try {
    if (typeof value === 'string') return new URL(value)
  } catch {
    // reported below
  }
  throw new InvalidInputError(`not a URL: ${redactUrl(String(value)).slice(0, 200)}`, {
    issues: [{ path: field, message: 'must be an absolute URL' }],
  })
}
