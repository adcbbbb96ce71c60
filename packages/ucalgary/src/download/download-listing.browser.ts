import { UnavailableError } from '@heliokit/core'
import { PROVIDER_ID } from '../provider-id.ts'
import type { UcalgaryDownloadResult } from './download-types.ts'

// Browsers resolve `#download-listing` to this file (package.json "imports"): @heliokit/download needs Node.
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
