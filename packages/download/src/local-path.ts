import { resolve, sep } from 'node:path'
import { type DataFile, InvalidInputError, isSafeRelativePath, redactUrl } from '@heliokit/core'
import { PART_SUFFIX } from './part-file.ts'

/**
 * The file's relative POSIX path under outDir: `DataFile.path`, or the decoded URL pathname when the path
 * is empty. Throws INVALID_INPUT for anything that could leave outDir or collide with a temp file.
 */
export function relativePathFor(file: DataFile, url: URL): string {
  const given = typeof file.path === 'string' && file.path !== ''
  let rel: string
  if (given) {
    rel = file.path
  } else {
    try {
      rel = decodeURIComponent(url.pathname).replace(/^\/+/, '')
    } catch (cause) {
      throw new InvalidInputError(`URL path is not valid percent-encoding: ${redactUrl(url)}`, { cause })
    }
  }
  const where = given ? `path ${JSON.stringify(rel.slice(0, 200))}` : `URL path of ${redactUrl(url)}`
  if (!isSafeRelativePath(rel)) {
    throw new InvalidInputError(`unsafe local ${where}: must be a relative path without "..", "\\" or NUL`, {
      issues: [{ path: given ? 'path' : 'url', message: 'must be a safe relative path' }],
    })
  }
  if (rel.endsWith(PART_SUFFIX) || rel.endsWith(`${PART_SUFFIX}.json`)) {
    throw new InvalidInputError(`local ${where} ends with the reserved suffix ${PART_SUFFIX}`)
  }
  return rel
}

/** `rel` joined to the absolute folder `root`, checked to stay inside it; INVALID_INPUT otherwise. */
export function resolveInside(root: string, rel: string): string {
  const full = resolve(root, rel)
  const inside = root.endsWith(sep) ? root : root + sep
  if (!full.startsWith(inside)) {
    throw new InvalidInputError(`local path ${JSON.stringify(rel.slice(0, 200))} leaves the output folder`)
  }
  return full
}
