import type { Transport } from '@heliokit/core'
import { failTimes, startFileServer, type TestHttpServer } from '@heliokit/testkit'
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

/** The HTTP transport as one that offers only `body`, the way a third-party transport may. */
function bodyOnly(): Transport {
  const http = createHttpTransport({ retry: { limit: 0 } })
  return {
    ...http,
    async open(url, options) {
      const { body, size, length, range, etag, contentType } = await http.open(url, options)
      return { body, size, length, range, etag, contentType }
    },
  }
}

const SIZE = 2 << 20

test('a transport without forEachChunk: its bodies are read as web streams, and an abort leaves them resumable', async () => {
  const { served, paths } = fixtureFiles(3, () => SIZE)
  server = await startFileServer({
    files: served,
    faults: failTimes(1, { kind: 'slow', chunkBytes: 8192, delayMs: 5 }),
  })
  const outDir = await tempDir()
  const files = paths.map((p) => dataFile(server!.url, p, { size: SIZE }))
  const aborted = await abortedDownload(files, { outDir, transport: bodyOnly(), atBytes: SIZE / 2 })
  expect(aborted).toMatchObject({ code: 'ABORTED' })
  expect((await listFiles(outDir)).filter((f) => paths.includes(f))).toEqual([])

  const result = await download(files, { outDir, transports: [bodyOnly()] })
  expect(result.failed).toEqual([])
  // every file resumed: none was complete when the first run stopped
  expect(result.downloaded).toHaveLength(3)
  expect(result.downloaded.map((o) => o.bytes).every((bytes) => bytes < SIZE)).toBe(true)
  expect(await mismatched(outDir, served)).toEqual([])
})
