import { readFile, rm, writeFile } from 'node:fs/promises'

/** Suffix of the temp file a download is written to before it is renamed into place. */
export const PART_SUFFIX = '.heliokit-part'

/** Files smaller than this only get a sidecar when a download stops part-way (a restart is cheap). */
export const SIDECAR_MIN_BYTES: number = 1 << 20

/** What a partial download was fetched from, so a resume never stitches two versions together. */
export interface PartInfo {
  /** Redacted URL: stable across re-signed URLs, holds no secret. */
  readonly url: string
  readonly etag?: string
  readonly size?: number
}

export const sidecarPath = (part: string): string => `${part}.json`

export async function readSidecar(part: string): Promise<PartInfo | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(sidecarPath(part), 'utf8'))
    if (typeof parsed !== 'object' || parsed === null) return undefined
    const { url, etag, size } = parsed as Record<string, unknown>
    if (typeof url !== 'string') return undefined
    return {
      url,
      etag: typeof etag === 'string' ? etag : undefined,
      size: typeof size === 'number' && Number.isSafeInteger(size) && size >= 0 ? size : undefined,
    }
  } catch {
    return undefined
  }
}

export async function writeSidecar(part: string, info: PartInfo): Promise<void> {
  await writeFile(sidecarPath(part), JSON.stringify(info))
}

/** Removes a temp file and its sidecar, ignoring ones that are already gone. */
export async function removePart(part: string): Promise<void> {
  await Promise.all([rm(part, { force: true }), rm(sidecarPath(part), { force: true })])
}

/** Whether a partial file fetched as `saved` can be continued with a response described by `now`. */
export function sameVersion(saved: PartInfo, now: { etag?: string; size?: number }): boolean {
  if (saved.etag !== undefined && now.etag !== undefined && saved.etag !== now.etag) return false
  if (saved.size !== undefined && now.size !== undefined && saved.size !== now.size) return false
  return true
}
