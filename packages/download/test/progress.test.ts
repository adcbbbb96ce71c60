import { startFileServer, type TestHttpServer } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterEach, expect, test } from 'vitest'
import { type DownloadProgress, download } from '../src/index.ts'
import { dataFile, fixtureFiles, tempDir } from './helpers/fixtures.ts'

let server: TestHttpServer | undefined
afterEach(async () => {
  await server?.close()
})

test('progress ends at the run totals, counts every file once, tells received bytes from skipped files', async () => {
  const { served, paths } = fixtureFiles(20, (i) => 10_000 + i * 1000)
  server = await startFileServer({ files: served })
  const outDir = await tempDir()
  const files = paths.map((p) => dataFile(server!.url, p, { size: served.get(`/${p}`)!.length }))
  const total = files.reduce((n, f) => n + f.size!, 0)
  // Half the files are already there and will be skipped.
  await download(files.slice(0, 10), { outDir, transports: [createHttpTransport({ retry: { limit: 0 } })] })

  const events: DownloadProgress[] = []
  const result = await download(files, {
    outDir,
    transports: [createHttpTransport({ retry: { limit: 0 } })],
    onProgress: (p) => events.push(p),
  })

  const last = events.at(-1)!
  expect(last).toMatchObject({
    transferredBytes: total,
    totalBytes: total,
    completedItems: 20,
    totalItems: 20,
  })
  expect(result.bytes).toBe(total - files.slice(0, 10).reduce((n, f) => n + f.size!, 0))
  // The skipped half moves the bar but is neither received nor downloaded.
  expect(last).toMatchObject({ receivedBytes: result.bytes, skippedItems: 10 })
  const counts = events.map((e) => e.completedItems!)
  expect(counts).toEqual([...counts].sort((a, b) => a - b))
  const finished = events.filter((e) => e.file && e.file.state !== 'downloading')
  expect(finished.map((e) => e.file!.path).sort()).toEqual([...paths].sort())
  expect(finished.filter((e) => e.file!.state === 'skipped')).toHaveLength(10)
  for (const e of events) expect(e.transferredBytes).toBeLessThanOrEqual(total)
})

test('a throwing progress callback does not fail the downloads', async () => {
  const { served, paths } = fixtureFiles(3, () => 5000)
  server = await startFileServer({ files: served })
  const warnings: string[] = []
  const logger = { debug() {}, info() {}, error() {}, warn: (m: string) => warnings.push(m) }
  const result = await download(
    paths.map((p) => dataFile(server!.url, p)),
    {
      outDir: await tempDir(),
      transports: [createHttpTransport({ retry: { limit: 0 } })],
      logger,
      onProgress: () => {
        throw new Error('ui bug')
      },
    },
  )
  expect(result.files.downloaded).toBe(3)
  expect(warnings).toEqual(['onProgress threw; ignoring'])
})
