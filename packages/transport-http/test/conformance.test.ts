import { transportConformance } from '@heliokit/core/testing'
import { deterministicBytes, startFileServer, type TestHttpServer } from '@heliokit/testkit'
import { afterAll, beforeAll, test } from 'vitest'
import { createHttpTransport } from '../src/index.ts'

const content = deterministicBytes('conformance', 1_000_000)
let server: TestHttpServer
beforeAll(async () => {
  server = await startFileServer({ files: new Map([['/data/file.bin', content]]) })
})
afterAll(() => server.close())

transportConformance(test, {
  create: () => createHttpTransport(),
  url: () => `${server.url}/data/file.bin?api_key=sk-test-123456`,
  missingUrl: () => `${server.url}/data/missing.bin?api_key=sk-test-123456`,
  content,
  secrets: ['sk-test-123456'],
})
