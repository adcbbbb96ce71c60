import type { DataFile } from '@heliokit/core'
import { fileNameTime, localPath, siteAndDevice } from './file-path.ts'
import { FILE_SPAN_MS } from './listing-windows.ts'
import { PROVIDER_ID } from './provider-id.ts'
import type { UcalgaryFileTimeResolution } from './schemas.ts'

export interface ListedFiles {
  readonly dataset: string
  readonly fileTimeResolution: UcalgaryFileTimeResolution
  readonly urls: readonly string[]
  readonly pathPrefix: string
  readonly site?: string
  readonly device?: string
}

/** The listed URLs as DataFiles: local path, time span from the file name and resolution, site and device. */
export function toDataFiles(listing: ListedFiles): DataFile[] {
  const span = FILE_SPAN_MS[listing.fileTimeResolution]
  return listing.urls.map((url) => {
    const start = fileNameTime(url)
    const found = siteAndDevice(url)
    const site = listing.site ?? found.site
    const device = listing.device ?? found.device
    return {
      provider: PROVIDER_ID,
      dataset: listing.dataset,
      url,
      start,
      stop: start && span !== undefined ? new Date(start.getTime() + span) : undefined,
      path: localPath(listing.dataset, url, listing.pathPrefix),
      metadata: {
        ...(site === undefined ? {} : { site }),
        ...(device === undefined ? {} : { device }),
      },
    }
  })
}
