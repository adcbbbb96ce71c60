import {
  AbortedError,
  ErrorCode,
  InternalError,
  isHeliokitError,
  NotFoundError,
  TimeoutError,
  toHeliokitError,
} from '@heliokit/core'
import { describe, expect, it } from 'vitest'

describe('toHeliokitError', () => {
  it('returns a HeliokitError unchanged', () => {
    const error = new NotFoundError('gone', { provider: 'a' })
    expect(toHeliokitError(error, 'b')).toBe(error)
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
