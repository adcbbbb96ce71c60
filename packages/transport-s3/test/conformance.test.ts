import { transportConformance } from '@heliokit/core/testing'
import { deterministicBytes, startS3Server, type TestS3Server } from '@heliokit/testkit'
import { afterAll, beforeAll, test } from 'vitest'
import { createS3Transport } from '../src/index.ts'

const content = deterministicBytes('conformance', 1_000_000)
let s3: TestS3Server
beforeAll(async () => {
  s3 = await startS3Server({ buckets: { archive: { 'data/file.bin': content } } })
})
afterAll(() => s3.close())

transportConformance(test, {
  create: () => createS3Transport({ endpoint: s3.endpoint, region: 'us-east-1' }),
  url: () => 's3://archive/data/file.bin',
  missingUrl: () => 's3://archive/data/missing.bin',
  content,
})
