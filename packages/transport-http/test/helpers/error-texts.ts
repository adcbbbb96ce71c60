import { inspect } from 'node:util'

/** Every way an error could be shown or logged. */
export function errorTexts(error: unknown): string {
  const e = error as Error
  return [JSON.stringify(e), e.message, String(e.cause), e.stack, inspect(e, { depth: 10 })].join('\n')
}
