import {
  AbortedError,
  abortError,
  anySignal,
  NotFoundError,
  TimeoutError,
  throwIfAborted,
} from '@heliokit/core'
import { describe, expect, it } from 'vitest'

function fired(signal: AbortSignal): Promise<void> {
  return signal.aborted
    ? Promise.resolve()
    : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))
}

describe('throwIfAborted', () => {
  it('does nothing without a signal or before it fires', () => {
    expect(() => throwIfAborted(undefined)).not.toThrow()
    expect(() => throwIfAborted(new AbortController().signal)).not.toThrow()
  })

  it('throws ABORTED with the provider id and the reason as cause', () => {
    const controller = new AbortController()
    controller.abort()
    let error: unknown
    try {
      throwIfAborted(controller.signal, 'ucalgary')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AbortedError)
    expect((error as AbortedError).provider).toBe('ucalgary')
    expect((error as Error).cause).toBe(controller.signal.reason)
  })

  it('throws TIMEOUT for a signal from AbortSignal.timeout', async () => {
    const signal = AbortSignal.timeout(1)
    await fired(signal)
    expect(() => throwIfAborted(signal)).toThrow(TimeoutError)
  })
})

describe('abortError', () => {
  it('maps a timeout reason to a retryable TIMEOUT', async () => {
    const signal = AbortSignal.timeout(1)
    await fired(signal)
    const error = abortError(signal, 'p')
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.retryable).toBe(true)
    expect(error.provider).toBe('p')
    expect(error.cause).toBe(signal.reason)
  })

  it('returns a HeliokitError reason as it is', () => {
    const reason = new NotFoundError('gone')
    expect(abortError(AbortSignal.abort(reason))).toBe(reason)
  })

  it('wraps any other reason as ABORTED', () => {
    const error = abortError(AbortSignal.abort('user pressed stop'))
    expect(error).toBeInstanceOf(AbortedError)
    expect(error.cause).toBe('user pressed stop')
    expect(error.message).toBe('[heliokit] operation aborted')
  })
})

describe('anySignal', () => {
  it('returns undefined or the only signal given', () => {
    const only = new AbortController().signal
    expect(anySignal()).toBeUndefined()
    expect(anySignal(undefined, undefined)).toBeUndefined()
    expect(anySignal(undefined, only)).toBe(only)
  })

  it('fires when any of the signals fires, with its reason', () => {
    const a = new AbortController()
    const b = new AbortController()
    const both = anySignal(a.signal, undefined, b.signal)!
    expect(both.aborted).toBe(false)
    b.abort('b stopped')
    expect(both.aborted).toBe(true)
    expect(both.reason).toBe('b stopped')
  })
})
