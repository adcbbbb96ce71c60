import { isSecretHeader, redactText, redactUrl } from '@heliokit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

describe('redactUrl', () => {
  it.each([
    ['https://api.x.org/v1/data?api_key=K3Y&site=gill', 'https://api.x.org/v1/data?api_key=***&site=gill'],
    ['https://api.x.org/?apikey=K3Y', 'https://api.x.org/?apikey=***'],
    ['https://api.x.org/?API-KEY=K3Y', 'https://api.x.org/?API-KEY=***'],
    ['https://api.x.org/?key=K3Y', 'https://api.x.org/?key=***'],
    ['https://api.x.org/?token=T0K&page=2', 'https://api.x.org/?token=***&page=2'],
    ['https://api.x.org/?access_token=T0K', 'https://api.x.org/?access_token=***'],
    ['https://api.x.org/?password=pw&user=me', 'https://api.x.org/?password=***&user=me'],
    ['https://api.x.org/?Signature=s1g', 'https://api.x.org/?Signature=***'],
    [
      'https://bucket.s3.amazonaws.com/a/b.cdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20220101%2Fus-east-1&X-Amz-Date=20220101T000000Z&X-Amz-Expires=3600&X-Amz-Security-Token=FQoG&X-Amz-Signature=abcdef0123',
      'https://bucket.s3.amazonaws.com/a/b.cdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=***&X-Amz-Date=20220101T000000Z&X-Amz-Expires=3600&X-Amz-Security-Token=***&X-Amz-Signature=***',
    ],
    ['https://user:hunter2@ftp.x.org/pub', 'https://user:***@ftp.x.org/pub'],
    ['https://ghp_T0KEN@data.x.org/pub', 'https://***@data.x.org/pub'],
    ['https://x.org/cb#access_token=T0K&state=s1', 'https://x.org/cb#access_token=***&state=s1'],
    ['https://x.org/doc.html#section-2', 'https://x.org/doc.html#section-2'],
    ['https://api.x.org/?token=a&x=1&token=b', 'https://api.x.org/?token=***&x=1&token=***'],
    ['https://api.x.org/data/2022/file.cdf?version=2', 'https://api.x.org/data/2022/file.cdf?version=2'],
  ])('redacts %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected)
  })

  it('accepts a URL object', () => {
    expect(redactUrl(new URL('https://x.org/?token=abc'))).toBe('https://x.org/?token=***')
  })

  it('masks a copy: the URL object given keeps its credentials', () => {
    const url = new URL('https://me:pw@x.org/a?token=abc#access_token=t&s=1')
    expect(redactUrl(url)).toBe('https://me:***@x.org/a?token=***#access_token=***&s=1')
    expect(url.href).toBe('https://me:pw@x.org/a?token=abc#access_token=t&s=1')
  })

  it('masks known secrets in a URL object that has no credentials of its own', () => {
    expect(redactUrl(new URL('https://x.org/k/Zq9Zq9/f'), ['Zq9Zq9'])).toBe('https://x.org/k/***/f')
    expect(redactUrl(new URL('https://:pw@x.org/'))).toBe('https://:***@x.org/')
  })

  it('also masks known secrets anywhere in the URL', () => {
    const out = redactUrl('https://x.org/keys/Zq9Zq9Zq9/data?owner=Zq9Zq9Zq9', ['Zq9Zq9Zq9'])
    expect(out).toBe('https://x.org/keys/***/data?owner=***')
  })

  it.each([
    ['a path with a query', '/api/v1/data?api_key=K3YK3Y&site=gill', '/api/v1/data?api_key=***&site=gill'],
    ['a log line', 'GET /x?token=T0KT0K failed', 'GET /x?token=*** failed'],
    ['several pairs', 'x?a=1&key=K3Y&sig=S1G#frag', 'x?a=1&key=***&sig=***#frag'],
  ])('masks secret-looking parameters in %s that is not an absolute URL', (_, input, expected) => {
    expect(redactUrl(input)).toBe(expected)
  })

  it('masks known secrets in input that is not a URL', () => {
    expect(redactUrl('not a url: Zq9Zq9Zq9', ['Zq9Zq9Zq9'])).toBe('not a url: ***')
  })

  it('never shows a secret passed under a secret-looking query name', () => {
    const names = fc.constantFrom(
      'api_key',
      'apikey',
      'api-key',
      'key',
      'token',
      'access_token',
      'password',
      'secret',
      'sig',
      'signature',
      'X-Amz-Signature',
      'X-Amz-Credential',
      'X-Amz-Security-Token',
      'AWSAccessKeyId',
      'X-Goog-Signature',
    )
    const casing = fc.array(fc.boolean(), { minLength: 24, maxLength: 24 })
    const secrets = fc
      .string({ minLength: 8, maxLength: 40, unit: 'grapheme' })
      .filter((s) => !s.includes('*'))
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        names,
        casing,
        secrets,
        fc.boolean(),
        (base, name, upper, secret, asString) => {
          const cased = [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join('')
          const url = new URL(base)
          url.searchParams.append(cased, secret)
          const forms = [
            secret,
            encodeURIComponent(secret),
            new URLSearchParams({ s: secret }).toString().slice(2),
          ]
          // The secret must not already be part of the URL by chance (host, path, other parameters).
          fc.pre(forms.every((form) => !base.includes(form)))
          const out = redactUrl(asString ? url.href : url)
          for (const form of forms) expect(out).not.toContain(form)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('never shows a secret put in a relative path-and-query either', () => {
    const secrets = fc.stringMatching(/^[A-Za-z0-9._~-]{8,40}$/)
    fc.assert(
      fc.property(
        fc.webPath(),
        fc.constantFrom('api_key', 'token', 'X-Amz-Signature', 'key'),
        secrets,
        (path, name, secret) => {
          fc.pre(!path.includes(secret))
          expect(redactUrl(`${path}?a=1&${name}=${secret}&b=2`)).not.toContain(secret)
        },
      ),
    )
  })

  it.each([
    ['a 1 MB query value', `https://x.org/?token=${'a'.repeat(1_000_000)}&b=1`],
    ['a 1 MB path', `https://x.org/${'a/'.repeat(500_000)}?key=k`],
    ['1 MB of query pairs', `https://x.org/?${'key=v&'.repeat(150_000)}`],
    ['1 MB of text that is not a URL', `${'?token='.repeat(130_000)}x`],
    ['1 MB of separators', `/x${'?&;'.repeat(350_000)}`],
  ])('handles %s without catastrophic backtracking', (_, input) => {
    const out = redactUrl(input, ['unused-secret'])
    expect(out).not.toMatch(/(token|key)=(?!\*\*\*)[a-z]/)
  })
})

describe('redactText', () => {
  it('masks every occurrence of every known secret', () => {
    expect(redactText('key AbCd1234 again AbCd1234 and xYz98765', ['AbCd1234', 'xYz98765'])).toBe(
      'key *** again *** and ***',
    )
  })

  it('leaves text without secrets unchanged', () => {
    expect(redactText('nothing to hide', ['AbCd1234'])).toBe('nothing to hide')
    expect(redactText('nothing to hide', [])).toBe('nothing to hide')
  })

  it('never leaves a known secret in the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string()),
        fc.string({ minLength: 4, maxLength: 30 }).filter((s) => !s.includes('*')),
        (pieces, secret) => {
          expect(redactText(pieces.join(secret), [secret])).not.toContain(secret)
        },
      ),
    )
  })

  it('masks secrets in 1 MB of text', () => {
    const text = 'Bearer s3cr3t-t0ken '.repeat(50_000)
    expect(redactText(text, ['s3cr3t-t0ken'])).not.toContain('s3cr3t')
  })
})

describe('isSecretHeader', () => {
  it.each([
    ['Authorization', true],
    ['authorization', true],
    ['Proxy-Authorization', true],
    ['Cookie', true],
    ['X-API-Key', true],
    ['x-aurorax-api-key', true],
    ['X-Amz-Security-Token', true],
    ['Content-Type', false],
    ['Accept', false],
    ['X-Request-Id', false],
  ])('%s -> %s', (name, secret) => {
    expect(isSecretHeader(name)).toBe(secret)
  })
})
