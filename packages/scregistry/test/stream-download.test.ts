import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type DataFile, ErrorCode } from '@heliokit/core'
import { deterministicBytes } from '@heliokit/testkit'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { collect } from './helpers/collect.ts'
import { failure } from './helpers/failure.ts'
import { type Harness, startHarness } from './helpers/harness.ts'

let h: Harness
let dir: string
let aia: DataFile[]
beforeAll(async () => {
  h = await startHarness()
  dir = await mkdtemp(join(tmpdir(), 'scregistry-download-'))
  aia = await collect(
    h.sc.files({
      dataset: 'AIA_0094',
      bucket: 'gov-nasa-hdrl-data1',
      start: '2010-01-01',
      stop: '2013-01-01',
    }),
  )
})
afterAll(async () => {
  await h.close()
  await rm(dir, { recursive: true, force: true })
})

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

describe('download', () => {
  test('DataFiles download verified; a re-run skips them all without a single request', async () => {
    const outDir = join(dir, 'a')
    const result = await h.sc.download(aia, { outDir, retry: { limit: 0 } })
    expect(result.files).toMatchObject({ total: 6, downloaded: 6, skipped: 0, failed: 0 })
    for (const file of aia) {
      const bytes = await readFile(join(outDir, file.path))
      expect(sha256(bytes)).toBe(file.checksum?.value)
    }
    const before = h.requests().length
    const again = await h.sc.download(aia, { outDir })
    expect(again.files).toMatchObject({ total: 6, downloaded: 0, skipped: 6 })
    expect(h.requests().length).toBe(before)
  })

  test('a corrupt object is caught by its checksum, as INTEGRITY from scregistry', async () => {
    const file = aia[2]!
    const key = file.url.slice('s3://gov-nasa-hdrl-data1/'.length)
    await h.net.s3.put('gov-nasa-hdrl-data1', key, deterministicBytes('corrupt', file.size!))
    try {
      const result = await h.sc.download([file], { outDir: join(dir, 'b'), retry: { limit: 0 } })
      expect(result.failed).toHaveLength(1)
      expect(result.failed[0]?.error).toMatchObject({ code: ErrorCode.INTEGRITY, provider: 'scregistry' })
      expect(result.failed[0]?.error.message).toMatch(
        /^\[heliokit\] \[scregistry\] .*sha256 checksum does not match/,
      )
    } finally {
      await h.net.s3.put('gov-nasa-hdrl-data1', key, deterministicBytes(file.url, file.size!))
    }
  })
})

describe('stream', () => {
  test('hands each file body with its row, a few at a time', async () => {
    const seen = new Map<string, string>()
    let open = 0
    let most = 0
    // The first handler waits for the second to start, so two files are provably open at once.
    let second!: () => void
    const secondStarted = new Promise<void>((resolve) => {
      second = resolve
    })
    let arrivals = 0
    const result = await h.sc.stream(
      h.sc.files({
        dataset: 'AIA_0094',
        bucket: 'gov-nasa-hdrl-data1',
        start: '2010-01-01',
        stop: '2013-01-01',
      }),
      async (body, file) => {
        open++
        most = Math.max(most, open)
        arrivals++
        if (arrivals === 1) await secondStarted
        if (arrivals === 2) second()
        const bytes = new Uint8Array(await new Response(body).arrayBuffer())
        seen.set(file.url, sha256(bytes))
        open--
      },
      { concurrency: 2 },
    )
    expect(result).toEqual({ handled: 6, failed: [] })
    expect(most).toBe(2)
    expect(new Map(aia.map((f) => [f.url, f.checksum?.value]))).toEqual(seen)
  })

  test('per-file failures (a missing object, a failing handler) are reported with the provider id', async () => {
    const missing: DataFile = { ...aia[0]!, url: 's3://gov-nasa-hdrl-data1/sdo/aia/0094/missing.fits' }
    const result = await h.sc.stream([missing, aia[1]!, aia[2]!], async (body, file) => {
      await body.cancel()
      if (file === aia[2]) throw new Error('handler broke')
    })
    expect(result.handled).toBe(1)
    expect(result.failed.map((f) => [f.file.url, f.error.code, f.error.provider])).toEqual([
      [missing.url, ErrorCode.NOT_FOUND, 'scregistry'],
      [aia[2]!.url, ErrorCode.INTERNAL, 'scregistry'],
    ])
  })

  test('failFast throws the first failure; bad options are INVALID_INPUT', async () => {
    const missing: DataFile = { ...aia[0]!, url: 's3://gov-nasa-hdrl-data1/nope.fits' }
    expect(await failure(h.sc.stream([missing], () => {}, { failFast: true }))).toMatchObject({
      code: ErrorCode.NOT_FOUND,
      provider: 'scregistry',
    })
    expect(await failure(h.sc.stream(aia, () => {}, { concurrency: 0 }))).toMatchObject({
      code: ErrorCode.INVALID_INPUT,
      provider: 'scregistry',
    })
  })
})
