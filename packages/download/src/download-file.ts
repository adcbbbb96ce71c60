import { createHash, type Hash } from 'node:crypto'
import { createReadStream, type Stats } from 'node:fs'
import { lstat, rm } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import {
  abortError,
  BadResponseError,
  type DataFile,
  type HeliokitError,
  IntegrityError,
  InternalError,
  isHeliokitError,
  type Logger,
  NetworkError,
  type OpenedResource,
  type Transport,
  toHeliokitError,
} from '@heliokit/core'
import { type ResolvedRetry, retryDelay, sleep } from '@heliokit/core/transport-kit'
import type { ChildSignals } from './child-signals.ts'
import { checkContentType, isHtmlPath, looksLikeHtml } from './content-check.ts'
import { CopyError, copyBodyToFile } from './copy-body.ts'
import type { DirectoryCache } from './directory-cache.ts'
import type { FileProgress } from './options.ts'
import {
  PART_SUFFIX,
  type PartInfo,
  readSidecar,
  removePart,
  SIDECAR_MIN_BYTES,
  sameVersion,
  sidecarPath,
  writeSidecar,
} from './part-file.ts'
import type { ProgressTracker } from './progress-tracker.ts'
import { shouldRetry } from './should-retry.ts'

/** One file, checked and placed: everything needed before the first request. */
export interface PlannedFile {
  readonly file: DataFile
  readonly url: URL
  /** Redacted URL, for errors, logs and the sidecar. */
  readonly safeUrl: string
  /** Relative path under outDir. */
  readonly rel: string
  /** Absolute final path. */
  readonly target: string
  readonly transport: Transport
}

/**
 * What every file of a run shares. A class, not an object literal: V8 widens the field types of a
 * literal built once per run when it is built a second time, which discards the optimized code of
 * every per-file function that reads it, at the start of each second run (measured with --trace-deopt).
 */
export class RunState {
  /** Where each file's own signal (fired with the run's) comes from, and whether the run stopped. */
  readonly fileSignals: ChildSignals
  readonly overwrite: boolean
  readonly retry: ResolvedRetry
  readonly expectedContentTypes: readonly string[] | undefined
  readonly logger: Logger
  readonly dirs: DirectoryCache
  readonly progress: ProgressTracker

  constructor(fields: RunState) {
    this.fileSignals = fields.fileSignals
    this.overwrite = fields.overwrite
    this.retry = fields.retry
    this.expectedContentTypes = fields.expectedContentTypes
    this.logger = fields.logger
    this.dirs = fields.dirs
    this.progress = fields.progress
  }
}

export interface FileResult {
  readonly skipped: boolean
  readonly size: number
  /** Bytes of the final file received in this run. */
  readonly bytes: number
  readonly attempts: number
}

/** Per-file state carried across attempts. */
interface FileState {
  attempts: number
  /** Bytes of this file currently counted in the run's progress. */
  reported: number
  /** What the temp file on disk was fetched from, learnt in this run. */
  known: PartInfo | undefined
  /** Whether a sidecar may exist on disk. */
  sidecar: boolean
  /** Prefix of the temp file that an earlier run wrote. */
  fromEarlierRun: number
  /** Whether the final path and the temp path were in their folder when the run began. */
  readonly targetAtStart: boolean
  readonly partAtStart: boolean
}

/** Downloads one file with retries; throws its HeliokitError when it finally fails. */
export async function downloadFile(job: PlannedFile, run: RunState): Promise<FileResult> {
  // A signal per file: transports add listeners that fetch only drops on completion, so
  // tying them to the run's signal would pile up one per file.
  const fileSignal = run.fileSignals.child()
  try {
    return await withRetries(job, run, fileSignal.signal)
  } finally {
    fileSignal.dispose()
  }
}

async function withRetries(job: PlannedFile, run: RunState, signal: AbortSignal): Promise<FileResult> {
  const st = await startState(job, run)
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce(job, run, st, signal)
    } catch (thrown) {
      if (signal.aborted) throw abortError(signal)
      const error = localError(thrown, job.rel)
      if (!shouldRetry(error) || attempt > run.retry.limit) {
        setPosition(run, job, st, 0, 'failed')
        throw error
      }
      const delay = retryDelay(run.retry, attempt, error.retryAfterMs)
      run.logger.debug('download retry', {
        path: job.rel,
        attempt,
        code: error.code,
        delayMs: Math.round(delay),
      })
      await sleep(delay, signal).catch(() => {
        throw abortError(signal)
      })
    }
  }
}

// Files are retried here, whole (run.retry): transports are asked not to retry on top, so the two
// limits do not multiply.
const TRANSPORT_RETRIES = 0

async function attemptOnce(
  job: PlannedFile,
  run: RunState,
  st: FileState,
  signal: AbortSignal,
): Promise<FileResult> {
  const { file, url, target, transport, rel } = job
  // Paths absent when the run began need no lstat, unless an earlier attempt of this file wrote one.
  const attemptedBefore = st.known !== undefined
  if (!run.overwrite) {
    const existing = await lstatIf(attemptedBefore || st.targetAtStart, target)
    if (existing?.isFile()) {
      let size = file.size
      if (size === undefined) {
        st.attempts++
        size = (await viaTransport(() => transport.stat(url, { signal, retries: TRANSPORT_RETRIES }))).size
      }
      // A final path is only ever written whole, so an existing file of unknown remote size is complete.
      if (size === undefined || existing.size === size) {
        setPosition(run, job, st, existing.size, 'skipped')
        return { skipped: true, size: existing.size, bytes: 0, attempts: st.attempts }
      }
    }
  }
  const part = target + PART_SUFFIX
  let start = 0
  let saved: PartInfo | undefined
  const onDisk = await lstatIf(attemptedBefore || st.partAtStart, part)
  if (onDisk && !onDisk.isFile()) {
    // Never write through a symlink (or into a folder) planted at the temp path.
    await rm(part, { recursive: true, force: true })
  } else if (onDisk) {
    const fromDisk = st.known === undefined
    // An earlier run may have left a sidecar next to it: remove it with the temp file.
    if (fromDisk) st.sidecar = true
    saved = onDisk.size === 0 ? undefined : (st.known ?? (await readSidecar(part)))
    const size = file.size ?? saved?.size
    if (
      saved &&
      saved.url === job.safeUrl &&
      sameVersion(saved, { size: file.size }) &&
      (size === undefined || onDisk.size < size)
    ) {
      start = onDisk.size
      if (fromDisk) st.fromEarlierRun = start
    }
  }
  if (start === 0) st.fromEarlierRun = 0

  st.attempts++
  let opened = await viaTransport(() =>
    transport.open(url, { signal, retries: TRANSPORT_RETRIES, range: start > 0 ? { start } : undefined }),
  )
  if (start > 0 && (opened.range?.start !== start || !sameVersion(saved!, opened))) {
    if (opened.range !== undefined) {
      // The range is of another version (or not the one asked for): fetch the whole file again.
      await cancel(opened)
      st.attempts++
      opened = await viaTransport(() => transport.open(url, { signal, retries: TRANSPORT_RETRIES }))
    }
    start = 0
    st.fromEarlierRun = 0
  }

  const htmlOk = isHtmlPath(rel)
  const size = file.size ?? opened.size
  try {
    checkContentType(opened.contentType, htmlOk, run.expectedContentTypes, rel)
    if (file.size !== undefined && opened.size !== undefined && opened.size !== file.size) {
      throw new IntegrityError(`${rel}: server reports ${opened.size} bytes, expected ${file.size}`, {
        url: job.safeUrl,
        retryable: true,
      })
    }
  } catch (error) {
    await cancel(opened)
    throw error
  }
  st.known = { url: job.safeUrl, etag: opened.etag, size }
  if (size === undefined || size >= SIDECAR_MIN_BYTES) {
    await writeSidecar(part, st.known)
    st.sidecar = true
  }

  const hash = file.checksum ? createHash(file.checksum.algorithm) : undefined
  if (hash && start > 0) await hashPrefix(part, start, hash)
  setPosition(run, job, st, start, 'downloading')

  let received = 0
  const inspect = (chunk: Uint8Array): void => {
    if (received === 0 && start === 0 && !htmlOk && looksLikeHtml(chunk)) {
      throw new BadResponseError(`${rel}: server answered with an HTML page instead of the file`, {
        url: job.safeUrl,
      })
    }
    received += chunk.length
    if (size !== undefined && start + received > size) {
      throw new IntegrityError(`${rel}: server sent more than the expected ${size} bytes`, {
        url: job.safeUrl,
        retryable: true,
      })
    }
    hash?.update(chunk)
    st.reported += chunk.length
    run.progress.received(chunk.length)
    run.progress.bytes(chunk.length, rel, start + received, size)
  }
  // Checked once the body is complete; the temp file is renamed into place only if this passes.
  const verify = (): void => {
    const total = start + received
    if (size !== undefined && total !== size) {
      throw new IntegrityError(`${rel}: received ${total} bytes, expected ${size}`, {
        url: job.safeUrl,
        retryable: true,
      })
    }
    if (hash && file.checksum && hash.digest('hex') !== file.checksum.value.toLowerCase()) {
      throw new IntegrityError(`${rel}: ${file.checksum.algorithm} checksum does not match`, {
        url: job.safeUrl,
        retryable: true,
      })
    }
  }
  try {
    await copyBodyToFile(opened, part, start > 0, signal, { inspect, verify, target })
  } catch (thrown) {
    const stage = thrown instanceof CopyError ? thrown.stage : 'read'
    const cause = thrown instanceof CopyError ? thrown.cause : thrown
    if (signal.aborted) {
      await keepResumable(part, st)
      throw abortError(signal)
    }
    if (stage === 'check') {
      await discard(part, st)
      throw cause
    }
    if (stage === 'write') throw localError(cause, rel)
    await keepResumable(part, st)
    if (isHeliokitError(cause)) throw cause
    throw new NetworkError(`${rel}: connection broke after ${start + received} bytes`, {
      url: job.safeUrl,
      retryable: true,
      cause,
    })
  }
  const total = start + received
  if (st.sidecar) await rm(sidecarPath(part), { force: true })
  setPosition(run, job, st, total, 'downloaded')
  return { skipped: false, size: total, bytes: total - st.fromEarlierRun, attempts: st.attempts }
}

/** Moves this file's share of the run's progress to `position` bytes; final states also count the item. */
function setPosition(
  run: RunState,
  job: PlannedFile,
  st: FileState,
  position: number,
  state: FileProgress['state'],
): void {
  const totalBytes = job.file.size ?? st.known?.size
  const delta = position - st.reported
  st.reported = position
  if (state === 'downloading') {
    run.progress.bytes(delta, job.rel, position, totalBytes)
  } else {
    run.progress.move(delta)
    run.progress.done({ path: job.rel, transferredBytes: position, totalBytes, state })
  }
}

/**
 * A file's state before its first attempt, with what of it was on disk when the run began (its folder
 * is created and listed once per run). A sidecar without its temp file is left from a run that stopped
 * between the rename into place and the sidecar's removal: it describes nothing any more, and goes.
 */
async function startState(job: PlannedFile, run: RunState): Promise<FileState> {
  const name = basename(job.target)
  try {
    const names = await run.dirs.namesAtStart(dirname(job.target))
    const partAtStart = names.has(name + PART_SUFFIX)
    if (!partAtStart && names.has(basename(sidecarPath(name + PART_SUFFIX)))) {
      await rm(sidecarPath(job.target + PART_SUFFIX), { force: true })
    }
    return {
      attempts: 0,
      reported: 0,
      known: undefined,
      sidecar: false,
      fromEarlierRun: 0,
      targetAtStart: names.has(name),
      partAtStart,
    }
  } catch (error) {
    throw localError(error, job.rel)
  }
}

/** Keeps a partial temp file for a later resume, with the sidecar that makes it resumable. */
async function keepResumable(part: string, st: FileState): Promise<void> {
  if (st.sidecar || st.known === undefined) return
  await writeSidecar(part, st.known).catch(() => undefined)
  st.sidecar = true
}

async function discard(part: string, st: FileState): Promise<void> {
  await removePart(part)
  st.known = undefined
  st.sidecar = false
}

async function hashPrefix(part: string, length: number, hash: Hash): Promise<void> {
  for await (const chunk of createReadStream(part, { start: 0, end: length - 1 }))
    hash.update(chunk as Buffer)
}

async function cancel(opened: OpenedResource): Promise<void> {
  await opened.body.cancel().catch(() => undefined)
}

/** The path's lstat, or undefined when it is absent (or, without `mayExist`, known to be absent). */
async function lstatIf(mayExist: boolean, path: string): Promise<Stats | undefined> {
  if (!mayExist) return undefined
  try {
    return await lstat(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** Transport failures are HeliokitErrors by contract; anything else from a transport is its bug. */
async function viaTransport<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw toHeliokitError(error)
  }
}

/** Local file-system failures as a HeliokitError naming the path and the system's code. */
function localError(error: unknown, rel: string): HeliokitError {
  if (isHeliokitError(error)) return error
  const code = (error as NodeJS.ErrnoException | null)?.code
  return new InternalError(`${rel}: cannot write the local file (${code ?? 'file system error'})`, {
    cause: error,
  })
}
