import { ErrorCode, type QueryValue } from '@heliokit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { joinUrl, withQuery } from '../src/index.ts'

const segment = fc
  .stringMatching(/^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,11}$/)
  .filter((s) => s !== '.' && s !== '..')

describe('joinUrl', () => {
  it.each([
    ['https://x/api/v1', 'datasets'],
    ['https://x/api/v1/', 'datasets'],
    ['https://x/api/v1', '/datasets'],
    ['https://x/api/v1/', '/datasets'],
    ['https://x/api/v1//', '//datasets'.slice(1)],
  ])('joins %s + %s without doubling or dropping slashes', (base, path) => {
    expect(joinUrl(base, path).href).toBe('https://x/api/v1/datasets')
  })

  it('keeps a trailing slash of the path and the base query', () => {
    expect(joinUrl('https://x/api?v=2', 'a/b/').href).toBe('https://x/api/a/b/?v=2')
  })

  it('appends any relative path under any base path (property)', () => {
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 4 }),
        fc.boolean(),
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (baseSegments, baseSlash, pathSegments, leadingSlash) => {
          const basePath = baseSegments.join('/')
          const base = `https://example.org/${basePath}${baseSlash && basePath ? '/' : ''}`
          const path = `${leadingSlash ? '/' : ''}${pathSegments.join('/')}`
          const joined = joinUrl(base, path)
          expect(joined.origin).toBe('https://example.org')
          expect(joined.pathname).toBe(`/${[...baseSegments, ...pathSegments].join('/')}`)
          expect(joined.pathname).not.toContain('//')
        },
      ),
    )
  })

  it('rejects any path with a dot-dot segment, encoded or not (property)', () => {
    const dots = fc.constantFrom('..', '.', '%2e%2e', '%2E.', '.%2e')
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 3 }),
        dots,
        fc.array(segment, { maxLength: 3 }),
        (a, dot, b) => {
          const path = [...a, dot, ...b].join('/')
          expect(() => joinUrl('https://x/api/v1', path)).toThrow(
            expect.objectContaining({ code: ErrorCode.INVALID_INPUT }),
          )
        },
      ),
    )
  })

  it.each([
    'https://evil.example/x',
    'http:evil',
    '//evil.example/x',
    'mailto:a@b',
    'a?x=1',
    'a#frag',
    'a\\..\\b',
  ])('rejects %s with INVALID_INPUT', (path) => {
    expect(() => joinUrl('https://x/api/v1', path)).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_INPUT }),
    )
  })

  it.each(['ftp://x/a', 'not a url', 'https://user:pw@x/api'])('rejects the base %s', (base) => {
    expect(() => joinUrl(base, 'a')).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_INPUT }))
  })
})

describe('withQuery', () => {
  it('omits undefined and null, writes booleans, ISO dates and repeated keys', () => {
    const url = withQuery(new URL('https://x/api'), {
      a: undefined,
      b: null,
      yes: true,
      no: false,
      n: 0,
      start: new Date(Date.UTC(2020, 0, 2, 3, 4, 5)),
      site: ['atha', 'gill'],
      q: 'a b&c',
    })
    expect([...url.searchParams]).toEqual([
      ['yes', 'true'],
      ['no', 'false'],
      ['n', '0'],
      ['start', '2020-01-02T03:04:05.000Z'],
      ['site', 'atha'],
      ['site', 'gill'],
      ['q', 'a b&c'],
    ])
  })

  it('round-trips any string values through the URL (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1 }), fc.array(fc.string(), { minLength: 1, maxLength: 3 })),
        (query) => {
          const parsed = new URL(withQuery(new URL('https://x/api?keep=1'), query).href)
          expect(parsed.searchParams.get('keep')).toBe('1')
          for (const [key, values] of Object.entries(query)) {
            expect(parsed.searchParams.getAll(key).slice(key === 'keep' ? 1 : 0)).toEqual(values)
          }
        },
      ),
    )
  })

  it.each<[string, QueryValue]>([
    ['an invalid Date', new Date('nope')],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an object', { a: 1 } as unknown as QueryValue],
  ])('rejects %s with INVALID_INPUT', (_name, value) => {
    expect(() => withQuery(new URL('https://x/'), { v: value })).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_INPUT }),
    )
  })
})
