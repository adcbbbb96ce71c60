import {
  type DataFile,
  type HeliokitError,
  InvalidInputError,
  type Progress,
  type ProviderContext,
  type RetryPolicy,
} from '@heliokit/core'
import type { DownloadResult } from '@heliokit/download'
import { toDataFiles } from './data-files.ts'
import type { UcalgaryFileListing } from './file-listing.ts'
import { ownError } from './own-error.ts'
import { PROVIDER_ID } from './provider-id.ts'

/**
 * A download progress report: `unit` says whether a bar should use bytes (total known) or files.
 * `transferredBytes` moves toward `totalBytes` also for files already on disk; `receivedBytes` counts
 * only what came over the network in this run, `skippedItems` the files already there.
 */
export interface UcalgaryDownloadProgress extends Progress {
  readonly unit: 'bytes' | 'files'
  readonly receivedBytes: number
  readonly skippedItems: number
}

export interface UcalgaryDownloadSettings {
  /** Root folder; files land at `<outDir>/<DATASET>/<path in the data tree>`. Default `~/heliokit_data`. */
  readonly outDir?: string
  /** Files downloaded at once. Default 8. */
  readonly concurrency?: number
  /** Download files again even when they exist with the right size. Default false. */
  readonly overwrite?: boolean
  /** Retries per file. Default: @heliokit/download's (3). */
  readonly retry?: RetryPolicy
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: UcalgaryDownloadProgress) => void
}

export interface UcalgaryFailedFile {
  readonly url: string
  /** Path below `outDir`. */
  readonly path: string
  readonly error: HeliokitError
}

export interface UcalgaryDownloadResult {
  readonly dataset: string
  /** `<outDir>/<DATASET>`: the mirror of the dataset's data tree. */
  readonly datasetDir: string
  /** Absolute paths of every listed file now on disk (downloaded or already there), in listing order. */
  readonly files: readonly string[]
  /** Files listed. */
  readonly count: number
  readonly downloaded: number
  readonly skipped: number
  readonly failed: readonly UcalgaryFailedFile[]
  /** Bytes received in this run. */
  readonly bytes: number
  /** Bytes of all listed files, when the listing reported them. */
  readonly totalBytes?: number
  /** Things worth telling the user that are not failures, e.g. an empty listing. */
  readonly warnings: readonly string[]
}

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
  const files = toDataFiles({
    dataset: name,
    fileTimeResolution: listing.dataset.fileTimeResolution,
    urls: listing.urls,
    pathPrefix: listing.pathPrefix,
    site: listing.site,
    device: listing.device,
  })
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
    throw ownError(error)
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
      error: ownError(f.error),
    })),
    bytes: result?.bytes ?? 0,
    totalBytes,
    warnings,
  }
}
