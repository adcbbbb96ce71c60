import type { Writable } from 'node:stream'

export type OutStream = Writable & { readonly isTTY?: boolean }

/** Where one run of the command reads its environment and writes its output. */
export interface Io {
  readonly stdout: OutStream
  readonly stderr: OutStream
  readonly env: NodeJS.ProcessEnv
  readonly cwd: string
  /** Aborted on Ctrl-C or SIGTERM. */
  readonly signal: AbortSignal
}
