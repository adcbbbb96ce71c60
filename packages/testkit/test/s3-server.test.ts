import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { deterministicBytes } from '../src/deterministic-bytes.ts'
import { startS3Server, type TestS3Server } from '../src/s3-server.ts'

const servers: TestS3Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function start(options: Parameters<typeof startS3Server>[0]): Promise<TestS3Server> {
  const server = await startS3Server(options)
  servers.push(server)
  return server
}

async function get(url: string): Promise<{ status: number; body: Uint8Array; headers: Headers }> {
  const response = await fetch(url)
  return {
    status: response.status,
    body: new Uint8Array(await response.arrayBuffer()),
    headers: response.headers,
  }
}

describe('startS3Server', () => {
  test('serves seeded in-memory objects anonymously on 127.0.0.1 and a random port', async () => {
    const bytes = deterministicBytes('a', 3000)
    const server = await start({ buckets: { data: { 'dir/a.bin': bytes, 'hello world.txt': 'hi' } } })
    expect(server.endpoint).toBe(`http://127.0.0.1:${server.port}`)
    const a = await get(`${server.endpoint}/data/dir/a.bin`)
    expect(a.status).toBe(200)
    expect(a.body).toEqual(bytes)
    const hello = await get(`${server.endpoint}/data/hello%20world.txt`)
    expect(new TextDecoder().decode(hello.body)).toBe('hi')
    const listing = await fetch(`${server.endpoint}/data?list-type=2`).then((r) => r.text())
    expect(listing).toContain('<Key>dir/a.bin</Key>')
  })

  test('seeds each subfolder of seedDir as a bucket, nested files as keys', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'heliokit-seed-'))
    try {
      await mkdir(join(dir, 'alpha', 'x', 'y'), { recursive: true })
      await mkdir(join(dir, 'beta'))
      await writeFile(join(dir, 'alpha', 'x', 'y', 'deep.txt'), 'deep')
      await writeFile(join(dir, 'beta', 'top.txt'), 'top')
      await writeFile(join(dir, 'not-a-bucket.txt'), 'ignored')
      const server = await start({ seedDir: dir, buckets: { beta: { 'extra.txt': 'extra' } } })
      expect(new TextDecoder().decode((await get(`${server.endpoint}/alpha/x/y/deep.txt`)).body)).toBe('deep')
      expect(new TextDecoder().decode((await get(`${server.endpoint}/beta/top.txt`)).body)).toBe('top')
      expect(new TextDecoder().decode((await get(`${server.endpoint}/beta/extra.txt`)).body)).toBe('extra')
      const buckets = await fetch(`${server.endpoint}/`).then((r) => r.text())
      expect(buckets).toContain('<Name>alpha</Name>')
      expect(buckets).not.toContain('not-a-bucket')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('lists past one page: continuation tokens work on Node 20 (OpenSSL 3)', async () => {
    const keys = Array.from({ length: 5 }, (_, i) => `k${i}`)
    const server = await start({ buckets: { b: Object.fromEntries(keys.map((k) => [k, k])) } })
    const first = await fetch(`${server.endpoint}/b?list-type=2&max-keys=2`).then((r) => r.text())
    const token = /<NextContinuationToken>([^<]+)</.exec(first)?.[1]
    expect(token).toBeDefined()
    const second = await fetch(
      `${server.endpoint}/b?list-type=2&max-keys=2&continuation-token=${encodeURIComponent(token!)}`,
    )
    expect(second.status).toBe(200)
    expect(await second.text()).toContain('<Key>k2</Key>')
  })

  test('put adds an object; missing keys are 404', async () => {
    const server = await start({ buckets: { b: {} } })
    expect((await get(`${server.endpoint}/b/later.txt`)).status).toBe(404)
    await server.put('b', 'later.txt', 'now')
    expect(new TextDecoder().decode((await get(`${server.endpoint}/b/later.txt`)).body)).toBe('now')
  })

  test('rejects signed requests with an unknown access key id', async () => {
    const server = await start({ buckets: { b: { k: 'v' } } })
    const response = await fetch(`${server.endpoint}/b/k`, {
      headers: {
        authorization:
          'AWS4-HMAC-SHA256 Credential=NOTKNOWN/20240101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00',
        'x-amz-date': new Date().toISOString().replace(/[-:]|\.\d{3}/g, ''),
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
      },
    })
    expect(response.status).toBe(403)
    expect(await response.text()).toContain('InvalidAccessKeyId')
  })

  test('close stops the server and removes its data folder', async () => {
    const server = await startS3Server({ buckets: { b: { k: 'v' } } })
    // A kept-alive connection must not keep close() waiting.
    await get(`${server.endpoint}/b/k`)
    expect(existsSync(server.directory)).toBe(true)
    await server.close()
    await expect(fetch(`${server.endpoint}/b/k`)).rejects.toThrow()
    expect(existsSync(server.directory)).toBe(false)
  })
})
