import { startFileServer } from '@heliokit/testkit'
import { createHttpTransport } from '@heliokit/transport-http'
import { expect, test, vi } from 'vitest'
import { download } from '../src/index.ts'
import { dataFile, fixtureFiles, listFiles, tempDir } from './support/fixtures.ts'

// A process where threads cannot be started (a resource limit, a policy).
vi.mock('node:worker_threads', () => ({
  Worker: class {
    constructor() {
      throw new Error('ERR_WORKER_INIT_FAILED')
    }
  },
}))

test('when the write thread cannot start, each file fails with an error that says so and nothing is written', async () => {
  const { served, paths } = fixtureFiles(2, () => 1000)
  const server = await startFileServer({ files: served })
  try {
    const outDir = await tempDir()
    const result = await download(
      paths.map((p) => dataFile(server.url, p, { size: 1000 })),
      { outDir, transports: [createHttpTransport()] },
    )
    expect(result.failed.map((f) => f.error.code)).toEqual(['INTERNAL', 'INTERNAL'])
    expect(result.failed[0]!.error.message).toMatch(
      /write thread could not start \(Error: ERR_WORKER_INIT_FAILED\)/,
    )
    expect(await listFiles(outDir)).toEqual([])
  } finally {
    await server.close()
  }
})
