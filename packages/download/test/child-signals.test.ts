import { expect, test } from 'vitest'
import { ChildSignals } from '../src/child-signals.ts'

test('children abort with the run, with its reason, and a child made after that is aborted already', () => {
  const run = new AbortController()
  const signals = new ChildSignals(run.signal)
  const a = signals.child()
  const b = signals.child()
  expect(signals.aborted).toBe(false)
  run.abort(new Error('stop'))
  expect(signals.aborted).toBe(true)
  expect(a.signal.aborted && b.signal.aborted).toBe(true)
  expect(a.signal.reason).toEqual(new Error('stop'))
  expect(signals.child().signal.reason).toEqual(new Error('stop'))
})

test('a child left without listeners serves the next file; one left with a listener is let go', () => {
  const signals = new ChildSignals(new AbortController().signal)
  const clean = signals.child()
  const listened = () => {}
  clean.signal.addEventListener('abort', listened)
  clean.signal.removeEventListener('abort', listened)
  clean.dispose()
  const next = signals.child()
  expect(next.signal).toBe(clean.signal)

  next.signal.addEventListener('abort', () => {})
  next.dispose()
  expect(signals.child().signal).not.toBe(next.signal)
})

test('disposing twice never hands one child to two files', () => {
  const run = new AbortController()
  const signals = new ChildSignals(run.signal)
  const once = signals.child()
  once.dispose()
  once.dispose()
  const first = signals.child()
  const second = signals.child()
  expect(first.signal).toBe(once.signal)
  expect(second.signal).not.toBe(first.signal)
  run.abort()
  expect(first.signal.aborted && second.signal.aborted).toBe(true)
})

test('a run signal that fired already makes every child aborted from the start', () => {
  const signals = new ChildSignals(AbortSignal.abort(new Error('early')))
  expect(signals.aborted).toBe(true)
  expect(signals.child().signal.reason).toEqual(new Error('early'))
})
