import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { DataFile } from '@heliokit/core'
import { startFileServer, type TestHttpServer } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterEach, expect, test } from 'vitest'
import { download } from '../src/index.ts'
import { dataFile, fixtureFiles, tempDir } from './helpers/fixtures.ts'

let server: TestHttpServer | undefined
afterEach(async () => {
  await server?.close()
})

test('a 10,000-file async iterable is pulled only as fast as files complete', {
  timeout: 60_000,
}, async () => {
  const count = 10_000
  const concurrency = 8
  const { served, paths } = fixtureFiles(count, () => 64, 'd/')
  server = await startFileServer({ files: served })
  const outDir = await tempDir()
  // Nine in ten are already on disk (skipped without a request), which keeps the run short and lets the
  // listing be pulled as fast as the engine will go.
  await mkdir(join(outDir, 'd'))
  await Promise.all(
    paths.filter((_, i) => i % 10 !== 0).map((p) => writeFile(join(outDir, p), served.get(`/${p}`)!)),
  )
  let pulled = 0
  let completed = 0
  let maxAhead = 0
  async function* listing(): AsyncGenerator<DataFile> {
    for (const p of paths) {
      pulled++
      maxAhead = Math.max(maxAhead, pulled - completed)
      yield dataFile(server!.url, p, { size: 64 })
    }
  }

  const result = await download(listing(), {
    outDir,
    concurrency,
    transports: [createHttpTransport({ retry: { limit: 0 } })],
    onProgress: (p) => {
      completed = p.completedItems ?? completed
    },
  })

  expect(result.files).toEqual({
    total: count,
    downloaded: count / 10,
    skipped: count - count / 10,
    failed: 0,
  })
  expect(server.requests).toHaveLength(count / 10)
  expect(pulled).toBe(count)
  expect(maxAhead).toBeLessThanOrEqual(concurrency + 1)
})

test('a concurrency above ten adds one listener to the run signal, not one per file', async () => {
  const { served, paths } = fixtureFiles(48, () => 4096, 'c/')
  server = await startFileServer({ files: served })
  const warnings: string[] = []
  const onWarning = (warning: Error): void => {
    warnings.push(warning.name)
  }
  process.on('warning', onWarning)
  try {
    const result = await download(
      paths.map((p) => dataFile(server!.url, p, { size: 4096 })),
      {
        outDir: await tempDir(),
        concurrency: 24,
        signal: new AbortController().signal,
        transports: [createHttpTransport()],
      },
    )
    expect(result.downloaded).toHaveLength(48)
    // warnings are emitted on the next tick
    await new Promise((resolve) => setTimeout(resolve, 10))
  } finally {
    process.off('warning', onWarning)
  }
  expect(warnings).not.toContain('MaxListenersExceededWarning')
})
