import { abortError } from '@heliokit/core'
import { PROVIDER_ID } from './provider-id.ts'

/** Waits `ms`; rejects with the signal's HeliokitError as soon as it fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal, PROVIDER_ID))
    const onAbort = () => {
      clearTimeout(timer)
      reject(abortError(signal!, PROVIDER_ID))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
