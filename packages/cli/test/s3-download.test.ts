import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { deterministicBytes, startS3Server, type TestS3Server } from '@heliokit/testkit'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { runCli } from './helpers/run-cli.ts'
import { tempDir } from './helpers/temp-dir.ts'

let main: TestS3Server
let other: TestS3Server
beforeAll(async () => {
  ;[main, other] = await Promise.all([
    startS3Server({ buckets: { archive: { 'a/one.bin': deterministicBytes('one', 3000) } } }),
    startS3Server({ buckets: { mirror: { 'b/two.bin': deterministicBytes('two', 5000) } } }),
  ])
})
afterAll(async () => {
  await Promise.all([main.close(), other.close()])
})

test('s3:// files download through AWS_ENDPOINT_URL_S3, and HELIOKIT_S3_ENDPOINTS sends a bucket elsewhere', async () => {
  const dir = await tempDir()
  try {
    const record = (url: string, path: string) =>
      JSON.stringify({ provider: 'x', dataset: 'd', url, path, metadata: {} })
    const manifest = join(dir.path, 'files.ndjson')
    await writeFile(
      manifest,
      `${record('s3://archive/a/one.bin', 'one.bin')}\n${record('s3://mirror/b/two.bin', 'two.bin')}\n`,
    )
    const run = await runCli(['download', '--manifest', manifest, '--out', dir.path, '--json'], {
      env: {
        AWS_ENDPOINT_URL_S3: main.endpoint,
        HELIOKIT_S3_ENDPOINTS: `mirror=${other.endpoint}`,
        AWS_REGION: 'us-east-1',
      },
    })
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toMatchObject({ files: 2, downloaded: 2, failed: 0 })
    expect(new Uint8Array(await readFile(join(dir.path, 'one.bin')))).toEqual(deterministicBytes('one', 3000))
    expect(new Uint8Array(await readFile(join(dir.path, 'two.bin')))).toEqual(deterministicBytes('two', 5000))
  } finally {
    await dir.remove()
  }
})
