import type { HeliokitError } from './errors.ts'
import type { Outcome } from './heliokit.ts'

/**
 * The values of a composed call, for code that wants plain records (e.g. to download them):
 * `download(outcomeValues(hk.files(query), onError), { context: hk.context, outDir })`.
 * Each failed provider's error goes to `onError`; without one, the first error is thrown.
 */
export async function* outcomeValues<T>(
  outcomes: AsyncIterable<Outcome<T>>,
  onError?: (error: HeliokitError, provider: string) => void,
): AsyncGenerator<T, void, undefined> {
  for await (const outcome of outcomes) {
    if (outcome.ok) yield outcome.value
    else if (onError) onError(outcome.error, outcome.provider)
    else throw outcome.error
  }
}
