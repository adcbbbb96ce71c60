import type { CommandContext, CommandSpec, OptionValue } from '@heliokit/core/commands'
import type { Command } from 'commander'
import { downloadFiles } from './download-files.ts'
import type { Io } from './io.ts'
import { optionValue } from './option-value.ts'
import { progressView } from './output/progress-view.ts'
import { type OutputFormat, renderResult } from './output/render-result.ts'
import { readJsonFile, readRecordsFile } from './read-input-file.ts'
import type { Session } from './session.ts'

/** What a command's context needs from the run: the session (for downloads) and failure reporting. */
export interface RunServices {
  session(): Promise<Session>
  /** Prints a failure's error line; the command then exits with 1. */
  report(error: unknown): Promise<void>
}

/** The output format the global flags ask for. */
export function outputFormat(command: Command): OutputFormat {
  const globals = command.optsWithGlobals() as { json?: boolean; ndjson?: boolean }
  return globals.ndjson ? 'ndjson' : globals.json ? 'json' : 'table'
}

/** Reads a command's arguments and options by its spec, runs it with a progress view, and prints what it returns. */
export async function runSpec<Api>(
  spec: CommandSpec<Api>,
  command: Command,
  api: Api,
  io: Io,
  services: RunServices,
): Promise<void> {
  const args: Record<string, string | readonly string[] | undefined> = {}
  for (const [i, arg] of (spec.args ?? []).entries()) {
    args[arg.name] = command.processedArgs[i] as string | string[] | undefined
  }
  const given = command.opts() as Record<string, unknown>
  const options: Record<string, OptionValue | undefined> = {}
  for (const option of spec.options ?? []) options[option.name] = optionValue(option, given[option.name])
  const view = await progressView(io.stderr)
  const ctx: CommandContext<Api> = {
    api,
    args,
    options,
    signal: io.signal,
    onProgress: view.update,
    readJson: (path) => readJsonFile(io.cwd, path),
    readRecords: (path) => readRecordsFile(io.cwd, path),
    download: async (files, options) => {
      const run = { signal: io.signal, onProgress: view.update, report: services.report, stderr: io.stderr }
      return downloadFiles(await services.session(), files, options, run)
    },
  }
  try {
    const result = await spec.run!(ctx)
    view.stop()
    await renderResult(result, outputFormat(command), io.stdout)
  } finally {
    view.stop()
  }
}
