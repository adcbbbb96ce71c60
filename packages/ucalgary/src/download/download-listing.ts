import { type DataFile, InvalidInputError, type ProviderContext, toHeliokitError } from '@heliokit/core'
import type { DownloadResult } from '@heliokit/download'
import { listingFiles } from '../listing/listing-files.ts'
import type { UcalgaryFileListing } from '../listing/ucalgary-file-listing.ts'
import { PROVIDER_ID } from '../provider-id.ts'
import type { UcalgaryDownloadResult, UcalgaryDownloadSettings } from './download-types.ts'

/** Checks what can be checked before listing, so bad options fail before any request. */
export function checkDownloadInput(settings: UcalgaryDownloadSettings, listing?: unknown): void {
  const issues: { path: string; message: string }[] = []
  if (settings.outDir !== undefined && (typeof settings.outDir !== 'string' || settings.outDir === '')) {
    issues.push({ path: 'outDir', message: 'must be a non-empty path' })
  }
  const c = settings.concurrency
  if (c !== undefined && !(Number.isInteger(c) && c >= 1 && c <= 1024)) {
    issues.push({ path: 'concurrency', message: 'must be an integer from 1 to 1024' })
  }
  if (listing !== undefined) {
    const l = listing as Partial<UcalgaryFileListing> | null
    if (typeof l?.dataset?.name !== 'string' || !Array.isArray(l.urls) || typeof l.pathPrefix !== 'string') {
      issues.push({ path: 'listing', message: 'must be a listing returned by urls()' })
    }
  }
  if (issues.length > 0) {
    throw new InvalidInputError(
      `invalid download input: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
      {
        provider: PROVIDER_ID,
        issues,
      },
    )
  }
}

/** Downloads the files of a listing through @heliokit/download, loaded only now so listing works in browsers. */
export async function downloadListing(
  ctx: ProviderContext,
  listing: UcalgaryFileListing,
  settings: UcalgaryDownloadSettings,
): Promise<UcalgaryDownloadResult> {
  const [{ download }, { homedir }, { join, resolve }] = await Promise.all([
    import('@heliokit/download'),
    import('node:os'),
    import('node:path'),
  ])
  const name = listing.dataset.name
  const outDir = resolve(settings.outDir ?? join(homedir(), 'heliokit_data'))
  const datasetDir = join(outDir, name)
  const files = listingFiles(listing)
  const unit = listing.totalBytes === undefined ? 'files' : 'bytes'
  const report = settings.onProgress
  if (files.length === 0) {
    const warning = `no ${name} files between ${listing.start.toISOString()} and ${listing.end.toISOString()}`
    ctx.logger.warn(warning, { dataset: name })
    report?.({
      transferredBytes: 0,
      totalBytes: 0,
      completedItems: 0,
      totalItems: 0,
      receivedBytes: 0,
      skippedItems: 0,
      unit,
    })
    return summary(name, datasetDir, files, undefined, listing.totalBytes, [warning])
  }
  let result: DownloadResult
  try {
    result = await download(files, {
      outDir,
      context: ctx,
      concurrency: settings.concurrency,
      overwrite: settings.overwrite,
      retry: settings.retry,
      signal: settings.signal,
      logger: ctx.logger,
      onProgress: report && ((p) => report({ ...p, totalBytes: listing.totalBytes ?? p.totalBytes, unit })),
    })
  } catch (error) {
    throw toHeliokitError(error, PROVIDER_ID)
  }
  return summary(name, datasetDir, files, result, listing.totalBytes, [])
}

function summary(
  dataset: string,
  datasetDir: string,
  files: readonly DataFile[],
  result: DownloadResult | undefined,
  totalBytes: number | undefined,
  warnings: readonly string[],
): UcalgaryDownloadResult {
  const present = new Map(
    [...(result?.downloaded ?? []), ...(result?.skipped ?? [])].map((o) => [o.file.url, o]),
  )
  return {
    dataset,
    datasetDir,
    files: files.flatMap((f) => present.get(f.url)?.localPath ?? []),
    count: files.length,
    downloaded: result?.downloaded.length ?? 0,
    skipped: result?.skipped.length ?? 0,
    failed: (result?.failed ?? []).map((f) => ({
      url: f.file.url,
      path: f.file.path,
      error: f.error,
    })),
    bytes: result?.bytes ?? 0,
    totalBytes,
    warnings,
  }
}
