import { ErrorCode, type HeliokitError } from '@heliokit/core'
import { readStream } from '@heliokit/core/testing'
import {
  forwardTo,
  startHttpServer,
  startS3Server,
  type TestHttpServer,
  type TestS3Server,
} from '@heliokit/testkit'
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { createS3Transport } from '../src/index.ts'
import { recordingLogger } from './helpers/recording-logger.ts'

// HEAD bucket answers as S3 does for a bucket in another region (301) or one we may not read (403);
// everything else goes to s3rver.
const regionAnswers: Record<string, { status: number; region: string }> = {
  'eu-data': { status: 301, region: 'eu-west-1' },
  'eu-more': { status: 301, region: 'eu-west-1' },
  'ap-data': { status: 403, region: 'ap-south-1' },
}

let s3: TestS3Server
let proxy: TestHttpServer
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

beforeAll(async () => {
  const files = { 'k.txt': 'k' }
  s3 = await startS3Server({
    buckets: { 'eu-data': files, 'eu-more': files, 'ap-data': files, 'us-data': files, 'eu-only': files },
  })
  const forward = forwardTo(s3.endpoint)
  proxy = await startHttpServer((req, res) => {
    // A bucket in eu-west-1 that tells nothing on HEAD bucket: S3 redirects what is signed for elsewhere.
    const inEuOnly = /^\/eu-only(\/|\?|$)/.test(req.url ?? '')
    const headBucket = req.method === 'HEAD' && /^\/eu-only\/?$/.test(req.url ?? '')
    if (inEuOnly && !headBucket && signedRegion(req.headers.authorization) !== 'eu-west-1') {
      res.writeHead(301, { 'x-amz-bucket-region': 'eu-west-1', 'content-type': 'application/xml' })
      const redirect =
        '<Error><Code>PermanentRedirect</Code><Message>Use the eu-west-1 endpoint.</Message></Error>'
      res.end(req.method === 'HEAD' ? undefined : redirect)
      return
    }
    const bucket = /^\/([^/?]+)\/?$/.exec(req.url ?? '')?.[1]
    if (req.method === 'HEAD' && bucket === 'hanging') return
    const answer = req.method === 'HEAD' && bucket ? regionAnswers[bucket] : undefined
    if (!answer) return forward(req, res)
    res.writeHead(answer.status, { 'x-amz-bucket-region': answer.region })
    res.end()
  })
})
afterAll(async () => {
  await proxy?.close()
  await s3?.close()
})
beforeEach(() => {
  proxy.requests.length = 0
})

/** The region a signed request was signed for, from its credential scope. */
function signedRegion(authorization: unknown): string | undefined {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\/s3\/aws4_request/.exec(String(authorization))?.[1]
}

/** The regions the requests to objects of `bucket` (not the HEAD bucket) were signed for, in order. */
const regionsOf = (bucket: string): (string | undefined)[] =>
  proxy.requests
    .filter((r) => r.url.startsWith(`/${bucket}/`) && !isHeadBucket(r))
    .map((r) => signedRegion(r.headers.authorization))

const isHeadBucket = (r: { method: string; url: string }): boolean =>
  r.method === 'HEAD' && /^\/[^/?]+\/?$/.test(r.url)

test('a 301 with x-amz-bucket-region sends later requests to that region, detected once per bucket', async () => {
  const { lines, logger } = recordingLogger()
  const t = createS3Transport({ endpoint: proxy.url, credentials, logger })
  try {
    expect((await t.stat(new URL('s3://eu-data/k.txt'))).size).toBe(1)
    expect((await t.stat(new URL('s3://eu-data/k.txt'))).size).toBe(1)
    expect((await t.stat(new URL('s3://eu-more/k.txt'))).size).toBe(1)
    expect(proxy.requests.filter(isHeadBucket).map((r) => r.url.replace(/\/$/, ''))).toEqual([
      '/eu-data',
      '/eu-more',
    ])
    const objectRequests = proxy.requests.filter((r) => !isHeadBucket(r))
    expect(objectRequests).toHaveLength(3)
    for (const r of objectRequests) expect(signedRegion(r.headers.authorization)).toBe('eu-west-1')
    // The detecting client (us-east-1) and one eu-west-1 client shared by both eu buckets.
    expect(lines.filter((l) => l.message === 's3: created client').map((l) => l.fields?.region)).toEqual([
      'us-east-1',
      'eu-west-1',
    ])
  } finally {
    await t.close()
  }
})

test('a 403 HEAD bucket still gives the region', async () => {
  const t = createS3Transport({ endpoint: proxy.url, credentials })
  try {
    await t.stat(new URL('s3://ap-data/k.txt'))
    expect(signedRegion(proxy.requests.at(-1)?.headers.authorization)).toBe('ap-south-1')
  } finally {
    await t.close()
  }
})

test('detection works unsigned, and a bucket without the header falls back to us-east-1', async () => {
  const { lines, logger } = recordingLogger()
  const t = createS3Transport({ endpoint: proxy.url, logger })
  try {
    await t.stat(new URL('s3://eu-data/k.txt'))
    await t.stat(new URL('s3://us-data/k.txt'))
    for (const r of proxy.requests) expect(r.headers.authorization).toBeUndefined()
    expect(lines.filter((l) => l.message === 's3: bucket region').map((l) => l.fields)).toEqual([
      { bucket: 'eu-data', region: 'eu-west-1', detected: true },
      { bucket: 'us-data', region: 'us-east-1', detected: false },
    ])
  } finally {
    await t.close()
  }
})

test('concurrent calls share one detection', async () => {
  const t = createS3Transport({ endpoint: proxy.url, credentials })
  try {
    await Promise.all(Array.from({ length: 5 }, () => t.stat(new URL('s3://eu-more/k.txt'))))
    expect(proxy.requests.filter(isHeadBucket)).toHaveLength(1)
  } finally {
    await t.close()
  }
})

test('a given region skips detection', async () => {
  const t = createS3Transport({ endpoint: proxy.url, credentials, region: 'sa-east-1' })
  try {
    await t.stat(new URL('s3://eu-data/k.txt'))
    expect(proxy.requests.filter(isHeadBucket)).toHaveLength(0)
    expect(signedRegion(proxy.requests[0]?.headers.authorization)).toBe('sa-east-1')
  } finally {
    await t.close()
  }
})

test('aborting while the region is being detected fails with ABORTED', async () => {
  const t = createS3Transport({ endpoint: proxy.url })
  try {
    const controller = new AbortController()
    const pending = t.stat(new URL('s3://hanging/k.txt'), { signal: controller.signal })
    while (!proxy.requests.some(isHeadBucket)) await new Promise((r) => setTimeout(r, 5))
    controller.abort()
    const error = (await pending.catch((e: unknown) => e)) as HeliokitError
    expect(error.code).toBe(ErrorCode.ABORTED)
  } finally {
    await t.close()
  }
})

test('a bucket S3 redirects to another region than the given one is read there, redirected once', async () => {
  const { lines, logger } = recordingLogger()
  const t = createS3Transport({ endpoint: proxy.url, credentials, region: 'us-east-1', logger })
  try {
    expect((await t.stat(new URL('s3://eu-only/k.txt'))).size).toBe(1)
    const opened = await t.open(new URL('s3://eu-only/k.txt'))
    expect(new TextDecoder().decode(await readStream(opened.body))).toBe('k')
    const keys: string[] = []
    for await (const listed of t.list(new URL('s3://eu-only/'))) keys.push(listed.key)
    expect(keys).toEqual(['k.txt'])
    // Only the first request went to us-east-1; a bucket that is not redirected stays there.
    expect(regionsOf('eu-only')).toEqual(['us-east-1', 'eu-west-1', 'eu-west-1', 'eu-west-1'])
    await t.stat(new URL('s3://us-data/k.txt'))
    expect(regionsOf('us-data')).toEqual(['us-east-1'])
    expect(lines.filter((l) => l.message === 's3: bucket region redirect').map((l) => l.fields)).toEqual([
      { bucket: 'eu-only', region: 'eu-west-1' },
    ])
  } finally {
    await t.close()
  }
})

test('a redirect also corrects a region detection that found nothing', async () => {
  const t = createS3Transport({ endpoint: proxy.url, credentials })
  try {
    expect((await t.stat(new URL('s3://eu-only/k.txt'))).size).toBe(1)
    expect((await t.stat(new URL('s3://eu-only/k.txt'))).size).toBe(1)
    expect(regionsOf('eu-only')).toEqual(['us-east-1', 'eu-west-1', 'eu-west-1'])
  } finally {
    await t.close()
  }
})
