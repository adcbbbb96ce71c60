import { TimeoutError } from '@heliokit/core'
import { expect, test, vi } from 'vitest'
import { abortSignalOf, startDeadline } from '../src/deadline.ts'

const timeout = () => new TimeoutError('timed out')

test('fires once on timeout with the timeout error, calling only the listeners still attached', async () => {
  const deadline = startDeadline(20, undefined, timeout)
  const kept = vi.fn()
  const removed = vi.fn()
  deadline.signal.addEventListener('abort', kept, { once: true })
  deadline.signal.addEventListener('abort', removed, { once: true })
  deadline.signal.removeEventListener('abort', removed)
  await new Promise((resolve) => setTimeout(resolve, 60))
  expect(deadline.timedOut()).toBe(true)
  expect(deadline.signal.aborted).toBe(true)
  expect(deadline.signal.reason).toBeInstanceOf(TimeoutError)
  expect(kept).toHaveBeenCalledTimes(1)
  expect(removed).not.toHaveBeenCalled()
  deadline.clear()
})

test("fires with the caller's reason when the caller aborts, and not after it is cleared", () => {
  const caller = new AbortController()
  const deadline = startDeadline(10_000, caller.signal, timeout)
  const fetchSignal = abortSignalOf(deadline.signal)
  caller.abort('stop')
  expect(deadline.signal.reason).toBe('stop')
  expect(fetchSignal.aborted && fetchSignal.reason === 'stop').toBe(true)
  expect(deadline.timedOut()).toBe(false)
  deadline.clear()

  const later = new AbortController()
  const cleared = startDeadline(10_000, later.signal, timeout)
  cleared.clear()
  later.abort('too late')
  expect(cleared.signal.aborted).toBe(false)
})

test('a caller signal aborted already fires the deadline at once', () => {
  const deadline = startDeadline(10_000, AbortSignal.abort('gone'), timeout)
  expect(deadline.signal.aborted).toBe(true)
  expect(abortSignalOf(deadline.signal).reason).toBe('gone')
  deadline.clear()
})
