import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { failTimes, sha256Hex, startFileServer, type TestHttpServer } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterEach, expect, test } from 'vitest'
import { type DownloadProgress, download } from '../src/index.ts'
import { dataFile, fixtureFiles, listFiles, tempDir } from './helpers/fixtures.ts'

const servers: TestHttpServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function serve(
  files: Map<string, Uint8Array>,
  faults?: Parameters<typeof startFileServer>[0]['faults'],
) {
  const server = await startFileServer({ files, faults })
  servers.push(server)
  return server
}

const quick = { limit: 1, baseDelayMs: 1, maxDelayMs: 5 }

test('an s3: file with no S3 transport in the run comes from its https mirror', async () => {
  const { served, paths } = fixtureFiles(1, () => 70_000)
  const mirror = await serve(served)
  const outDir = await tempDir()
  const file = dataFile(mirror.url, paths[0]!, {
    url: `s3://archive/${paths[0]}`,
    mirrors: [`${mirror.url}/${paths[0]}`],
    size: 70_000,
  })
  const result = await download([file], { outDir, transports: [createHttpTransport()] })
  expect(result.failed).toEqual([])
  expect(result.downloaded[0]!.mirror).toBe(`${mirror.url}/${paths[0]}`)
  expect(sha256Hex(await readFile(join(outDir, paths[0]!)))).toBe(sha256Hex(served.get(`/${paths[0]}`)!))
})

test('a file missing at its URL, or broken there past its retries, comes whole from the next mirror', async () => {
  const { served, paths } = fixtureFiles(2, () => 3 << 20)
  // The first file is absent from the primary; the second breaks mid-body on every request there.
  const primary = await serve(
    new Map([[`/${paths[1]}`, served.get(`/${paths[1]}`)!]]),
    failTimes(100, { kind: 'drop', afterBytes: 1 << 20 }),
  )
  const mirror = await serve(served)
  const outDir = await tempDir()
  const files = paths.map((p) =>
    dataFile(primary.url, p, { size: 3 << 20, mirrors: ['https://127.0.0.1:1/never', `${mirror.url}/${p}`] }),
  )
  const result = await download(files, { outDir, transports: [createHttpTransport()], retry: quick })

  expect(result.failed).toEqual([])
  expect(result.downloaded.map((o) => o.mirror).sort()).toEqual(paths.map((p) => `${mirror.url}/${p}`))
  for (const p of paths)
    expect(sha256Hex(await readFile(join(outDir, p)))).toBe(sha256Hex(served.get(`/${p}`)!))
  // The broken file's partial copy from the primary was not resumed from the mirror: it came whole.
  expect(mirror.requests.every((r) => r.headers.range === undefined)).toBe(true)
  expect(await listFiles(outDir)).toEqual([...paths].sort())
})

test('a mirror download cut short resumes from that mirror on the next run', async () => {
  const size = 600_000
  const { served, paths } = fixtureFiles(1, () => size)
  const path = paths[0]!
  const primaryFiles = new Map(served)
  const primary = await serve(primaryFiles, failTimes(100, { kind: 'drop', afterBytes: 100_000 }))
  const mirror = await serve(served, failTimes(1, { kind: 'slow', chunkBytes: 65_536, delayMs: 20 }))
  const outDir = await tempDir()
  const file = dataFile(primary.url, path, { size, mirrors: [`${mirror.url}/${path}`] })
  const controller = new AbortController()
  const first = download([file], {
    outDir,
    transports: [createHttpTransport()],
    retry: { limit: 0 },
    signal: controller.signal,
    onProgress: (p) => {
      if (p.transferredBytes >= 200_000 && mirror.requests.length > 0) controller.abort()
    },
  })
  await expect(first).rejects.toMatchObject({ code: 'ABORTED' })

  primaryFiles.clear()
  const second = await download([file], { outDir, transports: [createHttpTransport()], retry: quick })
  expect(second.failed).toEqual([])
  expect(mirror.requests.at(-1)!.headers.range).toMatch(/^bytes=[1-9]\d*-$/)
  expect(second.bytes).toBeLessThan(size)
  expect(sha256Hex(await readFile(join(outDir, path)))).toBe(sha256Hex(served.get(`/${path}`)!))
  expect(await listFiles(outDir)).toEqual([path])
})

test('when every source fails the file fails once, with the error of its own URL', async () => {
  const primary = await serve(new Map())
  const mirror = await serve(new Map(), failTimes(100, { kind: 'status', status: 503 }))
  const outDir = await tempDir()
  const events: DownloadProgress[] = []
  const result = await download(
    [dataFile(primary.url, 'data/gone.bin', { mirrors: [`${mirror.url}/data/gone.bin`] })],
    {
      outDir,
      transports: [createHttpTransport()],
      retry: quick,
      onProgress: (p) => events.push(p),
    },
  )
  expect(result.failed.map((f) => f.error.code)).toEqual(['NOT_FOUND'])
  expect(result.failed[0]!.error.provider).toBe('test')
  expect(mirror.requests.length).toBeGreaterThan(0)
  expect(events.filter((e) => e.file?.state === 'failed')).toHaveLength(1)
  expect(events.at(-1)!.completedItems).toBe(1)
  expect(await listFiles(outDir)).toEqual([])
})

test('an aborted run tries no mirror', async () => {
  const { served, paths } = fixtureFiles(1, () => 8 << 20)
  const primary = await serve(served, failTimes(1, { kind: 'slow', chunkBytes: 65_536, delayMs: 20 }))
  const mirror = await serve(served)
  const controller = new AbortController()
  const run = download([dataFile(primary.url, paths[0]!, { mirrors: [`${mirror.url}/${paths[0]}`] })], {
    outDir: await tempDir(),
    transports: [createHttpTransport()],
    signal: controller.signal,
    onProgress: (p) => {
      if (p.transferredBytes > 0) controller.abort()
    },
  })
  await expect(run).rejects.toMatchObject({ code: 'ABORTED' })
  expect(mirror.requests).toEqual([])
})

test('a mirror that is not a URL is INVALID_INPUT before anything is sent', async () => {
  const { served, paths } = fixtureFiles(1, () => 100)
  const primary = await serve(served)
  const result = await download([dataFile(primary.url, paths[0]!, { mirrors: ['not a url'] })], {
    outDir: await tempDir(),
    transports: [createHttpTransport()],
  })
  expect(result.failed[0]!.error).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'mirrors.0' }] })
  expect(primary.requests).toEqual([])
})
