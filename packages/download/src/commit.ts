import type { Hash } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { IntegrityError } from '@heliokit/core'
import type { FileSink } from './file-sink.ts'
import type { FileState } from './file-state.ts'
import { PART_SUFFIX, sidecarPath } from './part-file.ts'
import type { SourceJob } from './plan.ts'

/** What a complete body must match before it is renamed into place. */
export interface Expected {
  readonly size: number | undefined
  readonly hash: Hash | undefined
}

/** Refuses a complete body of the wrong size or checksum (retryable: the next answer may be right). */
export function verify(job: SourceJob, total: number, expected: Expected): void {
  const { size, hash } = expected
  if (size !== undefined && total !== size) {
    throw new IntegrityError(`${job.rel}: received ${total} bytes, expected ${size}`, {
      url: job.safeUrl,
      retryable: true,
    })
  }
  const checksum = job.file.checksum
  if (hash && checksum && hash.digest('hex') !== checksum.value.toLowerCase()) {
    throw new IntegrityError(`${job.rel}: ${checksum.algorithm} checksum does not match`, {
      url: job.safeUrl,
      retryable: true,
    })
  }
}

/** Renames the verified temp file into place, then drops its sidecar. */
export async function commit(job: SourceJob, st: FileState, sink: FileSink): Promise<void> {
  sink.commit(job.target)
  if (st.sidecar) await rm(sidecarPath(job.target + PART_SUFFIX), { force: true })
  st.sidecar = false
}
