import type { DataFile } from '@heliokit/core'
import { PROVIDER_ID } from './provider-id.ts'
import type { AuroraxDataProduct } from './records.ts'

/** A data product as a DataFile, or undefined when its URL is not http(s). Path: `<host>/<url path>`. */
export function toDataFile(dataset: string, p: AuroraxDataProduct): DataFile | undefined {
  let url: URL
  try {
    url = new URL(p.url)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  const segments = url.pathname
    .split('/')
    .map((s) => {
      try {
        return decodeURIComponent(s)
      } catch {
        return s
      }
    })
    .filter((s) => s !== '' && s !== '.' && s !== '..' && !/[\\\0]/.test(s))
  if (segments.length === 0) return undefined
  return {
    provider: PROVIDER_ID,
    dataset,
    url: url.href,
    start: p.start,
    stop: p.end,
    path: [url.hostname, ...segments].join('/'),
    metadata: { dataProductType: p.dataProductType, ...p.metadata },
  }
}
