import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ResourceInfo, Transport } from '@heliokit/core'

/** What was known of an object when its copy was stored. */
interface CachedVersion {
  readonly url: string
  readonly etag?: string
  readonly lastModified?: string
  readonly size?: number
}

export interface CacheSettings {
  readonly dir: string
  /** Fetch every object again, replacing the stored copies. */
  readonly refresh: boolean
}

/** How an object was served from a cache. */
export type CacheOutcome = 'hit' | 'miss' | 'refreshed'

/**
 * Copies of catalogs and yearly indexes under one folder, each checked against the object (a HEAD) before
 * use: a copy is served only while the object's ETag (or, without one, Last-Modified and size) is unchanged.
 */
export class ObjectCache {
  readonly #settings: CacheSettings

  constructor(settings: CacheSettings) {
    this.#settings = settings
  }

  /** The object's bytes, from the stored copy when it is current, else fetched and stored first. */
  async open(
    transport: Transport,
    url: URL,
    signal: AbortSignal | undefined,
  ): Promise<{ body: Readable; outcome: CacheOutcome }> {
    const base = join(this.#settings.dir, createHash('sha256').update(url.href).digest('hex'))
    const stored = this.#settings.refresh ? undefined : await readVersion(`${base}.json`, url.href)
    const info = await transport.stat(url, { signal })
    if (stored && (await isCurrent(stored, info, `${base}.body`))) {
      return { body: createReadStream(`${base}.body`), outcome: 'hit' }
    }
    await mkdir(this.#settings.dir, { recursive: true })
    const opened = await transport.open(url, { signal })
    const temp = `${base}.${process.pid}.${Date.now()}.tmp`
    try {
      await pipeline(
        Readable.fromWeb(opened.body as import('node:stream/web').ReadableStream),
        createWriteStream(temp),
      )
      await rename(temp, `${base}.body`)
    } catch (error) {
      await rm(temp, { force: true })
      throw error
    }
    const version: CachedVersion = {
      url: url.href,
      etag: opened.etag ?? info.etag,
      lastModified: info.lastModified?.toISOString(),
      size: info.size,
    }
    await writeFile(`${base}.json`, JSON.stringify(version))
    return { body: createReadStream(`${base}.body`), outcome: stored ? 'refreshed' : 'miss' }
  }
}

async function readVersion(path: string, url: string): Promise<CachedVersion | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as CachedVersion
    return parsed.url === url ? parsed : undefined
  } catch {
    return undefined
  }
}

async function isCurrent(stored: CachedVersion, info: ResourceInfo, body: string): Promise<boolean> {
  const size = await stat(body).then(
    (s) => s.size,
    () => undefined,
  )
  if (size === undefined || (info.size !== undefined && info.size !== size)) return false
  if (info.etag !== undefined) return info.etag === stored.etag
  return info.lastModified !== undefined && info.lastModified.toISOString() === stored.lastModified
}
