import {
  AbortedError,
  abortError,
  type ErrorCode,
  type ErrorInfo,
  errorForStatus,
  HeliokitError,
  type InvalidInputError,
  invalidField,
  NotFoundError,
  RateLimitedError,
  toHeliokitError,
} from '@heliokit/core'
import { describe, expectTypeOf, it } from 'vitest'

describe('error class types', () => {
  it('narrows the class and the code with instanceof', () => {
    const e: unknown = new NotFoundError('gone')
    if (e instanceof NotFoundError) {
      expectTypeOf(e).toEqualTypeOf<NotFoundError>()
      expectTypeOf(e.code).toEqualTypeOf<'NOT_FOUND'>()
      expectTypeOf(e.name).toEqualTypeOf<'NotFoundError'>()
    }
    const base = errorForStatus(429, 'slow down')
    if (base instanceof RateLimitedError) expectTypeOf(base.code).toEqualTypeOf<'RATE_LIMITED'>()
  })

  it('keeps the base class open to every code', () => {
    expectTypeOf<HeliokitError['code']>().toEqualTypeOf<ErrorCode>()
    expectTypeOf(new HeliokitError('CONFLICT', 'x').code).toEqualTypeOf<ErrorCode>()
    expectTypeOf(new NotFoundError('x')).toExtend<HeliokitError>()
  })

  it('keeps the subclass constructors as (message, info?)', () => {
    expectTypeOf(AbortedError).constructorParameters.toEqualTypeOf<[message: string, info?: ErrorInfo]>()
    // @ts-expect-error a subclass takes no code argument
    new NotFoundError('NOT_FOUND', 'gone', {})
  })

  it('returns the class types from the helpers', () => {
    expectTypeOf(invalidField('start', 'is required')).toEqualTypeOf<InvalidInputError>()
    expectTypeOf(invalidField('start', 'is required').code).toEqualTypeOf<'INVALID_INPUT'>()
    expectTypeOf(abortError(AbortSignal.abort())).toEqualTypeOf<HeliokitError>()
    expectTypeOf(toHeliokitError(new Error('x'))).toEqualTypeOf<HeliokitError>()
  })

  it('exposes each subclass code statically', () => {
    expectTypeOf(NotFoundError.code).toEqualTypeOf<'NOT_FOUND'>()
  })
})
