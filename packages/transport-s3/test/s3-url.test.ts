import { ErrorCode, type HeliokitError } from '@heliokit/core'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { formatS3Url, isValidBucketName, parseS3Url } from '../src/index.ts'

function invalid(input: string | URL, options?: { requireKey?: boolean }): HeliokitError {
  try {
    parseS3Url(input, options)
  } catch (error) {
    return error as HeliokitError
  }
  throw new Error(`accepted ${String(input)}`)
}

const bucketArb = fc
  .stringMatching(/^[a-z0-9][a-z0-9.-]{1,20}[a-z0-9]$/)
  .filter((b) => !b.includes('..') && !/^\d+\.\d+\.\d+\.\d+$/.test(b))
// Keys without `.`/`..` segments, which URL parsing would remove.
const keyArb = fc
  .array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join('/'))
  .filter((k) => k.split('/').every((p) => p !== '.' && p !== '..'))

describe('parseS3Url', () => {
  test('splits bucket and key', () => {
    expect(parseS3Url('s3://my-bucket/a/b c.txt')).toEqual({ bucket: 'my-bucket', key: 'a/b c.txt' })
    expect(parseS3Url(new URL('s3://my.bucket/a%23b%3Fc%25'))).toEqual({ bucket: 'my.bucket', key: 'a#b?c%' })
    expect(parseS3Url('s3://bucket')).toEqual({ bucket: 'bucket', key: '' })
    expect(parseS3Url('s3://bucket/')).toEqual({ bucket: 'bucket', key: '' })
    expect(parseS3Url('s3://bucket/dir/')).toEqual({ bucket: 'bucket', key: 'dir/' })
  })

  test('rejects what is not an s3 object URL', () => {
    const cases: [string, RegExp][] = [
      ['not a url', /not a URL/],
      ['https://bucket/key', /not an s3: URL/],
      ['s3://', /no bucket/],
      ['s3:///key', /no bucket/],
      ['s3:bucket/key', /no bucket/],
      ['s3://Bucket/key', /bucket name/],
      ['s3://under_score/key', /bucket name/],
      ['s3://ab/key', /bucket name/],
      [`s3://${'a'.repeat(64)}/key`, /bucket name/],
      ['s3://a..b/key', /bucket name/],
      ['s3://192.168.1.1/key', /bucket name/],
      ['s3://-bucket/key', /bucket name/],
      ['s3://bucket:99/key', /port/],
      ['s3://bucket/key?versionId=1', /query or fragment/],
      ['s3://bucket/key#frag', /query or fragment/],
      ['s3://bucket/bad%zzescape', /malformed/],
      [`s3://bucket/${'k'.repeat(1025)}`, /at most 1024 bytes/],
    ]
    for (const [input, message] of cases) {
      const error = invalid(input)
      expect(error.code).toBe(ErrorCode.INVALID_INPUT)
      expect(error.message).toMatch(message)
    }
    expect(invalid('s3://bucket', { requireKey: true }).message).toMatch(/not an object/)
  })

  test('never echoes a password given in the URL', () => {
    const error = invalid('s3://user:hunter2secret@bucket/key')
    expect(error.message).toMatch(/credentials/)
    expect(error.message).not.toContain('hunter2secret')
  })

  test('formatS3Url and parseS3Url round-trip any key without dot segments', () => {
    fc.assert(
      fc.property(bucketArb, keyArb, (bucket, key) => {
        const url = formatS3Url(bucket, key)
        expect(parseS3Url(url)).toEqual({ bucket, key })
        expect(parseS3Url(new URL(url))).toEqual({ bucket, key })
      }),
    )
  })

  test('never throws anything but INVALID_INPUT on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.string().map((s) => `s3://${s}`),
        ),
        (input) => {
          try {
            const { bucket } = parseS3Url(input)
            expect(isValidBucketName(bucket)).toBe(true)
          } catch (error) {
            expect((error as HeliokitError).code).toBe(ErrorCode.INVALID_INPUT)
          }
        },
      ),
    )
  })
})
