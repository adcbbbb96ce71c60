import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startFileServer, type TestHttpServer } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterEach, expect, test } from 'vitest'
import { download } from '../src/index.ts'
import { dataFile, fixtureFiles, mismatched, tempDir } from './helpers/fixtures.ts'

let server: TestHttpServer | undefined
afterEach(async () => {
  await server?.close()
})

const gets = (s: TestHttpServer): number => s.requests.filter((r) => r.method === 'GET').length

test('a second run skips every file; overwrite downloads them again', async () => {
  const { served, paths } = fixtureFiles(5, (i) => 500 + i)
  server = await startFileServer({ files: served })
  const outDir = await tempDir()
  const files = paths.map((p) => dataFile(server!.url, p, { size: served.get(`/${p}`)!.length }))
  const options = { outDir, transports: [createHttpTransport({ retry: { limit: 0 } })] }

  expect((await download(files, options)).files.downloaded).toBe(5)
  expect(gets(server)).toBe(5)

  const again = await download(files, options)
  expect(again.files).toEqual({ total: 5, downloaded: 0, skipped: 5, failed: 0 })
  expect(again.bytes).toBe(0)
  expect(again.skipped.map((o) => o.localPath).sort()).toEqual(paths.map((p) => join(outDir, p)).sort())
  // Sizes were known, so skipping needed no request at all.
  expect(server.requests).toHaveLength(5)

  const forced = await download(files, { ...options, overwrite: true })
  expect(forced.files.downloaded).toBe(5)
  expect(gets(server)).toBe(10)
  expect(await mismatched(outDir, served)).toEqual([])
})

test('without a known size the remote is asked for it before skipping; a wrong size is downloaded again', async () => {
  const { served, paths } = fixtureFiles(2, () => 800)
  server = await startFileServer({ files: served })
  const outDir = await tempDir()
  const options = { outDir, transports: [createHttpTransport({ retry: { limit: 0 } })] }
  const files = paths.map((p) => dataFile(server!.url, p))
  await download(files, options)
  await writeFile(join(outDir, paths[1]!), 'truncated')
  const before = server.requests.length

  const again = await download(files, options)
  expect(again.skipped.map((o) => o.file.path)).toEqual([paths[0]])
  expect(again.downloaded.map((o) => o.file.path)).toEqual([paths[1]])
  expect(server.requests.slice(before).map((r) => r.method)).toEqual(['HEAD', 'HEAD', 'GET'])
  expect(await mismatched(outDir, served)).toEqual([])
})
