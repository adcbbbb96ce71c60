import { BadResponseError, isSafeRelativePath, redactUrl } from '@heliokit/core'
import { PROVIDER_ID } from '../provider-id.ts'

/**
 * Where a listed file goes below the output folder: `<DATASET>/<url minus path_prefix>`, mirroring the
 * archive's data tree as pyucalgarysrs does. A URL outside the prefix keeps its whole path.
 */
export function localPath(dataset: string, url: string, pathPrefix: string): string {
  const file = new URL(url)
  let rest = file.pathname
  if (URL.canParse(pathPrefix)) {
    const prefix = new URL(pathPrefix)
    const dir = prefix.pathname.replace(/\/*$/, '/')
    if (prefix.origin === file.origin && rest.startsWith(dir)) rest = rest.slice(dir.length)
  }
  const path = `${dataset}/${rest
    .split('/')
    .filter((s) => s !== '')
    .map(decodeSegment)
    .join('/')}`
  if (!isSafeRelativePath(path) || path === `${dataset}/`) {
    throw new BadResponseError(`listed URL does not map to a safe local path: ${redactUrl(url)}`, {
      provider: PROVIDER_ID,
      url: redactUrl(url),
      issues: [{ path: 'urls', message: 'unsafe file path' }],
    })
  }
  return path
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
