import { expect, test } from 'vitest'
import { FileSignals } from '../src/file-signals.ts'

test("each file's signal aborts with the run's, with its reason, and one made after that is aborted already", async () => {
  const run = new AbortController()
  const signals = new FileSignals(run.signal)
  const seen: AbortSignal[] = []
  const working = [1, 2].map(() =>
    signals.with(
      (signal) =>
        new Promise<string>((resolve) => {
          seen.push(signal)
          signal.addEventListener('abort', () => resolve(String(signal.reason)))
        }),
    ),
  )
  expect(signals.aborted).toBe(false)
  expect(seen[0]).not.toBe(seen[1])
  run.abort(new Error('stop'))
  expect(signals.aborted).toBe(true)
  expect(await Promise.all(working)).toEqual(['Error: stop', 'Error: stop'])
  expect(await signals.with(async (signal) => signal.reason)).toEqual(new Error('stop'))
})

test('a finished file is let go: aborting the run later touches only the files still running', async () => {
  const run = new AbortController()
  const signals = new FileSignals(run.signal)
  const done = await signals.with(async (signal) => signal)
  run.abort()
  expect(done.aborted).toBe(false)
})
