import { BadResponseError, isSafeRelativePath, redactUrl } from '@heliokit/core'
import { PROVIDER_ID } from './provider-id.ts'

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

const STAMP = /(?:^|[^0-9])(\d{4})(\d{2})(\d{2})(?:_(\d{2})(\d{2}))?(?![0-9])/

/** The UTC time in a file name (`20220101_0600_...`, `20220101__...`, `..._20220101_v01.txt`). */
export function fileNameTime(url: string): Date | undefined {
  const name = new URL(url).pathname.split('/').at(-1) ?? ''
  const m = STAMP.exec(name)
  if (!m) return undefined
  const [, y, mo, d, h = '00', mi = '00'] = m
  const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)] as const
  const time = new Date(Date.UTC(...parts))
  const real =
    time.getUTCFullYear() === parts[0] &&
    time.getUTCMonth() === parts[1] &&
    time.getUTCDate() === parts[2] &&
    time.getUTCHours() === parts[3] &&
    time.getUTCMinutes() === parts[4]
  return real && parts[0] >= 1900 ? time : undefined
}

const SITE_DEVICE = /^([a-z0-9]{3,5})_([a-z][a-z0-9-]*\d[a-z0-9-]*)$/i

/** Site and device uids from a `gill_themis19`-style folder of the data tree. */
export function siteAndDevice(url: string): { site?: string; device?: string } {
  const folders = new URL(url).pathname.split('/').slice(0, -1)
  for (const folder of folders.reverse()) {
    const m = SITE_DEVICE.exec(folder)
    if (m) return { site: m[1]!.toLowerCase(), device: m[2]!.toLowerCase() }
  }
  return {}
}

/**
 * Whether a URL is at the wanted site and device; a URL whose folders do not name them (calibration
 * files, mosaics) is kept, as the server sent it.
 */
export function atSiteAndDevice(url: string, wanted: { site?: string; device?: string }): boolean {
  const found = siteAndDevice(url)
  return (
    (wanted.site === undefined || found.site === undefined || found.site === wanted.site) &&
    (wanted.device === undefined || found.device === undefined || found.device === wanted.device)
  )
}

/** URLs sorted by the time in their file names, then by URL; URLs with no time first. */
export function inTimeOrder(urls: readonly string[]): string[] {
  return urls
    .map((url) => ({ url, time: fileNameTime(url)?.getTime() ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => a.time - b.time || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
    .map((e) => e.url)
}
