import type { DataFile } from '@heliokit/core'
import { PROVIDER_ID } from '../provider-id.ts'
import { fileNameTime } from './file-name-time.ts'
import { FILE_SPAN_MS } from './file-span.ts'
import { localPath } from './local-path.ts'
import { siteAndDevice } from './site-and-device.ts'
import type { UcalgaryFileListing } from './ucalgary-file-listing.ts'

/** The files of a listing as DataFiles: local path, time span from the file name and resolution, site and device. */
export function listingFiles(
  listing: Pick<UcalgaryFileListing, 'dataset' | 'urls' | 'pathPrefix' | 'site' | 'device'>,
): DataFile[] {
  const { name, fileTimeResolution } = listing.dataset
  const span = FILE_SPAN_MS[fileTimeResolution]
  return listing.urls.map((url) => {
    const start = fileNameTime(url)
    const found = siteAndDevice(url)
    const site = listing.site ?? found.site
    const device = listing.device ?? found.device
    return {
      provider: PROVIDER_ID,
      dataset: name,
      url,
      start,
      stop: start && span !== undefined ? new Date(start.getTime() + span) : undefined,
      path: localPath(name, url, listing.pathPrefix),
      metadata: {
        ...(site === undefined ? {} : { site }),
        ...(device === undefined ? {} : { device }),
      },
    }
  })
}
