import type { CommandResult } from '@heliokit/core/commands'
import type { Io } from './io.ts'
import type { RunServices } from './run-spec.ts'

/** What built-in commands get as their `api`: the session and reporting, output, and the command itself. */
export interface CliRun extends RunServices {
  readonly io: Io
  /** Prints a result in the chosen format now (for commands that keep running afterwards). */
  print(result: CommandResult): Promise<void>
  /** Runs another command line in this process with this environment; resolves to its exit code. */
  main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number>
}
