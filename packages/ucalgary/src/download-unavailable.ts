import { UnavailableError } from '@heliokit/core'
import type { UcalgaryDownloadResult } from './download-listing.ts'
import { PROVIDER_ID } from './provider-id.ts'

// Browsers resolve `#download-listing` here (package.json "imports"): @heliokit/download needs Node.
const unavailable = (): never => {
  throw new UnavailableError(
    'download() writes files to disk and runs only in Node; in a browser, list the files with urls() or files() instead',
    { provider: PROVIDER_ID },
  )
}

/** In browsers: download() is UNAVAILABLE before anything is checked or sent. */
export function checkDownloadInput(_settings: unknown, _listing?: unknown): void {
  unavailable()
}

/** Never reached in browsers: `checkDownloadInput` has already failed. */
export async function downloadListing(): Promise<UcalgaryDownloadResult> {
  return unavailable()
}
