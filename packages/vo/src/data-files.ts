import type { DataFile } from '@heliokit/core'
import { type CloudLocation, parseCloudAccess } from './cloud-access.ts'
import type { DatalinkLink } from './datalink-results.ts'
import { fromMjd } from './mjd.ts'
import { PROVIDER_ID } from './provider-id.ts'
import type { VotableRow, VotableTable, VotableValue } from './votable/model.ts'

/** A safe relative path mirroring the URL: `bucket/key` for s3:, `host/path` for http(s). */
export function localPath(url: string): string {
  const parsed = new URL(url)
  const parts = [parsed.hostname, ...parsed.pathname.split('/')]
    .map((p) => {
      try {
        return decodeURIComponent(p)
      } catch {
        return p
      }
    })
    .map((p) => p.replace(/[\\/\0:]/g, '_'))
    .filter((p) => p !== '')
    .map((p) => (p === '.' || p === '..' ? '_' : p))
  if (parsed.search)
    parts.push(
      `${parts.pop() ?? 'file'}_${parsed.search
        .slice(1)
        .replace(/[^\w.=-]+/g, '_')
        .slice(0, 100)}`,
    )
  return parts.join('/') || 'file'
}

function plain(value: VotableValue): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value)
  if (ArrayBuffer.isView(value))
    return Array.from(value as unknown as ArrayLike<number | bigint>, (v) => plain(v as VotableValue))
  return value
}

/** The row as JSON-friendly metadata (longs as numbers when exact, else strings). */
function metadata(row: VotableRow): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)]))
}

function mjd(value: VotableValue | undefined): Date | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? fromMjd(value) : undefined
}

function span(row: VotableRow): { start?: Date; stop?: Date } {
  const start = mjd(row.t_min) ?? mjd(row.time)
  const stop = mjd(row.t_max) ?? start
  return { ...(start ? { start } : {}), ...(stop ? { stop } : {}) }
}

function size(value: VotableValue | undefined): { size?: number } {
  const n = typeof value === 'bigint' ? Number(value) : value
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? { size: n } : {}
}

export interface RowFileOptions {
  readonly dataset: string
  /** Use the row's `cloud_access` location (`s3://`) when it has one, the https URL becoming its mirror. */
  readonly preferCloud?: boolean
}

const CLOUD_SCHEMES = ['s3:']

function cloudUrl(locations: readonly CloudLocation[]): string | undefined {
  return locations.find((l) => CLOUD_SCHEMES.includes(new URL(l.url).protocol))?.url
}

/** DataFiles from SIA result rows: access_url (or accref) and the cloud_access locations. */
export function rowFiles(table: VotableTable, options: RowFileOptions): DataFile[] {
  const files: DataFile[] = []
  for (const row of table.rows()) {
    const https =
      typeof row.access_url === 'string'
        ? row.access_url
        : typeof row.accref === 'string'
          ? row.accref
          : undefined
    const cloud = parseCloudAccess(row.cloud_access)
    const s3 = cloudUrl(cloud)
    const url = options.preferCloud && s3 ? s3 : (https ?? s3)
    if (!url) continue
    const fallback = url === s3 ? https : undefined
    files.push({
      provider: PROVIDER_ID,
      dataset: options.dataset,
      url,
      ...span(row),
      ...size(row.access_estsize),
      path: localPath(url),
      ...(fallback ? { mirrors: [fallback] } : {}),
      metadata: { ...metadata(row), cloudAccess: cloud },
    })
  }
  return files
}

/** DataFiles from DataLink links with an access URL (by default `#this`); an s3: link keeps an http(s) sibling as its mirror. */
export function linkFiles(
  links: readonly DatalinkLink[],
  options: { readonly dataset: string; readonly semantics?: readonly string[] },
): DataFile[] {
  const wanted = new Set(
    (options.semantics ?? ['#this']).map((s) => (s.startsWith('#') || s.includes(':') ? s : `#${s}`)),
  )
  const chosen = links.filter((l) => l.accessUrl && wanted.has(l.semantics))
  return chosen.map((link) => {
    const url = link.accessUrl!
    const fallback = url.startsWith('s3:')
      ? links.find(
          (l) => l.id === link.id && l.semantics === link.semantics && /^https?:/.test(l.accessUrl ?? ''),
        )?.accessUrl
      : undefined
    return {
      provider: PROVIDER_ID,
      dataset: options.dataset,
      url,
      ...(link.contentLength !== undefined && link.contentLength >= 0 ? { size: link.contentLength } : {}),
      path: localPath(url),
      ...(fallback ? { mirrors: [fallback] } : {}),
      metadata: {
        id: link.id,
        semantics: link.semantics,
        ...(link.contentType ? { contentType: link.contentType } : {}),
        ...(link.description ? { description: link.description } : {}),
      },
    }
  })
}
