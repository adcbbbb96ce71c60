import { resolve } from 'node:path'
import type { Writable } from 'node:stream'
import type { DataFile } from '@heliokit/core'
import type { CommandProgress, DownloadSpec, Row } from '@heliokit/core/commands'
import { writeText } from './output/write-text.ts'
import type { Session } from './session.ts'

// Failed files get an error line each, up to this many.
const FAILED_LINES = 20

export interface DownloadRun {
  readonly signal: AbortSignal
  readonly onProgress: (progress: CommandProgress) => void
  /** Prints a failure's error line and makes the command exit with 1. */
  readonly report: (error: unknown) => Promise<void>
  readonly stderr: Writable
}

/** Downloads with @heliokit/download through the session's transports; failed files are reported, not thrown. */
export async function downloadFiles(
  session: Session,
  files: Iterable<DataFile> | AsyncIterable<DataFile>,
  spec: DownloadSpec,
  run: DownloadRun,
): Promise<Row> {
  const { download } = await import('@heliokit/download')
  const outDir = resolve(session.cwd, spec.outDir)
  const configured = session.configs.find((c) => c.config.concurrency)?.config.concurrency
  const result = await download(files, {
    outDir,
    context: session.heliokit.context,
    concurrency: spec.concurrency ?? configured ?? 8,
    overwrite: spec.overwrite === true,
    signal: run.signal,
    onProgress: (p) => run.onProgress({ ...p, unit: p.totalBytes === undefined ? 'files' : 'bytes' }),
  })
  for (const failed of result.failed.slice(0, FAILED_LINES)) await run.report(failed.error)
  const more = result.failed.length - FAILED_LINES
  if (more > 0) await writeText(run.stderr, `heliokit: ${more} more files failed\n`)
  return {
    outDir,
    files: result.files.total,
    downloaded: result.files.downloaded,
    skipped: result.files.skipped,
    failed: result.files.failed,
    bytes: result.bytes,
    seconds: Number((result.durationMs / 1000).toFixed(3)),
  }
}
