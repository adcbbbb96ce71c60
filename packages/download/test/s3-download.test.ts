import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Transport } from '@heliokit/core'
import { deterministicBytes, sha256Hex, startS3Server, type TestS3Server } from '@heliokit/testkit'
import { createS3Transport } from '@heliokit/transport-s3'
import { afterEach, expect, test } from 'vitest'
import { download } from '../src/index.ts'
import { tempDir } from './helpers/fixtures.ts'

let s3: TestS3Server | undefined
afterEach(async () => {
  await s3?.close()
})

test('downloads S3 objects through transport-s3 (its forEachChunk), byte for byte', async () => {
  const objects = Object.fromEntries(
    Array.from({ length: 20 }, (_, i) => [
      `themis/2022/f${i}.bin`,
      deterministicBytes(`s3-${i}`, 50_000 + i * 9_973),
    ]),
  )
  s3 = await startS3Server({ buckets: { archive: objects } })
  const transport = createS3Transport({ endpoint: s3.endpoint, region: 'us-east-1' })
  const files = Object.entries(objects).map(([key, bytes]) => ({
    provider: 'test',
    dataset: 'test',
    url: `s3://archive/${key}`,
    path: key,
    size: bytes.length,
    checksum: { algorithm: 'sha256' as const, value: sha256Hex(bytes) },
    metadata: {},
  }))
  const outDir = await tempDir()
  try {
    const result = await download(files, { outDir, transports: [transport] })
    expect(result.failed).toEqual([])
    expect(result.files.downloaded).toBe(20)
    for (const [key, bytes] of Object.entries(objects)) {
      expect(sha256Hex(await readFile(join(outDir, key)))).toBe(sha256Hex(bytes))
    }
  } finally {
    await transport.close()
  }
})

test('resumes an S3 object after an abort with a ranged GetObject', async () => {
  const bytes = deterministicBytes('s3-big', 3 << 20)
  s3 = await startS3Server({ buckets: { archive: { 'big.bin': bytes } } })
  const transport = createS3Transport({ endpoint: s3.endpoint, region: 'us-east-1' })
  const file = {
    provider: 'test',
    dataset: 'test',
    url: 's3://archive/big.bin',
    path: 'big.bin',
    size: bytes.length,
    metadata: {},
  }
  const outDir = await tempDir()
  try {
    const controller = new AbortController()
    // The run is aborted once the first chunk of the object has been written.
    const abortingAfterOneChunk: Transport = {
      ...transport,
      async open(url, options) {
        const opened = await transport.open(url, options)
        const { size, length, range, etag, contentType } = opened
        return {
          size,
          length,
          range,
          etag,
          contentType,
          get body() {
            return opened.body
          },
          forEachChunk: (onChunk) =>
            opened.forEachChunk!(async (chunk) => {
              await onChunk(chunk)
              controller.abort()
            }),
        }
      },
    }
    const aborted = await download([file], {
      outDir,
      transports: [abortingAfterOneChunk],
      signal: controller.signal,
    }).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(aborted).toMatchObject({ code: 'ABORTED' })
    const result = await download([file], { outDir, transports: [transport] })
    expect(result.failed.map((f) => f.error.message)).toEqual([])
    expect(result.files.downloaded).toBe(1)
    expect(result.downloaded[0]?.bytes).toBeLessThan(bytes.length)
    expect(sha256Hex(await readFile(join(outDir, 'big.bin')))).toBe(sha256Hex(bytes))
  } finally {
    await transport.close()
  }
})
