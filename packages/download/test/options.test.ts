import { createHeliokit } from '@heliokit/core'
import { startFileServer, type TestHttpServer } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterEach, expect, test } from 'vitest'
import { download } from '../src/index.ts'
import { dataFile, fixtureFiles, mismatched, tempDir } from './helpers/fixtures.ts'

let server: TestHttpServer | undefined
afterEach(async () => {
  await server?.close()
})

const transports = [createHttpTransport({ retry: { limit: 0 } })]

test('a client context supplies the transports', async () => {
  const { served, paths } = fixtureFiles(3, () => 1234)
  server = await startFileServer({ files: served })
  const hk = createHeliokit({ transports })
  const outDir = await tempDir()
  const result = await download(
    paths.map((p) => dataFile(server!.url, p)),
    { context: hk.context, outDir },
  )
  expect(result.files.downloaded).toBe(3)
  expect(await mismatched(outDir, served)).toEqual([])
})

test('bad options and bad files are INVALID_INPUT before any request', async () => {
  const { served, paths } = fixtureFiles(1, () => 10)
  server = await startFileServer({ files: served })
  const outDir = await tempDir()
  const file = dataFile(server!.url, paths[0]!)
  await expect(download([file], { outDir } as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  await expect(download([file], { outDir: '', transports })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  await expect(download([file], { outDir, transports, concurrency: 0 })).rejects.toMatchObject({
    code: 'INVALID_INPUT',
  })
  const result = await download(
    [
      { ...file, url: 'not a url' },
      { ...file, size: -1 },
      { ...file, checksum: { algorithm: 'sha256', value: 'abc' } },
      { ...file, url: 'ftp://host/x.bin' },
    ],
    { outDir, transports },
  )
  expect(result.failed.map((f) => f.error.code)).toEqual([
    'INVALID_INPUT',
    'INVALID_INPUT',
    'INVALID_INPUT',
    'UNAVAILABLE',
  ])
  expect(server!.requests).toHaveLength(0)
})

test('an already aborted signal throws ABORTED before any request', async () => {
  const { served, paths } = fixtureFiles(2, () => 10)
  server = await startFileServer({ files: served })
  const outDir = await tempDir()
  await expect(
    download(
      paths.map((p) => dataFile(server!.url, p)),
      { outDir, transports, signal: AbortSignal.abort() },
    ),
  ).rejects.toMatchObject({ code: 'ABORTED' })
  expect(server.requests).toHaveLength(0)
})
