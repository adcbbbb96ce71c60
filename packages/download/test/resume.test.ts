import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  deterministicBytes,
  failTimes,
  sha256Hex,
  startFileServer,
  type TestHttpServer,
} from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterEach, expect, test } from 'vitest'
import { download } from '../src/index.ts'
import {
  abortedDownload,
  dataFile,
  fixtureFiles,
  listFiles,
  mismatched,
  tempDir,
} from './helpers/fixtures.ts'

let server: TestHttpServer | undefined
afterEach(async () => {
  await server?.close()
})

const SIZE = 256 * 1024

/** Runs a download over slow first answers and aborts it part-way. */
function abortedRun(outDir: string, paths: string[]): Promise<unknown> {
  return abortedDownload(
    paths.map((p) => dataFile(server!.url, p, { size: SIZE })),
    // All files trickle in together, each needing 64 slow chunks: abort at about an eighth of the total.
    { outDir, transport: createHttpTransport({ retry: { limit: 0 } }), atBytes: (paths.length * SIZE) / 8 },
  )
}

test('an aborted run leaves only temp files; the next run resumes them with Range requests', async () => {
  const { served, paths } = fixtureFiles(4, () => SIZE)
  server = await startFileServer({
    files: served,
    faults: failTimes(1, { kind: 'slow', chunkBytes: 4096, delayMs: 10 }),
  })
  const outDir = await tempDir()

  const error = await abortedRun(outDir, paths)
  expect(error).toMatchObject({ code: 'ABORTED' })
  const left = await listFiles(outDir)
  // Nothing at a final path; a temp file and its sidecar per file.
  expect(left.filter((f) => paths.includes(f))).toEqual([])
  expect(left).toEqual(paths.flatMap((p) => [`${p}.heliokit-part`, `${p}.heliokit-part.json`]).sort())

  const before = server.requests.length
  // With checksums, the resumed prefix on disk is hashed before the rest streams in.
  const checksum = (p: string) => ({ algorithm: 'sha256' as const, value: sha256Hex(served.get(`/${p}`)!) })
  const result = await download(
    paths.map((p) => dataFile(server!.url, p, { size: SIZE, checksum: checksum(p) })),
    { outDir, transports: [createHttpTransport({ retry: { limit: 0 } })] },
  )
  expect(result.files.downloaded).toBe(4)
  const resumed = server.requests.slice(before)
  expect(resumed.every((r) => /^bytes=[1-9]\d*-$/.test(String(r.headers.range)))).toBe(true)
  // Each file only fetched what was missing.
  for (const o of result.downloaded) expect(o.bytes).toBeLessThan(SIZE)
  expect(await mismatched(outDir, served)).toEqual([])
  expect(await listFiles(outDir)).toEqual([...paths].sort())
})

test('a temp file of an older version is not stitched to the new one', async () => {
  const { served, paths } = fixtureFiles(1, () => SIZE)
  server = await startFileServer({
    files: served,
    faults: failTimes(1, { kind: 'slow', chunkBytes: 4096, delayMs: 10 }),
  })
  const outDir = await tempDir()
  expect(await abortedRun(outDir, paths)).toMatchObject({ code: 'ABORTED' })
  // The remote file changes (same size, new ETag) between the runs.
  served.set(`/${paths[0]}`, deterministicBytes('v2', SIZE))
  const before = server.requests.length

  const result = await download([dataFile(server.url, paths[0]!, { size: SIZE })], {
    outDir,
    transports: [createHttpTransport({ retry: { limit: 0 } })],
  })
  expect(result.files.downloaded).toBe(1)
  // The range answer carried a new ETag, so the whole file was fetched again.
  expect(server.requests.slice(before).map((r) => r.headers.range !== undefined)).toEqual([true, false])
  expect(await mismatched(outDir, served)).toEqual([])
  expect(await listFiles(outDir)).toEqual(paths)
})

test('a temp file without a sidecar (crash before any was written) is restarted from zero', async () => {
  const { served, paths } = fixtureFiles(1, () => 1000)
  server = await startFileServer({ files: served })
  const outDir = await tempDir()
  await mkdir(join(outDir, 'data'))
  await writeFile(join(outDir, `${paths[0]}.heliokit-part`), 'garbage')

  const result = await download([dataFile(server.url, paths[0]!, { size: 1000 })], {
    outDir,
    transports: [createHttpTransport({ retry: { limit: 0 } })],
  })
  expect(result.files.downloaded).toBe(1)
  expect(server.requests.every((r) => r.headers.range === undefined)).toBe(true)
  expect(await mismatched(outDir, served)).toEqual([])
  expect(await listFiles(outDir)).toEqual(paths)
})

test('a sidecar left without its temp file (a stop between rename and cleanup) is removed', async () => {
  const { served, paths } = fixtureFiles(2, () => 1000)
  server = await startFileServer({ files: served })
  const outDir = await tempDir()
  await mkdir(join(outDir, 'data'))
  // the first file is already in place, the second is not
  await writeFile(join(outDir, paths[0]!), served.get(`/${paths[0]}`)!)
  for (const p of paths) await writeFile(join(outDir, `${p}.heliokit-part.json`), '{"url":"old"}')

  const result = await download(
    paths.map((p) => dataFile(server!.url, p, { size: 1000 })),
    { outDir, transports: [createHttpTransport({ retry: { limit: 0 } })] },
  )
  expect(result.files).toMatchObject({ skipped: 1, downloaded: 1 })
  expect(await mismatched(outDir, served)).toEqual([])
  expect(await listFiles(outDir)).toEqual(paths)
})

test('a body that stalls is timed out and resumed from where it stopped', async () => {
  const { served, paths } = fixtureFiles(3, () => SIZE)
  // Each file's first answer sends 64 KiB, then stalls far longer than the transport's 200 ms timeout.
  server = await startFileServer({
    files: served,
    faults: failTimes(1, { kind: 'slow', chunkBytes: 65_536, delayMs: 5_000 }),
  })
  const outDir = await tempDir()
  const result = await download(
    paths.map((p) => dataFile(server!.url, p, { size: SIZE })),
    {
      outDir,
      transports: [createHttpTransport({ timeout: 200, retry: { limit: 0 } })],
      retry: { limit: 2, baseDelayMs: 1, maxDelayMs: 5 },
    },
  )
  expect(result.files.downloaded).toBe(3)
  expect(result.downloaded.every((d) => d.attempts === 2)).toBe(true)
  expect(await mismatched(outDir, served)).toEqual([])
  expect(await listFiles(outDir)).toEqual([...paths].sort())
  const ranges = server.requests.map((r) => r.headers.range).filter(Boolean)
  expect(ranges).toEqual(paths.map(() => 'bytes=65536-'))
})
