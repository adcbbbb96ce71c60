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
