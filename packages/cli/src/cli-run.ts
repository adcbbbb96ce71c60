import type { CommandResult } from '@heliokit/core/commands'
import type { Io } from './io.ts'
import type { Session } from './session.ts'

/** What built-in commands get as their `api`: the session, output, and the command itself (for the demo). */
export interface CliRun {
  readonly io: Io
  /** The providers and client, built on first call. */
  session(): Promise<Session>
  /** Prints a result in the chosen format now (for commands that keep running afterwards). */
  print(result: CommandResult): Promise<void>
  /** Prints the error line of a partial failure; the command then exits with 1. */
  report(error: unknown): Promise<void>
  /** Runs another command line in this process with this environment; resolves to its exit code. */
  main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number>
}
