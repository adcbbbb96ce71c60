import { isHeliokitError } from '@heliokit/core'
import { errorHint } from './error-hint.ts'

/** The lines to print for a failure and the exit status: 2 for usage errors, 1 for everything else. */
export interface ErrorReport {
  readonly lines: readonly string[]
  readonly exitCode: 1 | 2
}

export interface ReportOptions {
  readonly verbose: boolean
  /** Environment variables of the failing provider's settings, for the hint. */
  readonly envOf: (provider: string | undefined) => readonly string[]
  /** Replaces secrets (API keys) in any text. */
  readonly scrub: (text: string) => string
}

/** One line, `heliokit: CODE [provider] message (hint)`; `--verbose` adds the cause chain. */
export function errorReport(error: unknown, options: ReportOptions): ErrorReport {
  const known = isHeliokitError(error)
  const code = known ? error.code : 'INTERNAL'
  const provider = known ? error.provider : undefined
  const message = (error instanceof Error ? error.message : String(error)).replace(/^\[heliokit\] /, '')
  const hint = errorHint(code, provider, options.envOf(provider))
  const lines = [`heliokit: ${code} ${message} (${hint})`]
  if (options.verbose) {
    for (
      let cause = (error as { cause?: unknown })?.cause, depth = 0;
      cause !== undefined && depth < 8;
      depth++
    ) {
      const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)
      lines.push(`  caused by ${text}`)
      cause = (cause as { cause?: unknown })?.cause
    }
    if (known && error.issues.length) for (const i of error.issues) lines.push(`  ${i.path}: ${i.message}`)
  }
  return {
    lines: lines.map(options.scrub),
    exitCode: code === 'INVALID_INPUT' ? 2 : 1,
  }
}
