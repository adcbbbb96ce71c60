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

/** URLs sorted by the time in their file names, then by URL; URLs with no time first. */
export function inTimeOrder(urls: readonly string[]): string[] {
  return urls
    .map((url) => ({ url, time: fileNameTime(url)?.getTime() ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => a.time - b.time || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
    .map((e) => e.url)
}
