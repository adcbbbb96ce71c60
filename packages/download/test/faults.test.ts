import { failTimes, randomFaults, startFileServer, type TestHttpServer } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterEach, expect, test } from 'vitest'
import { download } from '../src/index.ts'
import { dataFile, fixtureFiles, listFiles, mismatched, tempDir } from './helpers/fixtures.ts'

let server: TestHttpServer | undefined
afterEach(async () => {
  await server?.close()
})

test('500 files through random drops, 5xx, 429, wrong lengths and slow bodies all arrive intact', async () => {
  const { served, paths } = fixtureFiles(500, (i) => 1000 + ((i * 7919) % 60_000))
  server = await startFileServer({
    files: served,
    faults: randomFaults({
      rate: 0.3,
      seed: 42,
      faults: [
        { kind: 'drop' },
        { kind: 'status', status: 500 },
        { kind: 'status', status: 503 },
        { kind: 'status', status: 429, retryAfter: '0' },
        { kind: 'wrong-length', delta: -100 },
        { kind: 'wrong-length', delta: 100 },
        { kind: 'slow', chunkBytes: 8192, delayMs: 2 },
      ],
    }),
  })
  const outDir = await tempDir()
  const files = paths.map((p) => dataFile(server!.url, p, { size: served.get(`/${p}`)!.length }))

  const result = await download(files, {
    outDir,
    transports: [createHttpTransport({ retry: { limit: 0 } })],
    retry: { limit: 10, baseDelayMs: 1, maxDelayMs: 20 },
  })

  expect(result.failed).toEqual([])
  expect(result.files).toEqual({ total: 500, downloaded: 500, skipped: 0, failed: 0 })
  expect(await mismatched(outDir, served)).toEqual([])
  // Only the final files remain: no temp file or sidecar left behind.
  expect(await listFiles(outDir)).toEqual([...paths].sort())
  // The faults really happened and were retried, some of them by resuming with a Range request.
  expect(result.downloaded.some((o) => o.attempts > 1)).toBe(true)
  expect(server.requests.some((r) => r.headers.range !== undefined)).toBe(true)
  expect(result.bytes).toBe([...served.values()].reduce((n, b) => n + b.length, 0))
})

test('a file is tried 1 + retry.limit times in all: transports do not retry on top', async () => {
  const { served, paths } = fixtureFiles(1, () => 10_000)
  server = await startFileServer({ files: served, faults: failTimes(3, { kind: 'status', status: 503 }) })
  const outDir = await tempDir()
  const result = await download([dataFile(server.url, paths[0]!, { size: 10_000 })], {
    outDir,
    // a transport that would retry 503 twice per call on its own
    transports: [createHttpTransport({ retry: { limit: 2, baseDelayMs: 1 } })],
    retry: { limit: 1, baseDelayMs: 1, maxDelayMs: 5 },
  })
  expect(result.failed.map((f) => f.error.code)).toEqual(['UNAVAILABLE'])
  expect(server.requests).toHaveLength(2)
})
