import { createHash } from 'node:crypto'
import { failTimes, onlyFor, startFileServer, type TestHttpServer } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterEach, expect, test } from 'vitest'
import { download } from '../src/index.ts'
import { dataFile, fixtureFiles, listFiles, tempDir } from './helpers/fixtures.ts'

const servers: TestHttpServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
async function serve(...args: Parameters<typeof startFileServer>): Promise<TestHttpServer> {
  const s = await startFileServer(...args)
  servers.push(s)
  return s
}

const transports = [createHttpTransport({ retry: { limit: 0 } })]
const retry = { limit: 2, baseDelayMs: 1, maxDelayMs: 5 }
const hits = (s: TestHttpServer, path: string): number => s.requests.filter((r) => r.url === path).length

test('a 200 HTML page instead of a data file fails as BAD_RESPONSE, once, and is not saved', async () => {
  const { served, paths } = fixtureFiles(3, () => 2000)
  const server = await serve({
    files: served,
    faults: onlyFor((p) => p === '/data/f1.bin', failTimes(99, { kind: 'html-200' })),
  })
  const outDir = await tempDir()
  const result = await download(
    paths.map((p) => dataFile(server.url, p)),
    { outDir, transports, retry },
  )
  expect(result.failed.map((f) => [f.file.path, f.error.code])).toEqual([['data/f1.bin', 'BAD_RESPONSE']])
  expect(hits(server, '/data/f1.bin')).toBe(1)
  expect(await listFiles(outDir)).toEqual(['data/f0.bin', 'data/f2.bin'])
})

test('HTML bytes are caught even when labelled as binary; an .html file may be HTML', async () => {
  const page = new TextEncoder().encode('\n  <!DOCTYPE html><html><body>Sign in</body></html>')
  const files = new Map([
    ['/data.bin', page],
    ['/index.html', page],
  ])
  const server = await serve({ files })
  const outDir = await tempDir()
  const result = await download([dataFile(server.url, 'data.bin'), dataFile(server.url, 'index.html')], {
    outDir,
    transports,
    retry,
  })
  expect(result.failed.map((f) => [f.file.path, f.error.code])).toEqual([['data.bin', 'BAD_RESPONSE']])
  expect(await listFiles(outDir)).toEqual(['index.html'])
})

test('a content type outside expectedContentTypes fails as BAD_RESPONSE', async () => {
  const { served, paths } = fixtureFiles(1, () => 100)
  const server = await serve({ files: served, contentType: 'text/plain; charset=utf-8' })
  const outDir = await tempDir()
  const files = paths.map((p) => dataFile(server.url, p))
  const refused = await download(files, { outDir, transports, expectedContentTypes: ['application/*'] })
  expect(refused.failed.map((f) => f.error.code)).toEqual(['BAD_RESPONSE'])
  const accepted = await download(files, { outDir, transports, expectedContentTypes: ['text/plain'] })
  expect(accepted.files.downloaded).toBe(1)
})

test('checksums are verified while streaming: a mismatch fails after every retry, matches pass', async () => {
  const { served, paths } = fixtureFiles(4, () => 5000)
  const server = await serve({ files: served })
  const outDir = await tempDir()
  const digest = (alg: string, p: string): string =>
    createHash(alg)
      .update(served.get(`/${p}`)!)
      .digest('hex')
  const files = [
    dataFile(server.url, paths[0]!, {
      checksum: { algorithm: 'sha256', value: digest('sha256', paths[0]!) },
    }),
    dataFile(server.url, paths[1]!, { checksum: { algorithm: 'sha1', value: digest('sha1', paths[1]!) } }),
    dataFile(server.url, paths[2]!, { checksum: { algorithm: 'md5', value: digest('md5', paths[2]!) } }),
    dataFile(server.url, paths[3]!, {
      checksum: { algorithm: 'sha256', value: digest('sha256', paths[0]!) },
    }),
  ]
  const result = await download(files, { outDir, transports, retry })

  expect(result.downloaded.map((o) => o.file.path).sort()).toEqual(paths.slice(0, 3))
  expect(result.failed.map((f) => [f.file.path, f.error.code])).toEqual([[paths[3], 'INTEGRITY']])
  expect(hits(server, `/${paths[3]}`)).toBe(retry.limit + 1)
  expect(await listFiles(outDir)).toEqual(paths.slice(0, 3))
})

test('a missing file fails alone; with failFast the run stops and throws', async () => {
  const { served, paths } = fixtureFiles(6, () => 300)
  served.delete(`/${paths[1]}`)
  const server = await serve({ files: served })
  const files = paths.map((p) => dataFile(server.url, p))

  const outDir = await tempDir()
  const result = await download(files, { outDir, transports, retry, concurrency: 2 })
  expect(result.failed.map((f) => [f.file.path, f.error.code])).toEqual([[paths[1], 'NOT_FOUND']])
  // The file's failure names its provider, the transport's error kept as the cause.
  expect(result.failed[0]?.error).toMatchObject({ provider: 'test', cause: { code: 'NOT_FOUND' } })
  expect(result.failed[0]?.error.message).toMatch(/^\[heliokit\] \[test\] /)
  expect(result.files).toEqual({ total: 6, downloaded: 5, skipped: 0, failed: 1 })
  // 404 is not retried.
  expect(hits(server, `/${paths[1]}`)).toBe(1)

  const fastDir = await tempDir()
  await expect(
    download(files, { outDir: fastDir, transports, retry, concurrency: 1, failFast: true }),
  ).rejects.toMatchObject({
    code: 'NOT_FOUND',
    provider: 'test',
  })
  expect(await listFiles(fastDir)).toEqual([paths[0]])
})
