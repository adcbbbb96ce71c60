import { existsSync } from 'node:fs'
import type * as core from '@heliokit/core'
import {
  AbortedError,
  AuthError,
  BadResponseError,
  ConflictError,
  ErrorCode,
  errorForStatus,
  HeliokitError,
  HttpError,
  IntegrityError,
  InternalError,
  InvalidInputError,
  isHeliokitError,
  isRetryableStatus,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  TimeoutError,
  toHeliokitError,
  UnavailableError,
} from '@heliokit/core'
import { describe, expect, it, vi } from 'vitest'

const classes = [
  [HttpError, 'HTTP', 'HttpError'],
  [AuthError, 'AUTH', 'AuthError'],
  [NotFoundError, 'NOT_FOUND', 'NotFoundError'],
  [RateLimitedError, 'RATE_LIMITED', 'RateLimitedError'],
  [TimeoutError, 'TIMEOUT', 'TimeoutError'],
  [AbortedError, 'ABORTED', 'AbortedError'],
  [InvalidInputError, 'INVALID_INPUT', 'InvalidInputError'],
  [BadResponseError, 'BAD_RESPONSE', 'BadResponseError'],
  [UnavailableError, 'UNAVAILABLE', 'UnavailableError'],
  [ConflictError, 'CONFLICT', 'ConflictError'],
  [NetworkError, 'NETWORK', 'NetworkError'],
  [IntegrityError, 'INTEGRITY', 'IntegrityError'],
  [InternalError, 'INTERNAL', 'InternalError'],
] as const

const BRAND = Symbol.for('heliokit.error')

describe('ErrorCode', () => {
  it('has the stable codes, each equal to its own name', () => {
    expect(Object.keys(ErrorCode).sort()).toEqual(
      [
        'ABORTED',
        'AUTH',
        'BAD_RESPONSE',
        'CONFLICT',
        'HTTP',
        'INTEGRITY',
        'INTERNAL',
        'INVALID_INPUT',
        'NETWORK',
        'NOT_FOUND',
        'RATE_LIMITED',
        'TIMEOUT',
        'UNAVAILABLE',
      ].sort(),
    )
    for (const [key, value] of Object.entries(ErrorCode)) expect(value).toBe(key)
  })
})

describe('error classes', () => {
  it.each(classes)('%o carries code %s and name %s', (Class, code, name) => {
    const error = new Class('boom', { provider: 'p' })
    expect(Class.code).toBe(code)
    expect(error.code).toBe(code)
    expect(error.name).toBe(name)
    expect(error).toBeInstanceOf(Class)
    expect(error).toBeInstanceOf(HeliokitError)
    expect(error).toBeInstanceOf(Error)
    expect(isHeliokitError(error)).toBe(true)
    expect(error.stack).toContain(name)
  })

  it('matches only its own subclass', () => {
    for (const [Class, code] of classes) {
      const error = new Class('x')
      for (const [Other, otherCode] of classes) {
        expect(error instanceof Other, `${code} instanceof ${otherCode}`).toBe(code === otherCode)
      }
    }
  })

  it('lets a base error built with a code match that code’s subclass', () => {
    const error = new HeliokitError(ErrorCode.NOT_FOUND, 'gone')
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error).not.toBeInstanceOf(AuthError)
  })

  it('prefixes messages with [heliokit] and the provider id', () => {
    expect(new NotFoundError('no dataset X', { provider: 'aurorax' }).message).toBe(
      '[heliokit] [aurorax] no dataset X',
    )
    expect(new NotFoundError('no dataset X').message).toBe('[heliokit] no dataset X')
  })

  it('keeps the info fields, defaulting retryable to false and issues to empty', () => {
    const cause = new Error('inner')
    const error = new RateLimitedError('slow down', {
      provider: 'p',
      status: 429,
      url: 'https://x.org/a',
      retryable: true,
      retryAfterMs: 1500,
      issues: [{ path: 'a.b', message: 'bad' }],
      cause,
    })
    expect(error).toMatchObject({
      provider: 'p',
      status: 429,
      url: 'https://x.org/a',
      retryable: true,
      retryAfterMs: 1500,
      issues: [{ path: 'a.b', message: 'bad' }],
    })
    expect(error.cause).toBe(cause)
    const bare = new HttpError('x')
    expect(bare).toMatchObject({ retryable: false, issues: [], provider: undefined, status: undefined })
    expect('cause' in bare).toBe(false)
  })
})

describe('toJSON', () => {
  it('holds the code, message and metadata but never the cause', () => {
    const error = new AuthError('bad key', {
      provider: 'p',
      status: 401,
      url: 'https://x.org/?api_key=***',
      cause: new Error('GET https://x.org/?api_key=hunter2 -> 401'),
    })
    const json = error.toJSON()
    expect(json).toEqual({
      name: 'AuthError',
      code: 'AUTH',
      message: '[heliokit] [p] bad key',
      provider: 'p',
      status: 401,
      url: 'https://x.org/?api_key=***',
      retryable: false,
      issues: undefined,
    })
    expect('cause' in json).toBe(false)
    expect(JSON.stringify(error)).not.toContain('hunter2')
  })

  it('lists issues when there are some', () => {
    const error = new InvalidInputError('bad', { issues: [{ path: 'start', message: 'required' }] })
    expect(error.toJSON().issues).toEqual([{ path: 'start', message: 'required' }])
  })
})

describe('isHeliokitError', () => {
  it.each([
    ['a plain Error', new Error('x')],
    ['an object with a code', { code: 'NOT_FOUND', message: 'x' }],
    ['an object whose brand is not true', { [BRAND]: 'yes', code: 'NOT_FOUND' }],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'NOT_FOUND'],
    ['a number', 404],
  ])('is false for %s', (_, value) => {
    expect(isHeliokitError(value)).toBe(false)
    expect(value instanceof HeliokitError).toBe(false)
  })

  it('recognises an error branded by another copy of core', () => {
    const foreign = Object.assign(new Error('[heliokit] gone'), { code: 'NOT_FOUND' })
    Object.defineProperty(foreign, BRAND, { value: true })
    expect(isHeliokitError(foreign)).toBe(true)
    expect(foreign instanceof HeliokitError).toBe(true)
    expect(foreign instanceof NotFoundError).toBe(true)
    expect(foreign instanceof AuthError).toBe(false)
  })

  it('works across two loaded copies of the module, both ways', async () => {
    vi.resetModules()
    const second = (await import('@heliokit/core')) as typeof core
    const copies = [second]
    const dist = new URL('../dist/index.js', import.meta.url)
    // The built output is a third copy when the package has been built.
    if (existsSync(dist)) copies.push((await import(/* @vite-ignore */ dist.href)) as typeof core)
    for (const copy of copies) {
      expect(copy.NotFoundError).not.toBe(NotFoundError)
      const theirs = new copy.NotFoundError('gone', { provider: 'p' })
      expect(isHeliokitError(theirs)).toBe(true)
      expect(theirs).toBeInstanceOf(HeliokitError)
      expect(theirs).toBeInstanceOf(NotFoundError)
      expect(theirs).not.toBeInstanceOf(AuthError)
      const ours = new AuthError('denied')
      expect(copy.isHeliokitError(ours)).toBe(true)
      expect(ours).toBeInstanceOf(copy.AuthError)
      expect(ours).not.toBeInstanceOf(copy.NotFoundError)
    }
  })
})

describe('errorForStatus', () => {
  it.each([
    [401, AuthError, 'AUTH', false],
    [403, AuthError, 'AUTH', false],
    [404, NotFoundError, 'NOT_FOUND', false],
    [410, NotFoundError, 'NOT_FOUND', false],
    [409, ConflictError, 'CONFLICT', false],
    [412, ConflictError, 'CONFLICT', false],
    [429, RateLimitedError, 'RATE_LIMITED', true],
    [408, TimeoutError, 'TIMEOUT', true],
    [504, TimeoutError, 'TIMEOUT', true],
    [503, UnavailableError, 'UNAVAILABLE', true],
    [400, InvalidInputError, 'INVALID_INPUT', false],
    [422, InvalidInputError, 'INVALID_INPUT', false],
    [500, HttpError, 'HTTP', true],
    [502, HttpError, 'HTTP', true],
    [418, HttpError, 'HTTP', false],
    [501, HttpError, 'HTTP', false],
  ] as const)('maps %i to %o (%s), retryable %s', (status, Class, code, retryable) => {
    const error = errorForStatus(status, 'GET /x', { provider: 'p', url: 'https://x.org/x' })
    expect(error).toBeInstanceOf(Class)
    expect(error.code).toBe(code)
    expect(error.status).toBe(status)
    expect(error.retryable).toBe(retryable)
    expect(error.provider).toBe('p')
    expect(error.url).toBe('https://x.org/x')
    expect(error.message).toBe('[heliokit] [p] GET /x')
  })

  it('passes retryAfterMs through for 429', () => {
    const error = errorForStatus(429, 'slow down', { retryAfterMs: 2000 })
    expect(error).toBeInstanceOf(RateLimitedError)
    expect(error.retryAfterMs).toBe(2000)
  })

  it('lets the caller override retryable but not the status', () => {
    expect(errorForStatus(500, 'x', { retryable: false }).retryable).toBe(false)
    expect(errorForStatus(404, 'x', { status: 200 }).status).toBe(404)
  })

  it('keeps the cause', () => {
    const cause = new Error('raw')
    expect(errorForStatus(500, 'x', { cause }).cause).toBe(cause)
  })
})

describe('isRetryableStatus', () => {
  it('is true exactly for 408, 429, 500, 502, 503 and 504', () => {
    const retryable = Array.from({ length: 500 }, (_, i) => i + 100).filter(isRetryableStatus)
    expect(retryable).toEqual([408, 429, 500, 502, 503, 504])
  })
})

describe('toHeliokitError', () => {
  it('returns a HeliokitError that names a provider, or when none is asked for, unchanged', () => {
    const error = new NotFoundError('gone', { provider: 'a' })
    expect(toHeliokitError(error, 'b')).toBe(error)
    const anonymous = new NotFoundError('gone')
    expect(toHeliokitError(anonymous)).toBe(anonymous)
  })

  it('raises one that names no provider again as the same class, naming the given provider', () => {
    const original = new IntegrityError('f.bin: checksum does not match', {
      url: 'https://x/f.bin',
      retryable: true,
      status: 200,
      issues: [{ path: 'checksum', message: 'differs' }],
    })
    const own = toHeliokitError(original, 'ucalgary')
    expect(own).toBeInstanceOf(IntegrityError)
    expect(own.message).toBe('[heliokit] [ucalgary] f.bin: checksum does not match')
    expect(own).toMatchObject({
      code: 'INTEGRITY',
      name: 'IntegrityError',
      provider: 'ucalgary',
      url: 'https://x/f.bin',
      retryable: true,
      status: 200,
      issues: [{ path: 'checksum', message: 'differs' }],
      cause: original,
    })
  })

  it('maps an AbortError to ABORTED, keeping it as the cause', () => {
    const abort = new DOMException('This operation was aborted', 'AbortError')
    const error = toHeliokitError(abort, 'p')
    expect(error).toBeInstanceOf(AbortedError)
    expect(error.provider).toBe('p')
    expect(error.cause).toBe(abort)
  })

  it('maps a TimeoutError to a retryable TIMEOUT', () => {
    const error = toHeliokitError(new DOMException('timed out', 'TimeoutError'))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.retryable).toBe(true)
  })

  it('reports anything else as INTERNAL without copying its message', () => {
    const raw = new TypeError(
      'fetch https://x.org/data?api_key=hunter2hunter2 failed: Authorization: Bearer abc',
    )
    const error = toHeliokitError(raw, 'aurorax')
    expect(error).toBeInstanceOf(InternalError)
    expect(error.message).toBe('[heliokit] [aurorax] unexpected TypeError in provider')
    expect(error.message).not.toContain('hunter2')
    expect(JSON.stringify(error)).not.toContain('hunter2')
    expect(error.cause).toBe(raw)
  })

  it.each([
    ['a string', 'GET https://x.org/?token=s3cr3t'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['an object without a name', { message: 'token=s3cr3t' }],
    ['an object with a non-string name', { name: 42 }],
  ])('turns %s into an INTERNAL error', (_, value) => {
    const error = toHeliokitError(value)
    expect(isHeliokitError(error)).toBe(true)
    expect(error.code).toBe(ErrorCode.INTERNAL)
    expect(error.message).toBe('[heliokit] unexpected error in provider')
    expect(error.cause).toBe(value)
  })
})
