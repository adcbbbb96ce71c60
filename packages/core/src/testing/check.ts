import { type ErrorCode, isHeliokitError } from '../errors.ts'

/** The test registration function of any runner: vitest's or node:test's `test` fits. */
export type TestFunction = (name: string, fn: () => Promise<void>) => unknown

/** Thrown by the suites; runner-neutral so core needs no test framework at run time. */
export class ConformanceFailure extends Error {
  override name = 'ConformanceFailure'
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message)
}

/** Runs `action` and checks it fails with a HeliokitError of one of `codes`; returns that error. */
export async function expectHeliokitError(
  action: () => Promise<unknown>,
  codes: readonly ErrorCode[],
  what: string,
): Promise<Error & { code: ErrorCode }> {
  let thrown: unknown
  try {
    await action()
  } catch (error) {
    thrown = error
  }
  check(thrown !== undefined, `${what}: expected an error with code ${codes.join(' or ')}, but it succeeded`)
  check(isHeliokitError(thrown), `${what}: expected a HeliokitError, got ${describeThrown(thrown)}`)
  check(
    codes.includes(thrown.code),
    `${what}: expected code ${codes.join(' or ')}, got ${thrown.code}: ${thrown.message}`,
  )
  return thrown
}

function describeThrown(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message.slice(0, 200)}`
  return typeof value
}

/** Every text an error exposes: message, JSON and the cause chain's messages. */
export function errorTexts(error: unknown): string {
  const texts: string[] = []
  let current: unknown = error
  for (let depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    if (current instanceof Error) texts.push(current.name, current.message, current.stack ?? '')
    try {
      texts.push(JSON.stringify(current) ?? '')
    } catch {
      // circular structures cannot leak through JSON either
    }
    texts.push(String(current))
    current = (current as { cause?: unknown }).cause
  }
  return texts.join('\n')
}

/** Wraps a test body so a suite group can be switched off by name. */
export function register(
  test: TestFunction,
  skip: readonly string[],
  name: string,
  fn: () => Promise<void>,
): void {
  if (!skip.includes(name)) test(name, fn)
}
