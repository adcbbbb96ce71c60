import { createHash, type Hash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import {
  abortError,
  BadResponseError,
  IntegrityError,
  isHeliokitError,
  NetworkError,
  type OpenedResource,
  toHeliokitError,
} from '@heliokit/core'
import { commit, verify } from './commit.ts'
import { checkContentType, isHtmlPath, looksLikeHtml } from './content-check.ts'
import { FileSink } from './file-sink.ts'
import { type FileState, setPosition } from './file-state.ts'
import { localError } from './local-error.ts'
import { discard, finalFile, keepResumable, resumePoint } from './on-disk.ts'
import { PART_SUFFIX, SIDECAR_MIN_BYTES, sameVersion, writeSidecar } from './part-file.ts'
import type { SourceJob } from './plan.ts'
import { readBody } from './read-body.ts'
import type { RunState } from './run-state.ts'

export interface FileResult {
  readonly skipped: boolean
  /** Redacted mirror URL the file came from, when its own URL failed. */
  readonly mirror?: string
  readonly size: number
  /** Bytes of the final file received in this run. */
  readonly bytes: number
  readonly attempts: number
}

// Files are retried whole by the run: transports are asked not to retry on top, so the limits do not multiply.
const TRANSPORT_RETRIES = 0

/** One attempt at a file: skip it if complete, else open (resuming), inspect and copy the body, commit. */
export async function attemptOnce(
  job: SourceJob,
  run: RunState,
  st: FileState,
  signal: AbortSignal,
): Promise<FileResult> {
  const { file, url, target, transport, rel } = job
  if (!run.overwrite) {
    const existing = await finalFile(job, st)
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
  let { start, saved } = await resumePoint(job, st)

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
  }
  if (start === 0) st.fromEarlierRun = 0

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
    st.known = { url: job.safeUrl, etag: opened.etag, size }
    if (size === undefined || size >= SIDECAR_MIN_BYTES) {
      await writeSidecar(part, st.known)
      st.sidecar = true
    }
  } catch (error) {
    await cancel(opened)
    throw error
  }

  const hash = file.checksum ? createHash(file.checksum.algorithm) : undefined
  if (hash && start > 0) await hashPrefix(part, start, hash)
  setPosition(run, job, st, start, 'downloading')

  let sink: FileSink
  try {
    sink = new FileSink(part, start > 0)
  } catch (error) {
    await cancel(opened)
    throw localError(error, rel)
  }
  let received = 0
  let stage: 'read' | 'check' | 'write' = 'read'
  try {
    await readBody(opened, signal, (chunk) => {
      stage = 'check'
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
      stage = 'write'
      sink.write(chunk)
      stage = 'read'
      st.reported += chunk.length
      run.progress.received(chunk.length)
      run.progress.bytes(chunk.length, rel, start + received, size)
    })
    stage = 'check'
    verify(job, start + received, { size, hash })
    stage = 'write'
    await commit(job, st, sink)
  } catch (thrown) {
    try {
      sink.close()
    } catch {
      // The failure being reported is the first one.
    }
    if (signal.aborted) {
      await keepResumable(part, st)
      throw abortError(signal)
    }
    if (stage === 'check') {
      await discard(part, st)
      throw thrown
    }
    if (stage === 'write') throw localError(thrown, rel)
    await keepResumable(part, st)
    if (isHeliokitError(thrown)) throw thrown
    throw new NetworkError(`${rel}: connection broke after ${start + received} bytes`, {
      url: job.safeUrl,
      retryable: true,
      cause: thrown,
    })
  }
  const total = start + received
  setPosition(run, job, st, total, 'downloaded')
  return { skipped: false, size: total, bytes: total - st.fromEarlierRun, attempts: st.attempts }
}

async function hashPrefix(part: string, length: number, hash: Hash): Promise<void> {
  for await (const chunk of createReadStream(part, { start: 0, end: length - 1 }))
    hash.update(chunk as Buffer)
}

async function cancel(opened: OpenedResource): Promise<void> {
  await opened.body.cancel().catch(() => undefined)
}

/** Transport failures are HeliokitErrors by contract; anything else from a transport is its bug. */
async function viaTransport<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw toHeliokitError(error)
  }
}
