import type { Stats } from 'node:fs'
import { lstat, rm } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { FileState } from './file-state.ts'
import { localError } from './local-error.ts'
import {
  PART_SUFFIX,
  type PartInfo,
  readSidecar,
  removePart,
  sameVersion,
  sidecarPath,
  writeSidecar,
} from './part-file.ts'
import type { PlannedFile, SourceJob } from './plan.ts'
import type { RunState } from './run-state.ts'

/**
 * A file's state before its first attempt, with what of it was on disk when the run began (its folder
 * is created and listed once per run). A sidecar without its temp file is left from a run that stopped
 * between the rename into place and the sidecar's removal: it describes nothing any more, and goes.
 */
export async function startState(job: PlannedFile, run: RunState): Promise<FileState> {
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

/** The final file, when one is there (a final path is only ever written whole). */
export function finalFile(job: PlannedFile, st: FileState): Promise<Stats | undefined> {
  // Paths absent when the run began need no lstat, unless an earlier attempt of this file wrote one.
  return lstatIf(st.known !== undefined || st.targetAtStart, job.target)
}

/** Where the temp file lets this attempt continue from (0: from the start), and what it was fetched from. */
export async function resumePoint(
  job: SourceJob,
  st: FileState,
): Promise<{ readonly start: number; readonly saved: PartInfo | undefined }> {
  const part = job.target + PART_SUFFIX
  const fromDisk = st.known === undefined
  const onDisk = await lstatIf(!fromDisk || st.partAtStart, part)
  if (onDisk && !onDisk.isFile()) {
    // Never write through a symlink (or into a folder) planted at the temp path.
    await rm(part, { recursive: true, force: true })
    return { start: 0, saved: undefined }
  }
  if (!onDisk) return { start: 0, saved: undefined }
  // An earlier run may have left a sidecar next to it: remove it with the temp file.
  if (fromDisk) st.sidecar = true
  const saved = onDisk.size === 0 ? undefined : (st.known ?? (await readSidecar(part)))
  const size = job.file.size ?? saved?.size
  const resumable =
    saved !== undefined &&
    saved.url === job.safeUrl &&
    sameVersion(saved, { size: job.file.size }) &&
    (size === undefined || onDisk.size < size)
  if (!resumable) return { start: 0, saved }
  if (fromDisk) st.fromEarlierRun = onDisk.size
  return { start: onDisk.size, saved }
}

/** Keeps a partial temp file for a later resume, with the sidecar that makes it resumable. */
export async function keepResumable(part: string, st: FileState): Promise<void> {
  if (st.sidecar || st.known === undefined) return
  await writeSidecar(part, st.known).catch(() => undefined)
  st.sidecar = true
}

/** Removes a refused temp file, so the next attempt starts over. */
export async function discard(part: string, st: FileState): Promise<void> {
  await removePart(part)
  st.known = undefined
  st.sidecar = false
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
