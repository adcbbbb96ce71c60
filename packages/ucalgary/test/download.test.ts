import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Fault } from '@heliokit/testkit'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { UcalgaryDownloadProgress } from '../src/index.ts'
import { type Harness, startHarness } from './helpers/harness.ts'

const HOUR = ['THEMIS_ASI_RAW', '2022-01-01T06:00', '2022-01-01T06:59'] as const

let outDir: string
beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'ucalgary-dl-'))
})
afterEach(() => rm(outDir, { recursive: true, force: true }))

/** Every file below a folder, relative, sorted. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort()
}

function gets(h: Harness): number {
  return h.emu.data.requests.filter((r) => r.method === 'GET').length
}

/** A fault plan that can be switched on and off during a test. */
function switchable(fault: Fault): { on: boolean; pick: () => Fault | undefined } {
  const plan = { on: true, pick: () => (plan.on ? fault : undefined) }
  return plan
}

async function expectMirror(
  h: Harness,
  urls: readonly string[],
  prefix: string,
  dataset: string,
): Promise<void> {
  for (const url of urls) {
    const local = join(outDir, dataset, url.slice(prefix.length + 1))
    expect(new Uint8Array(await readFile(local))).toEqual(h.emu.expectedBytes(url))
  }
}

describe('download', () => {
  test('an hour of files lands in the data-tree mirror, byte for byte, with byte progress', async () => {
    const h = await startHarness()
    try {
      const events: UcalgaryDownloadProgress[] = []
      const result = await h.uc.download(...HOUR, { site: 'gill', outDir, onProgress: (p) => events.push(p) })
      const listing = await h.uc.urls(...HOUR, { site: 'gill' })
      expect(result).toMatchObject({
        dataset: 'THEMIS_ASI_RAW',
        count: 60,
        downloaded: 60,
        skipped: 0,
        failed: [],
      })
      expect(result.datasetDir).toBe(join(outDir, 'THEMIS_ASI_RAW'))
      expect(result.bytes).toBe(listing.totalBytes)
      expect(result.files).toEqual(
        listing.urls.map((u) => join(outDir, 'THEMIS_ASI_RAW', u.slice(listing.pathPrefix.length + 1))),
      )
      await expectMirror(h, listing.urls, listing.pathPrefix, 'THEMIS_ASI_RAW')
      expect((await tree(outDir)).length).toBe(60)
      expect((await tree(outDir))[0]).toBe(
        join(
          'THEMIS_ASI_RAW',
          'stream0/2022/01/01/gill_themis19/ut06/20220101_0600_gill_themis19_full.pgm.gz',
        ),
      )
      const last = events.at(-1)!
      expect(last).toMatchObject({
        unit: 'bytes',
        totalBytes: listing.totalBytes,
        completedItems: 60,
        totalItems: 60,
      })
      expect(last.transferredBytes).toBe(listing.totalBytes)
      expect(events.every((e, i) => i === 0 || e.transferredBytes >= events[i - 1]!.transferredBytes)).toBe(
        true,
      )

      expect(last).toMatchObject({ receivedBytes: result.bytes, skippedItems: 0 })

      // A re-run finds every file with the right size and fetches nothing; progress says so.
      const before = gets(h)
      const rerun: UcalgaryDownloadProgress[] = []
      const again = await h.uc.download(...HOUR, { site: 'gill', outDir, onProgress: (p) => rerun.push(p) })
      expect(again).toMatchObject({ count: 60, downloaded: 0, skipped: 60, bytes: 0, failed: [] })
      expect(rerun.at(-1)).toMatchObject({ receivedBytes: 0, skippedItems: 60, completedItems: 60 })
      expect(rerun.every((p) => p.receivedBytes === 0)).toBe(true)
      expect(again.files).toEqual(result.files)
      expect(gets(h)).toBe(before)
    } finally {
      await h.close()
    }
  })

  test('an abort mid-run throws ABORTED and a re-run completes with no corrupt or temp files', async () => {
    const slow = switchable({ kind: 'slow', chunkBytes: 1024, delayMs: 20 })
    const h = await startHarness({ dataFaults: slow })
    try {
      const controller = new AbortController()
      const run = h.uc.download(...HOUR, {
        site: 'gill',
        outDir,
        concurrency: 4,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.transferredBytes > 20_000) controller.abort()
        },
      })
      await expect(run).rejects.toMatchObject({ code: 'ABORTED' })
      slow.on = false
      const result = await h.uc.download(...HOUR, { site: 'gill', outDir })
      expect(result.failed).toEqual([])
      expect(result.downloaded + result.skipped).toBe(60)
      expect(result.downloaded).toBeGreaterThan(0)
      const listing = await h.uc.urls(...HOUR, { site: 'gill' })
      await expectMirror(h, listing.urls, listing.pathPrefix, 'THEMIS_ASI_RAW')
      expect(await tree(outDir)).toHaveLength(60)
    } finally {
      await h.close()
    }
  })

  test('dropped connections fail files without leaving them in place; a re-run completes them', async () => {
    const drop = switchable({ kind: 'drop' })
    const h = await startHarness({ dataFaults: drop })
    try {
      const window = ['THEMIS_ASI_RAW', '2022-01-01T06:00', '2022-01-01T06:09'] as const
      const first = await h.uc.download(...window, { site: 'gill', outDir, retry: { limit: 0 } })
      expect(first.failed).toHaveLength(10)
      expect(first.failed.every((f) => f.error.code === 'NETWORK' || f.error.code === 'INTEGRITY')).toBe(true)
      expect(first.files).toEqual([])
      for (const f of first.failed) {
        await expect(stat(join(outDir, f.path))).rejects.toMatchObject({ code: 'ENOENT' })
      }
      drop.on = false
      const second = await h.uc.download(...window, { site: 'gill', outDir })
      expect(second).toMatchObject({ count: 10, downloaded: 10, failed: [] })
      const listing = await h.uc.urls(...window, { site: 'gill' })
      await expectMirror(h, listing.urls, listing.pathPrefix, 'THEMIS_ASI_RAW')
      expect(await tree(outDir)).toHaveLength(10)
    } finally {
      await h.close()
    }
  })

  test('files answered with a 200 HTML page are failures and are not saved', async () => {
    const h = await startHarness({ missingFiles: (path) => path.includes('/fsmi_') })
    try {
      const result = await h.uc.download('THEMIS_ASI_RAW', '2022-01-01T06:00', '2022-01-01T06:04', {
        site: 'fsmi',
        outDir,
      })
      expect(result).toMatchObject({ count: 5, downloaded: 0 })
      expect(result.failed).toHaveLength(5)
      expect(result.failed.every((f) => f.error.code === 'BAD_RESPONSE')).toBe(true)
      expect(result.failed[0]!.path).toMatch(/^THEMIS_ASI_RAW\/stream0\/.*fsmi_themis08/)
      expect(await tree(outDir)).toEqual([])
    } finally {
      await h.close()
    }
  })

  test('an empty listing is a count of 0 with a warning, not an error', async () => {
    const h = await startHarness()
    try {
      const events: UcalgaryDownloadProgress[] = []
      const result = await h.uc.download('THEMIS_ASI_RAW', '2001-01-01T06:00', '2001-01-01T06:59', {
        outDir,
        onProgress: (p) => events.push(p),
      })
      expect(result).toMatchObject({ count: 0, downloaded: 0, files: [], failed: [] })
      expect(result.warnings).toEqual([expect.stringContaining('no THEMIS_ASI_RAW files')])
      expect(events.at(-1)).toMatchObject({ completedItems: 0, totalItems: 0 })
    } finally {
      await h.close()
    }
  })

  test('downloads an earlier listing, counting progress in files when the size is unknown', async () => {
    const h = await startHarness()
    try {
      const listing = await h.uc.urls('TREX_RGB_RAW_NOMINAL', '2022-01-01T06:00', '2022-01-01T06:02', {
        site: 'gill',
        includeTotalBytes: false,
      })
      expect(listing.totalBytes).toBeUndefined()
      const events: UcalgaryDownloadProgress[] = []
      const result = await h.uc.download(listing, { outDir, onProgress: (p) => events.push(p) })
      expect(result).toMatchObject({ count: 3, downloaded: 3 })
      expect(events.at(-1)).toMatchObject({ unit: 'files', completedItems: 3, totalItems: 3 })
      await expectMirror(h, listing.urls, listing.pathPrefix, 'TREX_RGB_RAW_NOMINAL')
    } finally {
      await h.close()
    }
  })

  test('bad options and listings are INVALID_INPUT before any request', async () => {
    const h = await startHarness()
    try {
      const before = h.emu.api.requests.length
      await expect(h.uc.download(...HOUR, { outDir, concurrency: 0 })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      })
      await expect(h.uc.download(...HOUR, { outDir: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
      await expect(h.uc.download({ urls: 'x' } as never, { outDir })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      })
      expect(h.emu.api.requests.length).toBe(before)
      expect(h.emu.data.requests).toHaveLength(0)
    } finally {
      await h.close()
    }
  })

  test('defaults the output folder to ~/heliokit_data', async () => {
    const h = await startHarness()
    const home = process.env.HOME
    process.env.HOME = outDir
    try {
      const result = await h.uc.download('THEMIS_ASI_RAW', '2022-01-01T06:00', '2022-01-01T06:00', {
        site: 'gill',
      })
      expect(result.datasetDir).toBe(join(outDir, 'heliokit_data', 'THEMIS_ASI_RAW'))
      expect(await tree(outDir)).toHaveLength(1)
    } finally {
      process.env.HOME = home
      await h.close()
    }
  })
})
